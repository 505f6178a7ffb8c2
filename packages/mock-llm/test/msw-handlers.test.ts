import { ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { setupServer } from 'msw/node'
import OpenAI, { InternalServerError } from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GroundTruthRecord } from '@voxguard/mock-llm'
import { createMockHandlers } from '@voxguard/mock-llm/msw'
import { bedrockClient, drain } from './support.ts'
import { knowledgeFixture } from '@voxguard/knowledge/testing'

const knowledgeBase = knowledgeFixture('clinic')
const records: GroundTruthRecord[] = []
const server = setupServer(
  ...createMockHandlers(
    { seed: 1, targets: { openai: {}, broken: { errors: { rate500: 1 } }, bedrock: { cutRate: 1 } } },
    { knowledgeBase, baseUrl: 'https://mock-llm.test', onRecord: (record) => records.push(record) },
  ),
)
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterAll(() => server.close())

describe('msw handlers from the same engine', () => {
  it('answer the real openai client, JSON and SSE, from the knowledge base', async () => {
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: 'https://mock-llm.test/openai/v1', maxRetries: 0 })
    const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'How much is whitening?' }] })
    expect(completion.choices[0]!.message.content).toBe('A cleaning is 5000 yen, a checkup is 3000 yen and whitening is 30000 yen.')
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: '営業時間は？' }],
      stream: true,
      stream_options: { include_usage: true },
    })
    let text = ''
    let totalTokens = 0
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? ''
      totalTokens = chunk.usage?.total_tokens ?? totalTokens
    }
    expect(text).toMatch(/^診療時間は、月曜・火曜・木曜が09:00-18:00/)
    expect(totalTokens).toBeGreaterThan(0)
  })

  it('apply the chaos profile (a 500 with the OpenAI body) and log it', async () => {
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: 'https://mock-llm.test/broken/v1', maxRetries: 0 })
    const error = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InternalServerError)
    expect((error as InternalServerError).type).toBe('server_error')
    expect(records.at(-1)).toMatchObject({ kind: 'error', status: 500, target: 'broken' })
  })

  it('serve Bedrock ConverseStream over HTTP/1.1 and cut it mid-stream', async () => {
    const client = bedrockClient('https://mock-llm.test/bedrock', new NodeHttpHandler())
    try {
      const response = await client.send(new ConverseStreamCommand({ modelId: 'm', messages: [{ role: 'user', content: [{ text: 'hi' }] }] }))
      const { items, error } = await drain(response.stream!)
      expect(error).toBeInstanceOf(Error)
      expect(items.map((event) => Object.keys(event)[0])).not.toContain('messageStop')
      expect(records.at(-1)).toMatchObject({ kind: 'cut', target: 'bedrock', protocol: 'bedrock' })
    } finally {
      client.destroy()
    }
  })
})
