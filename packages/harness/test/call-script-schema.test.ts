import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { renderCallScriptJsonSchema } from '../src/render-call-script-json-schema.ts'

describe('call-script.schema.json', () => {
  it('is generated from the zod schema and up to date (run packages/harness/scripts/write-call-script-schema.ts)', () => {
    const committed = readFileSync(fileURLToPath(new URL('../call-script.schema.json', import.meta.url)), 'utf8')
    expect(committed).toBe(renderCallScriptJsonSchema())
    const schema = JSON.parse(committed) as { required: string[]; properties: Record<string, unknown> }
    expect(schema.required).toEqual(['id', 'turns'])
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['knowledgeBase', 'persona', 'goal', 'variables', 'turns', 'expect']))
  })
})
