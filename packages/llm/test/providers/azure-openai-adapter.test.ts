import { inspect } from 'node:util'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { LlmError } from '../../src/llm-error.ts'
import { createProviderAdapter } from '../../src/providers/create-provider-adapter.ts'
import type { ProviderRequest } from '../../src/types.ts'
import { azureAccessDeniedBody, azureContentFilterBody, azureDeploymentNotFoundBody, azureRateLimitBody, azureStreamSse } from '../support/azure-wire.ts'
import { completionJson, jsonHeaders, sseHeaders } from '../support/openai-wire.ts'
import { readParts } from '../support/read-stream.ts'
import { useMswServer } from '../support/use-msw-server.ts'

const azureKey = '3f9c2a7b1e8d4c6a9b0e5f2d7c1a8b4e'
const classicUrl = 'https://clinic-eastus2.openai.azure.com/openai/deployments/gpt-4o-mini-prod/chat/completions'
const v1Url = 'https://clinic-swedencentral.openai.azure.com/openai/v1/chat/completions'
const server = useMswServer()
const streamSse = azureStreamSse('We open', ' at 8 am.')

// Built inside tests: the openai SDK captures globalThis.fetch when a client is created.
const classicAdapter = () => createProviderAdapter('azure-eastus2', { provider: 'azure-openai', endpoint: 'https://clinic-eastus2.openai.azure.com/', deployment: 'gpt-4o-mini-prod', apiVersion: '2024-10-21', apiKey: azureKey, region: 'eastus2' })
const v1Adapter = () => createProviderAdapter('azure-sweden', { provider: 'azure-openai', endpoint: 'https://clinic-swedencentral.openai.azure.com', deployment: 'gpt-4o-mini-prod', apiKey: azureKey, region: 'swedencentral' })
const request = (): ProviderRequest => ({ messages: [{ role: 'user', content: 'When do you open?' }], signal: new AbortController().signal })

interface SeenRequest { url: URL; apiKey: string | null; authorization: string | null; body: Record<string, unknown> }
async function record(httpRequest: Request): Promise<SeenRequest> {
  return { url: new URL(httpRequest.url), apiKey: httpRequest.headers.get('api-key'), authorization: httpRequest.headers.get('authorization'), body: (await httpRequest.json()) as Record<string, unknown> }
}

describe('Azure OpenAI adapter: deployment path with api-version', () => {
  it('posts to /openai/deployments/{deployment}/chat/completions?api-version= with the api-key header only', async () => {
    let seen: SeenRequest | undefined
    server.use(http.post(classicUrl, async ({ request: httpRequest }) => {
      seen = await record(httpRequest)
      return new HttpResponse(completionJson(), { headers: { ...jsonHeaders, 'x-ratelimit-remaining-tokens': '79990', 'apim-request-id': 'b0c4a9e2' } })
    }))
    const adapter = classicAdapter()
    const result = await adapter.chat(request())
    expect(seen?.url.pathname).toBe('/openai/deployments/gpt-4o-mini-prod/chat/completions')
    expect([...(seen?.url.searchParams ?? [])]).toEqual([['api-version', '2024-10-21']])
    expect(seen?.apiKey).toBe(azureKey)
    expect(seen?.authorization).toBeNull()
    expect(seen?.body).toMatchObject({ model: 'gpt-4o-mini-prod', messages: [{ role: 'user', content: 'When do you open?' }] })
    expect(result).toMatchObject({ text: 'We open at 8 am on weekdays.', finishReason: 'stop' })
    expect(result.headers['x-ratelimit-remaining-tokens']).toBe('79990')
    expect(adapter).toMatchObject({ provider: 'azure-openai', targetName: 'azure-eastus2', model: 'gpt-4o-mini-prod' })
  })

  it('streams Azure chunks, skipping the prompt_filter_results chunk', async () => {
    server.use(http.post(classicUrl, () => new HttpResponse(streamSse, { headers: sseHeaders })))
    const stream = await classicAdapter().stream(request())
    expect((await readParts(stream.parts)).parts).toEqual([
      { type: 'text-delta', text: 'We open' },
      { type: 'text-delta', text: ' at 8 am.' },
      { type: 'usage', usage: { inputTokens: 19, outputTokens: 5, totalTokens: 24 } },
      { type: 'finish', finishReason: 'stop' },
    ])
  })

  it('sends an Entra ID token as Authorization: Bearer and no api-key', async () => {
    let seen: SeenRequest | undefined
    server.use(http.post(classicUrl, async ({ request: httpRequest }) => {
      seen = await record(httpRequest)
      return new HttpResponse(completionJson(), { headers: jsonHeaders })
    }))
    const adapter = createProviderAdapter('azure-entra', { provider: 'azure-openai', endpoint: 'https://clinic-eastus2.openai.azure.com', deployment: 'gpt-4o-mini-prod', apiVersion: '2024-10-21', azureADTokenProvider: async () => 'entra-access-token' })
    await adapter.chat(request())
    expect(seen?.authorization).toBe('Bearer entra-access-token')
    expect(seen?.apiKey).toBeNull()
  })
})

