import { ConverseCommand, ThrottlingException } from '@aws-sdk/client-bedrock-runtime'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import OpenAI, { AzureOpenAI, RateLimitError } from 'openai'
import { describe, expect, it } from 'vitest'
import { bedrockClient, postChat, postConverse, useMockServers } from './support.ts'

const start = useMockServers()
const always429 = { errors: { rate429: 1 }, retryAfterMs: 2500, rpm: 600 }
/** Tokens a request counts against TPM: its messages JSON at ≈ 4 characters a token, plus the 8 of the plain reply. */
const chatTokens = (content: string) => Math.ceil(JSON.stringify([{ role: 'user', content }]).length / 4) + 8
const tokensPerChat = chatTokens('Hello') // postChat's message
const headersMatching = (headers: Headers, pattern: RegExp) => Object.fromEntries([...headers].filter(([name]) => pattern.test(name)))

describe('429 responses', () => {
  it('OpenAI: exact headers (all six x-ratelimit-*) and body, seen by the openai client as RateLimitError', async () => {
    const server = await start({ openai: always429 })
    const response = await postChat(server.endpoints('openai').openai)
    expect(response.status).toBe(429)
    const headers = headersMatching(response.headers, /^(retry-after|x-ratelimit|x-request-id)/)
    expect(headers['x-ratelimit-reset-tokens']).toMatch(/^(\d+(\.\d+)?s|\d+ms)$/)
    expect(headers).toEqual({
      'retry-after': '3',
      'retry-after-ms': '2500',
      'x-ratelimit-limit-requests': '600',
      'x-ratelimit-limit-tokens': '10000000',
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-remaining-tokens': String(10_000_000 - tokensPerChat),
      'x-ratelimit-reset-requests': '2.5s',
      'x-ratelimit-reset-tokens': headers['x-ratelimit-reset-tokens'],
      'x-request-id': 'mock-openai-1',
    })
    expect(await response.json()).toEqual({
      error: {
        message: 'Rate limit reached for gpt-4o-mini in organization org-mock on requests per min (RPM). Please try again in 2.5s.',
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
    })
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: server.endpoints('openai').openai, maxRetries: 0 })
    const error = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).headers.get('retry-after-ms')).toBe('2500')
  })

  it('Azure: retry-after, retry-after-ms, x-ms-retry-after-ms, apim-request-id, only the two remaining-* budgets, and the Azure body', async () => {
    const server = await start({ 'azure-japaneast': always429 })
    const client = new AzureOpenAI({ apiKey: 'key', endpoint: server.endpoints('azure-japaneast').azure, apiVersion: '2024-10-21', deployment: 'gpt-4o', maxRetries: 0 })
    const error = (await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught)) as RateLimitError
    expect(error).toBeInstanceOf(RateLimitError)
    expect(headersMatching(error.headers, /^(retry-after|x-ms-retry|x-ratelimit|x-request-id|apim-request-id)/)).toEqual({
      'apim-request-id': 'mock-azure-japaneast-1',
      'retry-after': '3',
      'retry-after-ms': '2500',
      'x-ms-retry-after-ms': '2500',
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-remaining-tokens': String(10_000_000 - chatTokens('hi')),
      'x-request-id': 'mock-azure-japaneast-1',
    })
    expect(error.code).toBe('429')
    expect(error.message).toContain('Please retry after 3 seconds.')
  })

  it('Azure: a missing api-key is a 401 with the Azure body', async () => {
    const server = await start({ azure: {} })
    const response = await fetch(`${server.endpoints('azure').azure}/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21`, {
      method: 'POST',
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
    })
    expect(response.status).toBe(401)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('401')
  })

  it('OpenAI: a missing key is a 401 invalid_request_error with code null, as OpenAI sends it', async () => {
    const server = await start({ openai: {} })
    const response = await postChat(server.endpoints('openai').openai, {}, { headers: { 'content-type': 'application/json' } })
    expect(response.status).toBe(401)
    const { error } = (await response.json()) as { error: { type: string; code: unknown; message: string } }
    expect(error).toMatchObject({ type: 'invalid_request_error', code: null })
    expect(error.message).toMatch(/^You didn't provide an API key\./)
  })

  it('Bedrock: ThrottlingException with x-amzn-errortype and no OpenAI headers, seen by the SDK as ThrottlingException', async () => {
    const server = await start({ bedrock: always429 })
    const response = await postConverse(server.endpoints('bedrock').bedrock)
    expect(response.status).toBe(429)
    expect(response.headers.get('x-amzn-errortype')).toBe('ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/')
    expect(response.headers.get('x-amzn-requestid')).toBe('mock-bedrock-1')
    expect(headersMatching(response.headers, /^(retry-after|x-ratelimit|x-request-id)/)).toEqual({})
    expect(await response.json()).toEqual({ message: 'Too many requests, please wait before trying again.' })
    const client = bedrockClient(server.endpoints('bedrock').bedrock, new NodeHttpHandler())
    const error = await client.send(new ConverseCommand({ modelId: 'm', messages: [{ role: 'user', content: [{ text: 'hi' }] }] })).catch((caught: unknown) => caught)
    client.destroy()
    expect(error).toBeInstanceOf(ThrottlingException)
  })
})

