import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import OpenAI from 'openai'
import { parse } from 'yaml'
import { afterAll, describe, expect, it } from 'vitest'
import { MockLlmError, startMockServer, type GroundTruthRecord, type HallucinationRecord } from '@voxguard/mock-llm'
import { postChat } from './support.ts'
import { knowledgeFixture } from '@voxguard/knowledge/testing'

const knowledgeBaseFile = knowledgeFixture('clinic')
const facts = JSON.stringify((parse(readFileSync(knowledgeBaseFile, 'utf8')) as { facts: object }).facts)
const directory = mkdtempSync(join(tmpdir(), 'mock-llm-ground-truth-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

const questions = [
  'How much is a cleaning?',
  'What are your opening hours?',
  'Where are you?',
  'Is whitening covered by insurance?',
  'Can I cancel?',
  'thanks, goodbye',
  'Do you sell toothbrushes?',
  'Can I speak to a person?',
]
const truth: Record<string, string> = {
  'How much is a cleaning?': 'A cleaning is 5000 yen, a checkup is 3000 yen and whitening is 30000 yen.',
  'What are your opening hours?':
    'We are open Monday, Tuesday and Thursday 09:00-18:00, Wednesday 09:00-12:00, Friday 09:00-20:00 and Saturday 09:00-13:00. We are closed on Sundays and holidays.',
}

describe('ground truth log', () => {
  it('logs one line per hallucination: the false claim is in the reply, the true one is not, and it contradicts the KB', async () => {
    const file = join(directory, 'hallucinations.jsonl')
    const server = await startMockServer({
      profile: { seed: 9, targets: { openai: { hallucinationRate: 1 } } },
      knowledgeBase: knowledgeBaseFile,
      groundTruthFile: file,
    })
    try {
      const client = new OpenAI({ apiKey: 'sk-test', baseURL: server.endpoints('openai').openai, maxRetries: 0 })
      const replies: string[] = []
      for (const question of [...questions, ...questions]) {
        const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] })
        replies.push(completion.choices[0]!.message.content!)
        if (truth[question]) expect(replies.at(-1)).not.toBe(truth[question])
      }
      const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as GroundTruthRecord)
      expect(lines).toEqual(server.events)
      expect(lines).toHaveLength(replies.length)
      const claimTypes = new Set<string>()
      for (const [index, record] of (lines as HallucinationRecord[]).entries()) {
        expect(record).toMatchObject({ schema: 'voxguard.mock-ground-truth', version: 1, kind: 'hallucination', target: 'openai', protocol: 'openai' })
        expect(record.requestId).toBe(`mock-openai-${index + 1}`)
        expect(Date.parse(record.at)).not.toBeNaN()
        expect(record.replyText).toBe(replies[index])
        expect(record.replyText).toContain(record.injected)
        expect(record.injected).not.toBe(record.original)
        if (record.original !== null && record.factPath !== undefined) expect(facts).toContain(JSON.stringify(record.original).slice(1, -1))
        claimTypes.add(record.claimType)
      }
      expect([...claimTypes].sort()).toEqual(expect.arrayContaining(['address', 'hours', 'name', 'policy', 'price']))
    } finally {
      await server.close()
    }
  })

  it('hallucinates at the set rate, and never in classifications', async () => {
    const server = await startMockServer({ profile: { seed: 4, targets: { a: { hallucinationRate: 0.3 } } }, knowledgeBase: knowledgeBaseFile })
    try {
      const base = server.endpoints('a').openai
      for (let index = 0; index < 200; index++) await (await postChat(base, { messages: [{ role: 'user', content: 'How much is a cleaning?' }] })).text()
      const count = server.events.length
      expect(Math.abs(count - 60)).toBeLessThanOrEqual(4 * Math.sqrt(200 * 0.3 * 0.7))
      const classified = await postChat(base, { messages: [{ role: 'system', content: '[[voxguard:classify]]' }, { role: 'user', content: 'price?' }] })
      expect(((await classified.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message.content).toBe('price')
    } finally {
      await server.close()
    }
  })

  it('logs transport faults with status and error type, and the file is rewritten per run', async () => {
    const file = join(directory, 'faults.jsonl')
    for (let run = 0; run < 2; run++) {
      const server = await startMockServer({
        profile: { seed: 2, targets: { bedrock: { errors: { rate503: 1 } } } },
        groundTruthFile: file,
      })
      try {
        const response = await fetch(`${server.endpoints('bedrock').bedrock}/model/m/converse-stream`, {
          method: 'POST',
          headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
          body: JSON.stringify({ messages: [{ role: 'user', content: [{ text: 'hi' }] }] }),
        })
        expect(response.status).toBe(503)
        expect(response.headers.get('x-amzn-requestid')).toBe('mock-bedrock-1')
      } finally {
        await server.close()
      }
    }
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as GroundTruthRecord)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({
      schema: 'voxguard.mock-ground-truth',
      version: 1,
      requestId: 'mock-bedrock-1',
      target: 'bedrock',
      protocol: 'bedrock',
      kind: 'error',
      status: 503,
      errorType: 'ServiceUnavailableException',
      stream: true,
    })
  })

  it('creates the folder of the ground-truth file; an unwritable path is an invalid-option error naming groundTruthFile', async () => {
    const file = join(directory, 'reports', 'nightly', 'ground-truth.jsonl')
    const server = await startMockServer({ profile: { targets: { a: { errors: { rate500: 1 } } } }, groundTruthFile: file })
    try {
      await (await postChat(server.endpoints('a').openai)).arrayBuffer()
    } finally {
      await server.close()
    }
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ kind: 'error', status: 500 })
    const blocker = join(directory, 'a-file')
    writeFileSync(blocker, '')
    const error = await startMockServer({ groundTruthFile: join(blocker, 'ground-truth.jsonl') }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(MockLlmError)
    expect((error as MockLlmError).code).toBe('option_invalid')
    expect((error as MockLlmError).message).toMatch(/^groundTruthFile: cannot write .*a-file\/ground-truth\.jsonl: /)
  })
})
