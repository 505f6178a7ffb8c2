import { EventStreamCodec } from '@smithy/core/event-streams'
import { describe, expect, it } from 'vitest'
import { startMockServer } from '@voxguard/mock-llm'
import { postChat, postConverse, useMockServers } from './support.ts'
import { knowledgeFixture } from '@voxguard/knowledge/testing'

const start = useMockServers()
const reply = 'This is a reply from the mock LLM.'
const knowledgeBase = knowledgeFixture('clinic')

/** The `data:` payloads of an SSE body, checking every event is one `data:` line and a blank line. */
function sseData(text: string): string[] {
  expect(text.endsWith('\n\n')).toBe(true)
  return text
    .slice(0, -2)
    .split('\n\n')
    .map((event) => {
      expect(event).toMatch(/^data: [^\n]+$/)
      return event.slice('data: '.length)
    })
}

type Chunk = Record<string, unknown> & { choices: { delta?: Record<string, unknown>; finish_reason?: unknown; content_filter_results?: unknown }[] }

describe('OpenAI SSE, byte for byte', () => {
  it('chunks carry id, object, created, model, system_fingerprint, usage: null; then finish, the usage chunk with empty choices, [DONE]', async () => {
    const server = await start({ openai: {} })
    const response = await postChat(server.endpoints('openai').openai, { stream: true, stream_options: { include_usage: true } })
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    const data = sseData(await response.text())
    expect(data.at(-1)).toBe('[DONE]')
    const chunks = data.slice(0, -1).map((line) => JSON.parse(line) as Chunk)
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({ id: 'chatcmpl-mock-openai-1', object: 'chat.completion.chunk', model: 'gpt-4o-mini', system_fingerprint: 'fp_mock' })
      expect(Number.isInteger(chunk.created)).toBe(true)
    }
    const [role, ...rest] = chunks
    expect(role!.choices).toEqual([{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }])
    const usageChunk = rest.pop()!
    const finish = rest.pop()!
    expect(rest.map((chunk) => chunk.choices[0]!.delta!.content).join('')).toBe(reply)
    for (const chunk of [role!, ...rest, finish]) expect(chunk.usage).toBeNull()
    expect(finish.choices).toEqual([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }])
    expect(usageChunk.choices).toEqual([])
    expect(usageChunk.usage).toMatchObject({ prompt_tokens: 9, completion_tokens: 8, total_tokens: 17 })
  })

  it('without include_usage there is no usage field and no usage chunk', async () => {
    const server = await start({ openai: {} })
    const data = sseData(await (await postChat(server.endpoints('openai').openai, { stream: true })).text())
    const chunks = data.slice(0, -1).map((line) => JSON.parse(line) as Chunk)
    expect(chunks.every((chunk) => !('usage' in chunk) && chunk.choices.length === 1)).toBe(true)
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('stop')
  })

  it('a streamed tool call opens with the id, type and name and empty arguments, then argument deltas', async () => {
    const server = await startMockServer({ profile: { targets: { openai: {} } }, knowledgeBase })
    try {
      const tools = [{ type: 'function', function: { name: 'book_appointment', parameters: { type: 'object' } } }]
      const response = await postChat(server.endpoints('openai').openai, { stream: true, tools, messages: [{ role: 'user', content: 'Book a cleaning on Friday at 3pm' }] })
      const chunks = sseData(await response.text()).slice(0, -1).map((line) => JSON.parse(line) as Chunk)
      expect(chunks[0]!.choices[0]!.delta).toEqual({
        role: 'assistant',
        content: null,
        tool_calls: [{ index: 0, id: 'call_mock_openai_1', type: 'function', function: { name: 'book_appointment', arguments: '' } }],
        refusal: null,
      })
      const argumentDeltas = chunks.slice(1, -1).map((chunk) => chunk.choices[0]!.delta!.tool_calls as { index: number; function: { arguments: string } }[])
      expect(argumentDeltas.every((calls) => calls.length === 1 && calls[0]!.index === 0 && Object.keys(calls[0]!).join() === 'index,function')).toBe(true)
      expect(JSON.parse(argumentDeltas.map((calls) => calls[0]!.function.arguments).join(''))).toEqual({ date: 'Friday', time: '15:00', treatment: 'cleaning' })
      expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('tool_calls')
    } finally {
      await server.close()
    }
  })
})

