import { inspect } from 'node:util'
import { http, HttpResponse } from 'msw'
import { beforeAll, describe, expect, it } from 'vitest'
import { LlmError } from '../../src/llm-error.ts'
import { createProviderAdapter } from '../../src/providers/create-provider-adapter.ts'
import type { ProviderAdapter, ProviderRequest } from '../../src/types.ts'
import {
  badRequestBody, completionJson, contextLengthBody, doneLine, errorChunkSse, errorEventSse, invalidKeyBody, jsonHeaders,
  quotaBody, rateLimitBody, roleChunk, serverErrorBody, sseHeaders, stopChunk, streamSse, testApiKey, textChunk,
  toolCallCompletionJson, toolCallStreamSse, usageChunk,
} from '../support/openai-wire.ts'
import { readParts, streamBody } from '../support/read-stream.ts'
import { useMswServer } from '../support/use-msw-server.ts'

const completionsUrl = 'https://api.openai.com/v1/chat/completions'
const helloChunk = textChunk('We open')
const worldChunk = textChunk(' at 8 am.')
const server = useMswServer()
let adapter: ProviderAdapter
beforeAll(() => {
  // The openai SDK captures globalThis.fetch when the client is built: build it after msw patched it.
  adapter = createProviderAdapter('primary', { provider: 'openai', model: 'gpt-4o-mini', apiKey: testApiKey })
})

const request = (extra: Partial<ProviderRequest> = {}): ProviderRequest => ({
  messages: [{ role: 'system', content: 'You are a clinic receptionist.' }, { role: 'user', content: 'When do you open?' }],
  signal: new AbortController().signal,
  ...extra,
})

describe('OpenAI adapter: chat', () => {
  it('sends the Chat Completions body with the bearer key and returns text, usage and headers', async () => {
    let seen: { body: unknown; authorization: string | null } | undefined
    server.use(http.post(completionsUrl, async ({ request: httpRequest }) => {
      seen = { body: await httpRequest.json(), authorization: httpRequest.headers.get('authorization') }
      return new HttpResponse(completionJson(), { headers: { ...jsonHeaders, 'x-ratelimit-remaining-requests': '4999', 'set-cookie': '__cf_bm=secret' } })
    }))
    const result = await adapter.chat(request({ maxOutputTokens: 64, temperature: 0.2, stopSequences: ['\n\n'] }))
    expect(seen?.authorization).toBe(`Bearer ${testApiKey}`)
    expect(seen?.body).toEqual({
      model: 'gpt-4o-mini',
      messages: [{ role: 'system', content: 'You are a clinic receptionist.' }, { role: 'user', content: 'When do you open?' }],
      max_completion_tokens: 64,
      temperature: 0.2,
      stop: ['\n\n'],
      stream: false,
    })
    expect(result).toMatchObject({ text: 'We open at 8 am on weekdays.', toolCalls: [], finishReason: 'stop', usage: { inputTokens: 19, outputTokens: 10, totalTokens: 29 } })
    expect(result.headers['x-ratelimit-remaining-requests']).toBe('4999')
    expect(result.headers['set-cookie']).toBeUndefined()
    expect(adapter).toMatchObject({ provider: 'openai', targetName: 'primary', model: 'gpt-4o-mini' })
  })

  it('sends tools and tool results, and returns the tool calls the model made', async () => {
    let body: Record<string, unknown> = {}
    server.use(http.post(completionsUrl, async ({ request: httpRequest }) => {
      body = (await httpRequest.json()) as Record<string, unknown>
      return new HttpResponse(toolCallCompletionJson, { headers: jsonHeaders })
    }))
    const result = await adapter.chat(request({
      messages: [
        { role: 'user', content: 'Book me for Monday' },
        { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'find_slots', arguments: '{}' }] },
        { role: 'tool', content: '["monday 9:00"]', toolCallId: 'call_1' },
      ],
      tools: [{ name: 'book_appointment', description: 'Books a visit', parameters: { type: 'object', properties: { day: { type: 'string' } } } }],
    }))
    expect(body.messages).toEqual([
      { role: 'user', content: 'Book me for Monday' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'find_slots', arguments: '{}' } }] },
      { role: 'tool', content: '["monday 9:00"]', tool_call_id: 'call_1' },
    ])
    expect(body.tools).toEqual([{ type: 'function', function: { name: 'book_appointment', description: 'Books a visit', parameters: { type: 'object', properties: { day: { type: 'string' } } } } }])
    expect(result.finishReason).toBe('tool-calls')
    expect(result.toolCalls).toEqual([{ id: 'call_abc123', name: 'book_appointment', arguments: '{\n"day": "monday"\n}' }])
  })

  it('maps a content_filter finish to an LlmError of code content_filter', async () => {
    server.use(http.post(completionsUrl, () => new HttpResponse(completionJson().replace('"finish_reason": "stop"', '"finish_reason": "content_filter"'), { headers: jsonHeaders })))
    await expect(adapter.chat(request())).rejects.toMatchObject({ code: 'content_filter', target: 'primary' })
  })
})