describe('Azure OpenAI adapter: /openai/v1 form', () => {
  it('posts to /openai/v1/chat/completions without api-version, with the api-key header only', async () => {
    let seen: SeenRequest | undefined
    server.use(http.post(v1Url, async ({ request: httpRequest }) => {
      seen = await record(httpRequest)
      return new HttpResponse(streamSse, { headers: sseHeaders })
    }))
    const stream = await v1Adapter().stream(request())
    expect((await readParts(stream.parts)).parts.map((part) => part.type)).toEqual(['text-delta', 'text-delta', 'usage', 'finish'])
    expect(seen?.url.search).toBe('')
    expect(seen?.apiKey).toBe(azureKey)
    expect(seen?.authorization).toBeNull()
    expect(seen?.body).toMatchObject({ model: 'gpt-4o-mini-prod', stream: true, stream_options: { include_usage: true } })
  })
})

describe('Azure OpenAI adapter: Azure error bodies', () => {
  it('maps a 429 with x-ms-retry-after-ms to rate_limited with that wait', async () => {
    server.use(http.post(classicUrl, () => new HttpResponse(azureRateLimitBody(6), { status: 429, headers: { ...jsonHeaders, 'x-ms-retry-after-ms': '5800', 'retry-after': '6', 'x-ratelimit-remaining-tokens': '0' } })))
    const error = (await classicAdapter().chat(request()).catch((caught: unknown) => caught)) as LlmError
    expect(error).toBeInstanceOf(LlmError)
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 5800, target: 'azure-eastus2' })
    expect(error.message).toContain('exceeded token rate limit')
  })

  it('maps a 400 content_filter to content_filter and names the filtered category', async () => {
    server.use(http.post(v1Url, () => new HttpResponse(azureContentFilterBody, { status: 400, headers: jsonHeaders })))
    const error = (await v1Adapter().chat(request()).catch((caught: unknown) => caught)) as LlmError
    expect(error).toMatchObject({ code: 'content_filter', status: 400 })
    expect(error.message).toContain('(filtered: violence)')
  })

  it('maps a stream that finishes with content_filter to content_filter', async () => {
    const filtered = streamSse.replace('"finish_reason":"stop"', '"finish_reason":"content_filter"').replace('{"content_filter_results":{},"delta":{},"finish_reason":"content_filter"', '{"content_filter_results":{"violence":{"filtered":true,"severity":"high"}},"delta":{},"finish_reason":"content_filter"')
    server.use(http.post(classicUrl, () => new HttpResponse(filtered, { headers: sseHeaders })))
    const stream = await classicAdapter().stream(request())
    const { error } = await readParts(stream.parts)
    expect(error).toMatchObject({ code: 'content_filter', target: 'azure-eastus2' })
    expect(error?.message).toContain('(filtered: violence)')
  })

  it('maps DeploymentNotFound to request_invalid', async () => {
    server.use(http.post(classicUrl, () => new HttpResponse(azureDeploymentNotFoundBody, { status: 404, headers: jsonHeaders })))
    await expect(classicAdapter().chat(request())).rejects.toMatchObject({ code: 'request_invalid', status: 404 })
  })

  it('maps 401 to auth and keeps the api-key out of the error', async () => {
    server.use(http.post(classicUrl, () => new HttpResponse(azureAccessDeniedBody.replace('invalid subscription key', `invalid subscription key ${azureKey}`), { status: 401, headers: jsonHeaders })))
    const error = (await classicAdapter().chat(request()).catch((caught: unknown) => caught)) as LlmError
    expect(error.code).toBe('auth')
    for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 10 })]) expect(text).not.toContain(azureKey)
  })
})
