import { inspect } from 'node:util'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { LlmError } from '../../src/llm-error.ts'
import { createProviderAdapter } from '../../src/providers/create-provider-adapter.ts'
import type { ProviderAdapter, ProviderRequest } from '../../src/types.ts'
import {
  converseJson, converseToolUseJson, errorHeaders, eventStreamHeaders, exceptionFrame, messageStartFrame, messageStopFrame,
  textDeltaFrame, textStreamFrames, toolUseStreamFrames,
} from '../support/bedrock-wire.ts'
import { readParts, streamBody } from '../support/read-stream.ts'
import { useMswServer } from '../support/use-msw-server.ts'

const modelId = 'anthropic.claude-3-haiku-20240307-v1:0'
const converseUrl = 'https://bedrock-runtime.us-east-1.amazonaws.com/model/:modelId/converse'
const streamUrl = 'https://bedrock-runtime.us-east-1.amazonaws.com/model/:modelId/converse-stream'
const secretAccessKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
const bedrockApiKey = 'ABSKQmVkcm9ja0FQSUtleS1leGFtcGxlOmZha2VzZWNyZXQ='

const server = useMswServer()

const sigV4Adapter: ProviderAdapter = createProviderAdapter('bedrock-east', { provider: 'bedrock', modelId, region: 'us-east-1', credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey } })
const bearerAdapter: ProviderAdapter = createProviderAdapter('bedrock-key', { provider: 'bedrock', modelId, region: 'us-east-1', apiKey: bedrockApiKey })
const request = (extra: Partial<ProviderRequest> = {}): ProviderRequest => ({
  messages: [{ role: 'system', content: 'You are a clinic receptionist.' }, { role: 'user', content: 'When do you open?' }],
  signal: new AbortController().signal,
  ...extra,
})