describe('OpenAI adapter: stream', () => {
  it('asks for usage and yields text deltas, usage and finish from the SSE stream', async () => {
    let body: Record<string, unknown> = {}
    server.use(http.post(completionsUrl, async ({ request: httpRequest }) => {
      body = (await httpRequest.json()) as Record<string, unknown>
      return new HttpResponse(streamSse('We open', ' at 8 am.'), { headers: { ...sseHeaders, 'x-ratelimit-remaining-tokens': '149984' } })
    }))
    const stream = await adapter.stream(request())
    expect(body).toMatchObject({ model: 'gpt-4o-mini', stream: true, stream_options: { include_usage: true } })
    expect(stream.headers['x-ratelimit-remaining-tokens']).toBe('149984')
    expect((await readParts(stream.parts)).parts).toEqual([
      { type: 'text-delta', text: 'We open' },
      { type: 'text-delta', text: ' at 8 am.' },
      { type: 'usage', usage: { inputTokens: 19, outputTokens: 5, totalTokens: 24 } },
      { type: 'finish', finishReason: 'stop' },
    ])
  })

  it('assembles a tool call from its argument deltas', async () => {
    server.use(http.post(completionsUrl, () => new HttpResponse(toolCallStreamSse, { headers: sseHeaders })))
    const stream = await adapter.stream(request())
    expect((await readParts(stream.parts)).parts).toEqual([
      { type: 'tool-call', toolCall: { id: 'call_DdmO9pD3xa9XTPNJ32zg2hcA', name: 'book_appointment', arguments: '{"day":"monday"}' } },
      { type: 'usage', usage: { inputTokens: 82, outputTokens: 17, totalTokens: 99 } },
      { type: 'finish', finishReason: 'tool-calls' },
    ])
  })

  it('throws code server for an SSE error event before the first token', async () => {
    server.use(http.post(completionsUrl, () => new HttpResponse(streamBody([errorEventSse]), { headers: sseHeaders })))
    const stream = await adapter.stream(request())
    const { parts, error } = await readParts(stream.parts)
    expect(parts).toEqual([])
    expect(error).toMatchObject({ code: 'server', target: 'primary' })
    expect(error?.message).toContain('The server had an error')
  })

  it('throws code server for an error chunk after the first token, keeping the text already yielded', async () => {
    server.use(http.post(completionsUrl, () => new HttpResponse(streamBody([roleChunk, helloChunk, errorChunkSse]), { headers: sseHeaders })))
    const stream = await adapter.stream(request())
    const { parts, error } = await readParts(stream.parts)
    expect(parts).toEqual([{ type: 'text-delta', text: 'We open' }])
    expect(error?.code).toBe('server')
  })

  it('throws code network when the stream ends without finish_reason or [DONE]', async () => {
    server.use(http.post(completionsUrl, () => new HttpResponse(streamBody([roleChunk, helloChunk, worldChunk]), { headers: sseHeaders })))
    const stream = await adapter.stream(request())
    const { parts, error } = await readParts(stream.parts)
    expect(parts).toHaveLength(2)
    expect(error?.code).toBe('network')
    expect(error?.message).toContain('[DONE]')
  })

  it('accepts a stream that finished but lost only the usage chunk and [DONE]', async () => {
    server.use(http.post(completionsUrl, () => new HttpResponse(streamBody([roleChunk, helloChunk, stopChunk]), { headers: sseHeaders })))
    const stream = await adapter.stream(request())
    expect((await readParts(stream.parts)).parts.at(-1)).toEqual({ type: 'finish', finishReason: 'stop' })
  })

  it('throws code content_filter when the stream finishes with content_filter', async () => {
    const filtered = stopChunk.replace('"finish_reason":"stop"', '"finish_reason":"content_filter"')
    server.use(http.post(completionsUrl, () => new HttpResponse(streamBody([roleChunk, helloChunk, filtered, usageChunk, doneLine]), { headers: sseHeaders })))
    const stream = await adapter.stream(request())
    expect((await readParts(stream.parts)).error?.code).toBe('content_filter')
  })

  it('rejects the stream call itself on an HTTP error status', async () => {
    server.use(http.post(completionsUrl, () => new HttpResponse(serverErrorBody, { status: 503, headers: jsonHeaders })))
    await expect(adapter.stream(request())).rejects.toMatchObject({ code: 'server', status: 503 })
  })
})

