import { inspect } from 'node:util'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { LlmError } from '../../src/llm-error.ts'
import { createProviderAdapter } from '../../src/providers/create-provider-adapter.ts'
import type { ProviderRequest, ProviderStreamPart } from '../../src/types.ts'
import { chatCompletionJson, jsonHeaders, sseHeaders } from './openai-wire-fixtures.ts'

const azureKey = '3f9c2a7b1e8d4c6a9b0e5f2d7c1a8b4e'
const classicUrl = 'https://clinic-eastus2.openai.azure.com/openai/deployments/gpt-4o-mini-prod/chat/completions'
const v1Url = 'https://clinic-swedencentral.openai.azure.com/openai/v1/chat/completions'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

// Built inside tests: the openai SDK captures globalThis.fetch when a client is created.
const classicAdapter = () => createProviderAdapter('azure-eastus2', { provider: 'azure-openai', endpoint: 'https://clinic-eastus2.openai.azure.com/', deployment: 'gpt-4o-mini-prod', apiVersion: '2024-10-21', apiKey: azureKey, region: 'eastus2' })
const v1Adapter = () => createProviderAdapter('azure-sweden', { provider: 'azure-openai', endpoint: 'https://clinic-swedencentral.openai.azure.com', deployment: 'gpt-4o-mini-prod', apiKey: azureKey, region: 'swedencentral' })
const request = (): ProviderRequest => ({ messages: [{ role: 'user', content: 'When do you open?' }], signal: new AbortController().signal })

interface SeenRequest { url: URL; apiKey: string | null; authorization: string | null; body: Record<string, unknown> }
async function record(httpRequest: Request): Promise<SeenRequest> {
  return { url: new URL(httpRequest.url), apiKey: httpRequest.headers.get('api-key'), authorization: httpRequest.headers.get('authorization'), body: (await httpRequest.json()) as Record<string, unknown> }
}

async function collect(parts: AsyncIterable<ProviderStreamPart>): Promise<ProviderStreamPart[]> {
  const collected: ProviderStreamPart[] = []
  for await (const part of parts) collected.push(part)
  return collected
}

const filterOk = '{"hate":{"filtered":false,"severity":"safe"},"self_harm":{"filtered":false,"severity":"safe"},"sexual":{"filtered":false,"severity":"safe"},"violence":{"filtered":false,"severity":"safe"}}'
const azureChunk = (choice: string, usage = 'null') =>
  `data: {"choices":[${choice}],"created":1741570283,"id":"chatcmpl-B9NbU5hXDOjn2NNDpMk0Vn5C1zGvG","model":"gpt-4o-mini-2024-07-18","object":"chat.completion.chunk","system_fingerprint":"fp_b705f0c291","usage":${usage}}\n\n`
/** A real Azure stream: a prompt_filter_results chunk with no choices first, content_filter_results on every choice. */
const azureStreamSse =
  `data: {"choices":[],"created":0,"id":"","model":"","object":"","prompt_filter_results":[{"prompt_index":0,"content_filter_results":${filterOk}}]}\n\n` +
  azureChunk('{"content_filter_results":{},"delta":{"content":"","refusal":null,"role":"assistant"},"finish_reason":null,"index":0,"logprobs":null}') +
  azureChunk(`{"content_filter_results":${filterOk},"delta":{"content":"We open"},"finish_reason":null,"index":0,"logprobs":null}`) +
  azureChunk(`{"content_filter_results":${filterOk},"delta":{"content":" at 8 am."},"finish_reason":null,"index":0,"logprobs":null}`) +
  azureChunk('{"content_filter_results":{},"delta":{},"finish_reason":"stop","index":0,"logprobs":null}') +
  azureChunk('', '{"completion_tokens":5,"prompt_tokens":19,"total_tokens":24}') +
  'data: [DONE]\n\n'

const contentFilterBody = '{"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI\'s content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766","type":null,"param":"prompt","code":"content_filter","status":400,"innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{"hate":{"filtered":false,"severity":"safe"},"jailbreak":{"filtered":false,"detected":false},"self_harm":{"filtered":false,"severity":"safe"},"sexual":{"filtered":false,"severity":"safe"},"violence":{"filtered":true,"severity":"medium"}}}}}'
const tokenRateLimitBody = '{"error":{"code":"429","message":"Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token rate limit of your current AIServices S0 pricing tier. Please retry after 6 seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit."}}'
const accessDeniedBody = '{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."}}'
const deploymentNotFoundBody = '{"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again."}}'