describe('Azure content-filter annotations', () => {
  const azurePath = (base: string) => `${base}/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21`
  const post = (base: string, extra: object = {}) =>
    fetch(azurePath(base), {
      method: 'POST',
      headers: { 'api-key': 'key', 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Hello' }], ...extra }),
    })
  const safe = { filtered: false, severity: 'safe' }
  const choiceResults = { hate: safe, self_harm: safe, sexual: safe, violence: safe }
  const promptResults = [{ prompt_index: 0, content_filter_results: { ...choiceResults, jailbreak: { filtered: false, detected: false } } }]

  it('JSON: prompt_filter_results and choices[].content_filter_results', async () => {
    const server = await start({ azure: {} })
    const body = (await (await post(server.endpoints('azure').azure)).json()) as { prompt_filter_results: unknown; choices: Chunk['choices'] }
    expect(body.prompt_filter_results).toEqual(promptResults)
    expect(body.choices[0]!.content_filter_results).toEqual(choiceResults)
  })

  it('SSE: a first chunk with empty choices and the prompt filter results, then annotated chunks', async () => {
    const server = await start({ azure: {} })
    const data = sseData(await (await post(server.endpoints('azure').azure, { stream: true })).text())
    const [first, ...chunks] = data.slice(0, -1).map((line) => JSON.parse(line) as Chunk)
    expect(first).toEqual({ choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: promptResults })
    expect(chunks.every((chunk) => chunk.choices[0]!.content_filter_results !== undefined)).toBe(true)
    expect(chunks.slice(1, -1).map((chunk) => chunk.choices[0]!.delta!.content).join('')).toBe(reply)
  })
})

describe('Bedrock event-stream frames', () => {
  const codec = new EventStreamCodec(
    (bytes) => new TextDecoder().decode(bytes),
    (text) => new TextEncoder().encode(text),
  )
  /** Splits an event-stream body into messages (each starts with its total length, big-endian). */
  function frames(body: Uint8Array) {
    const messages = []
    for (let offset = 0; offset < body.length; ) {
      const length = new DataView(body.buffer, body.byteOffset + offset, 4).getUint32(0)
      const message = codec.decode(body.subarray(offset, offset + length))
      const headers = Object.fromEntries(Object.entries(message.headers).map(([name, header]) => [name, header.value]))
      messages.push({ headers, payload: JSON.parse(new TextDecoder().decode(message.body)) as Record<string, unknown> })
      offset += length
    }
    return messages
  }

  it('events carry :message-type event, :event-type and :content-type application/json', async () => {
    const server = await start({ bedrock: {} })
    const response = await postConverse(server.endpoints('bedrock').bedrock, 'converse-stream')
    expect(response.headers.get('content-type')).toBe('application/vnd.amazon.eventstream')
    expect(response.headers.get('x-amzn-requestid')).toBe('mock-bedrock-1')
    const messages = frames(new Uint8Array(await response.arrayBuffer()))
    for (const { headers } of messages) {
      expect(Object.keys(headers).sort()).toEqual([':content-type', ':event-type', ':message-type'])
      expect(headers).toMatchObject({ ':message-type': 'event', ':content-type': 'application/json' })
    }
    const types = messages.map(({ headers }) => headers[':event-type'])
    expect(types[0]).toBe('messageStart')
    expect(types.slice(-3)).toEqual(['contentBlockStop', 'messageStop', 'metadata'])
    expect(new Set(types.slice(1, -3))).toEqual(new Set(['contentBlockDelta']))
    expect(messages.at(-2)!.payload).toEqual({ stopReason: 'end_turn' })
    const inputTokens = Math.ceil(JSON.stringify([{ role: 'user', content: [{ text: 'hi' }] }]).length / 4)
    expect(messages.at(-1)!.payload.usage).toEqual({ inputTokens, outputTokens: 8, totalTokens: inputTokens + 8 })
  })

  it('an in-stream failure is one exception frame: :message-type exception, :exception-type, :content-type, then the end', async () => {
    const server = await start({ bedrock: { errors: { inStream: 1, inStreamType: 'throttlingException' } } })
    const response = await postConverse(server.endpoints('bedrock').bedrock, 'converse-stream')
    expect(response.status).toBe(200)
    const last = frames(new Uint8Array(await response.arrayBuffer())).at(-1)!
    expect(last.headers).toEqual({ ':exception-type': 'throttlingException', ':content-type': 'application/json', ':message-type': 'exception' })
    expect(last.payload).toEqual({ message: 'Too many requests, please wait before trying again.' })
  })

  it('errors before the stream: x-amzn-errortype "Name:http://internal.amazon.com/coral/com.amazon.bedrock/" and {"message"}', async () => {
    const server = await start({ bedrock: { errors: { modelTimeout: 1 } } })
    const response = await postConverse(server.endpoints('bedrock').bedrock, 'converse-stream')
    expect(response.status).toBe(408)
    expect(response.headers.get('x-amzn-errortype')).toBe('ModelTimeoutException:http://internal.amazon.com/coral/com.amazon.bedrock/')
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({ message: 'Model has timed out in processing the request. Try your request again.' })
  })
})
