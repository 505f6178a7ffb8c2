import { ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import OpenAI, { AzureOpenAI } from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer, type MockServer } from '@voxguard/mock-llm'
import { bedrockClient } from './support.ts'

let server: MockServer

beforeAll(async () => {
  server = await startMockServer({
    profile: { seed: 1, targets: { openai: {}, 'azure-japaneast': {}, 'bedrock-tokyo': {} } },
  })
})
afterAll(() => server.close())

const question = [{ role: 'user' as const, content: 'Hello there' }]

describe('real SDK clients against the mock server', () => {
  it('openai: non-streaming chat completion', async () => {
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: server.endpoints('openai').openai, maxRetries: 0 })
    const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: question })
    expect(completion.choices[0]?.message.content).toBe('This is a reply from the mock LLM.')
    expect(completion.model).toBe('gpt-4o-mini')
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0)
  })

  it('openai: streaming with the usage chunk', async () => {
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: server.endpoints('openai').openai, maxRetries: 0 })
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: question,
      stream: true,
      stream_options: { include_usage: true },
    })
    let text = ''
    let usage: OpenAI.CompletionUsage | null | undefined
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? ''
      if (chunk.usage) usage = chunk.usage
    }
    expect(text).toBe('This is a reply from the mock LLM.')
    expect(usage?.completion_tokens).toBe(8)
  })

  it('azure: deployment path, api-key header, streaming and not', async () => {
    const client = new AzureOpenAI({
      apiKey: 'azure-key',
      endpoint: server.endpoints('azure-japaneast').azure,
      apiVersion: '2024-10-21',
      deployment: 'gpt-4o-mini',
      maxRetries: 0,
    })
    const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: question })
    expect(completion.choices[0]?.message.content).toBe('This is a reply from the mock LLM.')
    const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: question, stream: true })
    let text = ''
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? ''
    expect(text).toBe('This is a reply from the mock LLM.')
  })

  it('azure: the v1 API path (/openai/v1) with an api-key header', async () => {
    const client = new OpenAI({
      apiKey: 'unused',
      baseURL: `${server.endpoints('azure-japaneast').azure}/openai/v1`,
      defaultHeaders: { 'api-key': 'azure-key' },
      maxRetries: 0,
    })
    const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: question })
    expect(completion.choices[0]?.message.content).toBe('This is a reply from the mock LLM.')
  })

  for (const [name, handler] of [
    ['default HTTP/2 handler', undefined],
    ['NodeHttpHandler (HTTP/1.1)', new NodeHttpHandler()],
  ] as const) {
    it(`bedrock (${name}): Converse and ConverseStream`, async () => {
      const client = bedrockClient(server.endpoints('bedrock-tokyo').bedrock, handler)
      try {
        const input = { modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [{ role: 'user' as const, content: [{ text: 'Hello there' }] }] }
        const response = await client.send(new ConverseCommand(input))
        expect(response.output?.message?.content?.[0]?.text).toBe('This is a reply from the mock LLM.')
        expect(response.stopReason).toBe('end_turn')
        const streamed = await client.send(new ConverseStreamCommand(input))
        let text = ''
        let stopReason: string | undefined
        let outputTokens: number | undefined
        for await (const event of streamed.stream ?? []) {
          text += event.contentBlockDelta?.delta?.text ?? ''
          stopReason ??= event.messageStop?.stopReason
          outputTokens ??= event.metadata?.usage?.outputTokens
        }
        expect(text).toBe('This is a reply from the mock LLM.')
        expect(stopReason).toBe('end_turn')
        expect(outputTokens).toBe(8)
      } finally {
        client.destroy()
      }
    })
  }
})