describe('OpenAI adapter: error mapping', () => {
  const cases: Array<{ name: string; status: number; body: string; headers?: Record<string, string>; code: string; retryAfterMs?: number }> = [
    { name: '429 with retry-after-ms', status: 429, body: rateLimitBody, headers: { 'retry-after-ms': '1500', 'retry-after': '2' }, code: 'rate_limited', retryAfterMs: 1500 },
    { name: '429 with retry-after seconds', status: 429, body: rateLimitBody, headers: { 'retry-after': '20' }, code: 'rate_limited', retryAfterMs: 20_000 },
    { name: '429 with x-ratelimit-reset-requests', status: 429, body: rateLimitBody, headers: { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '6m0s', 'x-ratelimit-remaining-tokens': '100', 'x-ratelimit-reset-tokens': '20ms' }, code: 'rate_limited', retryAfterMs: 360_000 },
    { name: '429 insufficient_quota', status: 429, body: quotaBody, code: 'auth' },
    { name: '408', status: 408, body: serverErrorBody, code: 'timeout' },
    { name: '504', status: 504, body: 'upstream request timeout', code: 'timeout' },
    { name: '500', status: 500, body: serverErrorBody, code: 'server' },
    { name: '503 with retry-after', status: 503, body: serverErrorBody, headers: { 'retry-after': '1' }, code: 'server', retryAfterMs: 1000 },
    { name: '401', status: 401, body: invalidKeyBody, code: 'auth' },
    { name: '403', status: 403, body: '{"error":{"message":"Project does not have access to model","type":"invalid_request_error","param":null,"code":"model_not_found"}}', code: 'auth' },
    { name: '400 context_length_exceeded', status: 400, body: contextLengthBody, code: 'context_length' },
    { name: '400 content_policy_violation', status: 400, body: '{"error":{"message":"Your request was rejected as a result of our safety system.","type":"invalid_request_error","param":null,"code":"content_policy_violation"}}', code: 'content_filter' },
    { name: '400 moderation_blocked', status: 400, body: '{"error":{"message":"Your request was rejected by the safety system.","type":"invalid_request_error","param":null,"code":"moderation_blocked"}}', code: 'content_filter' },
    { name: '400 invalid_prompt (usage policy)', status: 400, body: '{"error":{"message":"Invalid prompt: your prompt was flagged as potentially violating our usage policy.","type":"invalid_request_error","param":null,"code":"invalid_prompt"}}', code: 'content_filter' },
    { name: '400 other', status: 400, body: badRequestBody, code: 'request_invalid' },
    { name: '404', status: 404, body: '{"error":{"message":"The model `gpt-9` does not exist","type":"invalid_request_error","param":null,"code":"model_not_found"}}', code: 'request_invalid' },
  ]
  for (const testCase of cases) {
    it(`maps ${testCase.name} to ${testCase.code}`, async () => {
      server.use(http.post(completionsUrl, () => new HttpResponse(testCase.body, { status: testCase.status, headers: { ...jsonHeaders, ...testCase.headers } })))
      const error = await adapter.chat(request()).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(LlmError)
      expect(error).toMatchObject({ code: testCase.code, status: testCase.status, target: 'primary', retryAfterMs: testCase.retryAfterMs })
      expect((error as LlmError).headers['x-request-id']).toBe('req_6f1c0e2b9a')
      expect((error as LlmError).message).toContain(`target "primary": HTTP ${testCase.status}`)
    })
  }

  it('maps a failed fetch to code network', async () => {
    server.use(http.post(completionsUrl, () => HttpResponse.error()))
    await expect(adapter.chat(request())).rejects.toMatchObject({ code: 'network', target: 'primary' })
  })

  it('maps an already aborted signal to code aborted without a request', async () => {
    let requests = 0
    server.use(http.post(completionsUrl, () => {
      requests += 1
      return new HttpResponse(completionJson(), { headers: jsonHeaders })
    }))
    await expect(adapter.chat(request({ signal: AbortSignal.abort() }))).rejects.toMatchObject({ code: 'aborted' })
    expect(requests).toBe(0)
  })

  it('never lets the api key reach an LlmError message, headers, JSON or inspected cause', async () => {
    server.use(http.post(completionsUrl, () => new HttpResponse(invalidKeyBody, { status: 401, headers: { ...jsonHeaders, 'www-authenticate': `Bearer ${testApiKey}` } })))
    const error = (await adapter.chat(request()).catch((caught: unknown) => caught)) as LlmError
    expect(error.code).toBe('auth')
    expect(error.message).toContain('Incorrect API key provided: [redacted]')
    for (const text of [error.message, JSON.stringify(error), JSON.stringify(error.headers), inspect(error, { depth: 10 })]) {
      expect(text).not.toContain(testApiKey)
      expect(text).not.toContain(testApiKey.slice(8))
    }
  })
})