describe('Azure OpenAI adapter: deployment path with api-version', () => {
  it('posts to /openai/deployments/{deployment}/chat/completions?api-version= with the api-key header only', async () => {
    let seen: SeenRequest | undefined
    server.use(http.post(classicUrl, async ({ request: httpRequest }) => {
      seen = await record(httpRequest)
      return new HttpResponse(chatCompletionJson, { headers: { ...jsonHeaders, 'x-ratelimit-remaining-tokens': '79990', 'apim-request-id': 'b0c4a9e2' } })
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
    server.use(http.post(classicUrl, () => new HttpResponse(azureStreamSse, { headers: sseHeaders })))
    const stream = await classicAdapter().stream(request())
    expect(await collect(stream.parts)).toEqual([
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
      return new HttpResponse(chatCompletionJson, { headers: jsonHeaders })
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
      return new HttpResponse(azureStreamSse, { headers: sseHeaders })
    }))
    const stream = await v1Adapter().stream(request())
    expect((await collect(stream.parts)).map((part) => part.type)).toEqual(['text-delta', 'text-delta', 'usage', 'finish'])
    expect(seen?.url.search).toBe('')
    expect(seen?.apiKey).toBe(azureKey)
    expect(seen?.authorization).toBeNull()
    expect(seen?.body).toMatchObject({ model: 'gpt-4o-mini-prod', stream: true, stream_options: { include_usage: true } })
  })
})

describe('Azure OpenAI adapter: Azure error bodies', () => {
  it('maps a 429 with x-ms-retry-after-ms to rate_limited with that wait', async () => {
    server.use(http.post(classicUrl, () => new HttpResponse(tokenRateLimitBody, { status: 429, headers: { ...jsonHeaders, 'x-ms-retry-after-ms': '5800', 'retry-after': '6', 'x-ratelimit-remaining-tokens': '0' } })))
    const error = (await classicAdapter().chat(request()).catch((caught: unknown) => caught)) as LlmError
    expect(error).toBeInstanceOf(LlmError)
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 5800, target: 'azure-eastus2' })
    expect(error.message).toContain('exceeded token rate limit')
  })

  it('maps a 400 content_filter to content_filter and names the filtered category', async () => {
    server.use(http.post(v1Url, () => new HttpResponse(contentFilterBody, { status: 400, headers: jsonHeaders })))
    const error = (await v1Adapter().chat(request()).catch((caught: unknown) => caught)) as LlmError
    expect(error).toMatchObject({ kind: 'content_filter', status: 400 })
    expect(error.message).toContain('(filtered: violence)')
  })

  it('maps a stream that finishes with content_filter to content_filter', async () => {
    const filtered = azureStreamSse.replace('"finish_reason":"stop"', '"finish_reason":"content_filter"').replace('{"content_filter_results":{},"delta":{},"finish_reason":"content_filter"', '{"content_filter_results":{"violence":{"filtered":true,"severity":"high"}},"delta":{},"finish_reason":"content_filter"')
    server.use(http.post(classicUrl, () => new HttpResponse(filtered, { headers: sseHeaders })))
    const stream = await classicAdapter().stream(request())
    const error = await collect(stream.parts).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ kind: 'content_filter', target: 'azure-eastus2' })
    expect((error as LlmError).message).toContain('(filtered: violence)')
  })

  it('maps DeploymentNotFound to bad_request', async () => {
    server.use(http.post(classicUrl, () => new HttpResponse(deploymentNotFoundBody, { status: 404, headers: jsonHeaders })))
    await expect(classicAdapter().chat(request())).rejects.toMatchObject({ kind: 'bad_request', status: 404 })
  })

  it('maps 401 to auth and keeps the api-key out of the error', async () => {
    server.use(http.post(classicUrl, () => new HttpResponse(accessDeniedBody.replace('invalid subscription key', `invalid subscription key ${azureKey}`), { status: 401, headers: jsonHeaders })))
    const error = (await classicAdapter().chat(request()).catch((caught: unknown) => caught)) as LlmError
    expect(error.kind).toBe('auth')
    for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 10 })]) expect(text).not.toContain(azureKey)
  })
})
