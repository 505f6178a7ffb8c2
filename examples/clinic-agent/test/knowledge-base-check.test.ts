import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startClinicAgent } from '../src/index.ts'

const directory = mkdtempSync(join(tmpdir(), 'clinic-knowledge-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

/** Writes an agent.yaml next to a knowledge base with the given text; returns the config file. */
function agentWithKnowledge(knowledge: string): { configFile: string; knowledgeFile: string } {
  const knowledgeFile = join(directory, `knowledge-${Math.random().toString(36).slice(2)}.yaml`)
  writeFileSync(knowledgeFile, knowledge)
  const configFile = `${knowledgeFile}.agent.yaml`
  writeFileSync(configFile, `knowledgeBase: ${knowledgeFile}\nllm:\n  mode: mock\n  targets: {}\n  routes: {}\nspeech:\n  recognizer: none\n  synthesizer: none\n`)
  return { configFile, knowledgeFile }
}

describe('startClinicAgent checks its knowledge base before it listens', () => {
  it('a file that is not format v1: the error names the file, line and field', async () => {
    const { configFile, knowledgeFile } = agentWithKnowledge('version: 1\nfacts:\n  business: { name: Clinic }\n  parking: true\n')
    await expect(startClinicAgent({ configFile, port: 0, logLevel: 'error' })).rejects.toThrow(`${knowledgeFile}:4: field "facts.parking": expected text, a number or a nested mapping, got true`)
  })

  it('no fallback intent: the error names the file and the field', async () => {
    const { configFile, knowledgeFile } = agentWithKnowledge('version: 1\nfacts:\n  business: { name: Clinic }\n')
    await expect(startClinicAgent({ configFile, port: 0, logLevel: 'error' })).rejects.toThrow(`${knowledgeFile}: field "intents.fallback" is required`)
  })

  it('no business name for the greeting: the error names the placeholder', async () => {
    const { configFile } = agentWithKnowledge('version: 1\nfacts:\n  hours: { monday: "09:00-18:00" }\nintents:\n  fallback: { reply: Sorry? }\n')
    await expect(startClinicAgent({ configFile, port: 0, logLevel: 'error' })).rejects.toThrow('unknown placeholder {facts.business.name}')
  })
})