describe('Bedrock adapter: Converse', () => {
  it('posts the Converse JSON signed with SigV4 and returns text, usage and finish', async () => {
    let seen: { path: string; modelId: unknown; authorization: string | null; body: string } | undefined
    server.use(http.post(converseUrl, async ({ request: httpRequest, params }) => {
      seen = { path: new URL(httpRequest.url).pathname, modelId: params.modelId, authorization: httpRequest.headers.get('authorization'), body: await httpRequest.text() }
      return new HttpResponse(converseJson, { headers: { 'content-type': 'application/json', 'x-amzn-requestid': '5d2b8c1e' } })
    }))
    const result = await sigV4Adapter.chat(request({ maxOutputTokens: 200, temperature: 0.3 }))
    expect(seen?.path).toBe('/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse')
    expect(seen?.modelId).toBe(modelId)
    expect(seen?.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/us-east-1\/bedrock\/aws4_request/)
    expect(JSON.parse(seen?.body ?? '')).toEqual({
      messages: [{ role: 'user', content: [{ text: 'When do you open?' }] }],
      system: [{ text: 'You are a clinic receptionist.' }],
      inferenceConfig: { maxTokens: 200, temperature: 0.3 },
    })
    expect(result).toEqual({ text: 'We open at 8 am on weekdays.', toolCalls: [], finishReason: 'stop', usage: { inputTokens: 21, outputTokens: 11, totalTokens: 32 }, headers: expect.objectContaining({ 'x-amzn-requestid': '5d2b8c1e' }) })
    expect(sigV4Adapter).toMatchObject({ provider: 'bedrock', targetName: 'bedrock-east', model: modelId })
  })

  it('counts a usage without totalTokens as input + output, in chat as in the stream', async () => {
    server.use(http.post(converseUrl, () => new HttpResponse(converseJson.replace(',"totalTokens":32', ''), { headers: { 'content-type': 'application/json' } })))
    expect((await sigV4Adapter.chat(request())).usage).toEqual({ inputTokens: 21, outputTokens: 11, totalTokens: 32 })
  })

  it('sends a Bedrock API key as a bearer token', async () => {
    let authorization: string | null = null
    server.use(http.post(converseUrl, ({ request: httpRequest }) => {
      authorization = httpRequest.headers.get('authorization')
      return new HttpResponse(converseJson, { headers: { 'content-type': 'application/json' } })
    }))
    await bearerAdapter.chat(request())
    expect(authorization).toBe(`Bearer ${bedrockApiKey}`)
  })

  it('sends tools, tool calls and tool results, and returns toolUse blocks as tool calls', async () => {
    let body: Record<string, unknown> = {}
    server.use(http.post(converseUrl, async ({ request: httpRequest }) => {
      body = (await httpRequest.json()) as Record<string, unknown>
      return new HttpResponse(converseToolUseJson, { headers: { 'content-type': 'application/json' } })
    }))
    const result = await sigV4Adapter.chat(request({
      messages: [
        { role: 'user', content: 'Book me for Monday' },
        { role: 'assistant', content: '', toolCalls: [{ id: 'tooluse_1', name: 'find_slots', arguments: '{"day":"monday"}' }] },
        { role: 'tool', content: '["9:00"]', toolCallId: 'tooluse_1' },
      ],
      tools: [{ name: 'book_appointment', description: 'Books a visit', parameters: { type: 'object', properties: { day: { type: 'string' } } } }],
    }))
    expect(body.messages).toEqual([
      { role: 'user', content: [{ text: 'Book me for Monday' }] },
      { role: 'assistant', content: [{ toolUse: { toolUseId: 'tooluse_1', name: 'find_slots', input: { day: 'monday' } } }] },
      { role: 'user', content: [{ toolResult: { toolUseId: 'tooluse_1', content: [{ text: '["9:00"]' }] } }] },
    ])
    expect(body.toolConfig).toEqual({ tools: [{ toolSpec: { name: 'book_appointment', description: 'Books a visit', inputSchema: { json: { type: 'object', properties: { day: { type: 'string' } } } } } }] })
    expect(result).toMatchObject({ text: 'Let me book that.', finishReason: 'tool-calls', toolCalls: [{ id: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', name: 'book_appointment', arguments: '{"day":"monday"}' }] })
  })

  it('rejects a tool call whose arguments are not a JSON object as request_invalid, without a request', async () => {
    const messages = [{ role: 'assistant' as const, content: '', toolCalls: [{ id: 'call_9', name: 'x', arguments: 'not json' }] }]
    await expect(sigV4Adapter.chat(request({ messages }))).rejects.toMatchObject({ code: 'request_invalid', message: expect.stringContaining('"call_9"') })
  })
})

describe('Bedrock adapter: ConverseStream', () => {
  it('decodes AWS event-stream frames into text deltas, usage and finish', async () => {
    server.use(http.post(streamUrl, () => new HttpResponse(streamBody(textStreamFrames()), { headers: eventStreamHeaders })))
    const stream = await sigV4Adapter.stream(request())
    expect(stream.headers['x-amzn-requestid']).toBe('7f3c0a9e-5b1d-4c2e-8f6a-0d9b4e2c1a73')
    expect(await readParts(stream.parts)).toEqual({
      parts: [
        { type: 'text-delta', text: 'We open' },
        { type: 'text-delta', text: ' at 8 am.' },
        { type: 'usage', usage: { inputTokens: 21, outputTokens: 5, totalTokens: 26 } },
        { type: 'finish', finishReason: 'stop' },
      ],
      error: undefined,
    })
  })

  it('assembles a toolUse block from its input deltas', async () => {
    server.use(http.post(streamUrl, () => new HttpResponse(streamBody(toolUseStreamFrames()), { headers: eventStreamHeaders })))
    const stream = await sigV4Adapter.stream(request())
    expect((await readParts(stream.parts)).parts).toEqual([
      { type: 'tool-call', toolCall: { id: 'tooluse_9hB2pE3tQm6sJ0cVxXbF1w', name: 'book_appointment', arguments: '{"day": "monday"}' } },
      { type: 'usage', usage: { inputTokens: 410, outputTokens: 54, totalTokens: 464 } },
      { type: 'finish', finishReason: 'tool-calls' },
    ])
  })

  const inStreamCases = [
    { type: 'throttlingException', body: '{"message":"Too many tokens, please wait before trying again."}', code: 'rate_limited' },
    { type: 'modelStreamErrorException', body: '{"message":"Model stream ended unexpectedly.","originalStatusCode":500}', code: 'server' },
    { type: 'internalServerException', body: '{"message":"The system encountered an unexpected error during processing. Try your request again."}', code: 'server' },
    { type: 'serviceUnavailableException', body: '{"message":"Bedrock is unable to process your request."}', code: 'server' },
    { type: 'validationException', body: '{"message":"Input is too long for requested model."}', code: 'context_length' },
  ]
  for (const testCase of inStreamCases) {
    it(`maps a ${testCase.type} frame after HTTP 200 and the first token to ${testCase.code}`, async () => {
      const frames = [messageStartFrame(), textDeltaFrame('We open'), exceptionFrame(testCase.type, testCase.body)]
      server.use(http.post(streamUrl, () => new HttpResponse(streamBody(frames), { headers: eventStreamHeaders })))
      const stream = await sigV4Adapter.stream(request())
      const { parts, error } = await readParts(stream.parts)
      expect(parts).toEqual([{ type: 'text-delta', text: 'We open' }])
      expect(error).toMatchObject({ code: testCase.code, target: 'bedrock-east' })
      expect(error?.message).toContain(JSON.parse(testCase.body).message)
    })
  }

  it('rejects stream() with rate_limited for a throttlingException frame before any event', async () => {
    // The SDK reads the first frame before send() resolves, so the exception surfaces there.
    const frames = [exceptionFrame('throttlingException', '{"message":"Too many requests, please wait before trying again."}')]
    server.use(http.post(streamUrl, () => new HttpResponse(streamBody(frames), { headers: eventStreamHeaders })))
    await expect(sigV4Adapter.stream(request())).rejects.toMatchObject({ code: 'rate_limited', target: 'bedrock-east' })
  })

  it('throws rate_limited from the parts for a throttlingException frame after messageStart, before the first token', async () => {
    const frames = [messageStartFrame(), exceptionFrame('throttlingException', '{"message":"Too many requests, please wait before trying again."}')]
    server.use(http.post(streamUrl, () => new HttpResponse(streamBody(frames), { headers: eventStreamHeaders })))
    const stream = await sigV4Adapter.stream(request())
    const { parts, error } = await readParts(stream.parts)
    expect(parts).toEqual([])
    expect(error?.code).toBe('rate_limited')
  })

  it('throws code network when the stream ends before messageStop', async () => {
    server.use(http.post(streamUrl, () => new HttpResponse(streamBody([messageStartFrame(), textDeltaFrame('We open')]), { headers: eventStreamHeaders })))
    const stream = await sigV4Adapter.stream(request())
    const { parts, error } = await readParts(stream.parts)
    expect(parts).toHaveLength(1)
    expect(error).toMatchObject({ code: 'network', message: expect.stringContaining('messageStop') })
  })

  it('throws code content_filter when a guardrail stops the stream', async () => {
    server.use(http.post(streamUrl, () => new HttpResponse(streamBody([messageStartFrame(), textDeltaFrame('We'), messageStopFrame('guardrail_intervened')]), { headers: eventStreamHeaders })))
    const stream = await sigV4Adapter.stream(request())
    expect((await readParts(stream.parts)).error?.code).toBe('content_filter')
  })
})

describe('Bedrock adapter: errors before the stream', () => {
  const cases = [
    { errorType: 'ThrottlingException', status: 429, message: 'Too many requests, please wait before trying again.', code: 'rate_limited' },
    { errorType: 'ModelNotReadyException', status: 429, message: 'Model is not ready for inference. Wait and try your request again.', code: 'rate_limited' },
    { errorType: 'ServiceUnavailableException', status: 503, message: 'Bedrock is unable to process your request.', code: 'server' },
    { errorType: 'InternalServerException', status: 500, message: 'The system encountered an unexpected error during processing.', code: 'server' },
    { errorType: 'ModelTimeoutException', status: 408, message: 'Model has timed out in processing the request.', code: 'timeout' },
    { errorType: 'ValidationException', status: 400, message: 'The provided model identifier is invalid.', code: 'request_invalid' },
    { errorType: 'ValidationException', status: 400, message: 'Input is too long for requested model.', code: 'context_length' },
    { errorType: 'AccessDeniedException', status: 403, message: "You don't have access to the model with the specified model ID.", code: 'auth' },
    { errorType: 'UnrecognizedClientException', status: 403, message: 'The security token included in the request is invalid.', code: 'auth' },
  ]
  for (const testCase of cases) {
    for (const operation of ['chat', 'stream'] as const) {
      it(`${operation}: maps ${testCase.status} ${testCase.errorType} (${testCase.message.slice(0, 24)}…) to ${testCase.code}`, async () => {
        const respond = () => new HttpResponse(JSON.stringify({ message: testCase.message }), { status: testCase.status, headers: errorHeaders(testCase.errorType) })
        server.use(http.post(converseUrl, respond), http.post(streamUrl, respond))
        const error = await sigV4Adapter[operation](request()).catch((caught: unknown) => caught)
        expect(error).toBeInstanceOf(LlmError)
        expect(error).toMatchObject({ code: testCase.code, status: testCase.status, target: 'bedrock-east' })
        expect((error as LlmError).message).toContain(testCase.errorType)
        expect((error as LlmError).headers['x-amzn-requestid']).toBe('2b8e4f1a-9c3d-4e5f-a6b7-c8d9e0f1a2b3')
      })
    }
  }

  it('reads retry-after on a throttled request', async () => {
    server.use(http.post(converseUrl, () => new HttpResponse('{"message":"Too many requests"}', { status: 429, headers: { ...errorHeaders('ThrottlingException'), 'retry-after': '3' } })))
    await expect(sigV4Adapter.chat(request())).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 3000 })
  })

  it('maps an aborted signal to aborted', async () => {
    server.use(http.post(converseUrl, () => new HttpResponse(converseJson, { headers: { 'content-type': 'application/json' } })))
    await expect(sigV4Adapter.chat(request({ signal: AbortSignal.abort() }))).rejects.toMatchObject({ code: 'aborted' })
  })

  it('never lets the API key or secret key reach an LlmError', async () => {
    const respond = () => new HttpResponse(JSON.stringify({ message: `Invalid API key ${bedrockApiKey}` }), { status: 403, headers: errorHeaders('AccessDeniedException') })
    server.use(http.post(converseUrl, respond))
    for (const adapter of [bearerAdapter, sigV4Adapter]) {
      const error = (await adapter.chat(request()).catch((caught: unknown) => caught)) as LlmError
      expect(error.code).toBe('auth')
      for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 10 })]) {
        expect(text).not.toContain(bedrockApiKey)
        expect(text).not.toContain(secretAccessKey)
      }
    }
  })
})
