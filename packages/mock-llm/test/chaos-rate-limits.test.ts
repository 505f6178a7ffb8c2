import { BedrockRuntimeClient, ConverseCommand, ThrottlingException } from '@aws-sdk/client-bedrock-runtime'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import OpenAI, { AzureOpenAI, RateLimitError } from 'openai'
import { afterEach, describe, expect, it } from 'vitest'
import { startMockServer, type MockServer } from '@voxguard/mock-llm'
import { postChat } from './support.ts'

const servers: MockServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})
async function start(targets: Record<string, object>) {
  const server = await startMockServer({ profile: { seed: 1, targets } })
  servers.push(server)
  return server
}

const always429 = { errors: { rate429: 1 }, retryAfterMs: 2500, rpm: 600 }

describe('429 responses', () => {
  it('OpenAI: exact headers and body, seen by the openai client as RateLimitError', async () => {
    const server = await start({ openai: always429 })
    const response = await postChat(server.endpoints('openai').openai)
    expect(response.status).toBe(429)
    expect(Object.fromEntries([...response.headers].filter(([name]) => /^(retry-after|x-ratelimit|x-request-id)/.test(name)))).toEqual({
      'retry-after': '3',
      'retry-after-ms': '2500',
      'x-ratelimit-limit-requests': '600',
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': '2.5s',
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

  it('Azure: x-ms-retry-after-ms and the Azure error body', async () => {
    const server = await start({ 'azure-japaneast': always429 })
    const client = new AzureOpenAI({ apiKey: 'key', endpoint: server.endpoints('azure-japaneast').azure, apiVersion: '2024-10-21', deployment: 'gpt-4o', maxRetries: 0 })
    const error = (await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught)) as RateLimitError
    expect(error).toBeInstanceOf(RateLimitError)
    expect(error.headers.get('x-ms-retry-after-ms')).toBe('2500')
    expect(error.headers.get('retry-after')).toBe('3')
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

  it('Bedrock: ThrottlingException with x-amzn-errortype, seen by the SDK as ThrottlingException', async () => {
    const server = await start({ bedrock: always429 })
    const response = await fetch(`${server.endpoints('bedrock').bedrock}/model/m/converse`, {
      method: 'POST',
      headers: { authorization: 'Bearer key', 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: [{ text: 'hi' }] }] }),
    })
    expect(response.status).toBe(429)
    expect(response.headers.get('x-amzn-errortype')).toBe('ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/')
    expect(await response.json()).toEqual({ message: 'Too many requests, please wait before trying again.' })
    const client = new BedrockRuntimeClient({
      region: 'us-east-1',
      endpoint: server.endpoints('bedrock').bedrock,
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler(),
    })
    const error = await client.send(new ConverseCommand({ modelId: 'm', messages: [{ role: 'user', content: [{ text: 'hi' }] }] })).catch((caught: unknown) => caught)
    client.destroy()
    expect(error).toBeInstanceOf(ThrottlingException)
  })
})

describe('enforced limits', () => {
  it('RPM: the request over the limit gets a real 429 with the window reset; the next window admits again', async () => {
    const server = await start({ openai: { rpm: 3, rateLimitWindowMs: 600 } })
    const base = server.endpoints('openai').openai
    const ok = await postChat(base)
    expect(ok.headers.get('x-ratelimit-remaining-requests')).toBe('2')
    await postChat(base)
    await postChat(base)
    const limited = await postChat(base)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('x-ratelimit-limit-requests')).toBe('3')
    expect(limited.headers.get('x-ratelimit-remaining-requests')).toBe('0')
    const resetMs = Number(limited.headers.get('retry-after-ms'))
    expect(resetMs).toBeGreaterThan(0)
    expect(resetMs).toBeLessThanOrEqual(600)
    expect(limited.headers.get('x-ratelimit-reset-requests')).toBe(`${resetMs}ms`)
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
    expect(((await big.json()) as { error: { type: string } }).error.type).toBe('tokens')
  })
})