describe('enforced limits', () => {
  it('RPM: the request over the limit gets a real 429 with the window reset; the next window admits again', async () => {
    // A 1.5 s window: the four requests fit in it even on a loaded machine.
    const server = await start({ openai: { rpm: 3, rateLimitWindowMs: 1500 } })
    const base = server.endpoints('openai').openai
    const ok = await postChat(base)
    expect(ok.headers.get('x-ratelimit-remaining-requests')).toBe('2')
    expect(ok.headers.get('x-ratelimit-remaining-tokens')).toBe(String(10_000_000 - tokensPerChat))
    await postChat(base)
    await postChat(base)
    const limited = await postChat(base)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('x-ratelimit-limit-requests')).toBe('3')
    expect(limited.headers.get('x-ratelimit-remaining-requests')).toBe('0')
    const resetMs = Number(limited.headers.get('retry-after-ms'))
    expect(resetMs).toBeGreaterThan(0)
    expect(resetMs).toBeLessThanOrEqual(1500)
    expect(limited.headers.get('retry-after')).toBe(String(Math.ceil(resetMs / 1000)))
    expect(limited.headers.get('x-ratelimit-reset-requests')).toBe(resetMs < 1000 ? `${resetMs}ms` : `${resetMs / 1000}s`)
    expect(((await limited.json()) as { error: { type: string } }).error.type).toBe('requests')
    expect(server.events.filter((event) => event.kind === 'rate-limit')).toHaveLength(1)
    await new Promise((resolve) => setTimeout(resolve, resetMs + 20))
    expect((await postChat(base)).status).toBe(200)
  })

  it('TPM: a request that does not fit the token budget gets a 429 of type tokens', async () => {
    const server = await start({ openai: { tpm: 60 } })
    const base = server.endpoints('openai').openai
    expect((await postChat(base)).status).toBe(200)
    const big = await postChat(base, { messages: [{ role: 'user', content: 'x'.repeat(400) }] })
    expect(big.status).toBe(429)
    expect(big.headers.get('x-ratelimit-limit-tokens')).toBe('60')
    expect(big.headers.get('x-ratelimit-remaining-tokens')).toBe(String(60 - tokensPerChat))
    expect(((await big.json()) as { error: { type: string } }).error.type).toBe('tokens')
  })

  it('with rpm set, 5xx answers tell the budget too; Bedrock answers never carry x-ratelimit-*', async () => {
    const server = await start({ openai: { rpm: 50, errors: { rate503: 1 } }, bedrock: { rpm: 50 } })
    const failed = await postChat(server.endpoints('openai').openai)
    expect(failed.status).toBe(503)
    expect(failed.headers.get('x-ratelimit-remaining-requests')).toBe('49')
    const answered = await postConverse(server.endpoints('bedrock').bedrock)
    expect(answered.status).toBe(200)
    expect(headersMatching(answered.headers, /^x-ratelimit/)).toEqual({})
  })
})
