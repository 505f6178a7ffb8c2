import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { loadChaosProfile } from '@voxguard/mock-llm'
import { describe, expect, it } from 'vitest'

const profilesDirectory = fileURLToPath(new URL('../profiles/', import.meta.url))

describe('the suite\'s chaos profiles (e2e/profiles)', () => {
  it.each(readdirSync(profilesDirectory).filter((file) => file.endsWith('.yaml')))('e2e/profiles/%s is valid and finds its knowledge base', async (file) => {
    const profile = await loadChaosProfile(`${profilesDirectory}${file}`)
    expect(profile.knowledgeBase).toBe(fileURLToPath(new URL('../../examples/clinic-agent/knowledge.yaml', import.meta.url)))
    expect(Object.keys(profile.targets)).toEqual(['azure-japaneast', 'azure-swedencentral', 'openai-mini', 'bedrock-tokyo'])
  })
})
