import {
  ConverseCommand,
  ConverseStreamCommand,
  InternalServerException,
  ModelStreamErrorException,
  ServiceUnavailableException,
  ThrottlingException,
} from '@aws-sdk/client-bedrock-runtime'
import OpenAI, { APIError, APIUserAbortError } from 'openai'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import type { TargetBehaviourInput } from '@voxguard/mock-llm'
import { bedrockClient, drain, postChat, useMockServers } from './support.ts'

const startServer = useMockServers()
async function start(targets: Record<string, TargetBehaviourInput>) {
  const server = await startServer(targets)
  return { server, startedAt: performance.now() }
}
const hi = { modelId: 'm', messages: [{ role: 'user' as const, content: [{ text: 'hi' }] }] }
const until = (startedAt: number, ms: number) => sleep(Math.max(0, startedAt + ms - performance.now()))

describe('outage windows', () => {
  it('503 only between fromMs and toMs, on the server timeline; other targets unaffected', async () => {
    // Margins of 400 ms and more on each side: a loaded machine delays requests, never advances them.
    const { server, startedAt } = await start({
      primary: { outages: [{ fromMs: 500, toMs: 1300, mode: 503 }] },
      secondary: {},
    })
    const primary = server.endpoints('primary').openai
    await until(startedAt, 100)
    expect((await postChat(primary)).status).toBe(200)
    await until(startedAt, 800)
    expect((await postChat(primary)).status).toBe(503)
    expect((await postChat(server.endpoints('secondary').openai)).status).toBe(200)
    await until(startedAt, 1350)
    expect((await postChat(primary)).status).toBe(200)
    const outages = server.events.filter((event) => event.kind === 'outage')
    expect(outages).toHaveLength(1)
    expect(outages[0]).toMatchObject({ target: 'primary', status: 503, outageMode: 503 })
    expect(outages[0]!.elapsedMs).toBeGreaterThanOrEqual(500)
    expect(outages[0]!.elapsedMs).toBeLessThan(1300)
  })

  it('refuse drops the connection; hang holds it until the client aborts', async () => {
    const { server } = await start({
      refused: { outages: [{ fromMs: 0, toMs: 60_000, mode: 'refuse' }] },
      hung: { outages: [{ fromMs: 0, toMs: 60_000, mode: 'hang' }] },
    })
    await expect(postChat(server.endpoints('refused').openai)).rejects.toThrow(TypeError)
    const startedAt = performance.now()
    await expect(postChat(server.endpoints('hung').openai, {}, { signal: AbortSignal.timeout(150) })).rejects.toThrow(/aborted|timeout/i)
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(140)
    expect(server.events.map((event) => event.kind === 'outage' && event.outageMode)).toEqual(['refuse', 'hang'])
  })
  it('modes 429 and 500 answer with that status; a 429 announces retryAfterMs', async () => {
    const always = (mode: 429 | 500) => ({ outages: [{ fromMs: 0, toMs: 60_000, mode }], retryAfterMs: 4000 })
    const { server } = await start({ throttled: always(429), failing: always(500) })
    const throttled = await postChat(server.endpoints('throttled').openai)
    expect(throttled.status).toBe(429)
    expect([throttled.headers.get('retry-after'), throttled.headers.get('retry-after-ms')]).toEqual(['4', '4000'])
    expect((await postChat(server.endpoints('failing').openai)).status).toBe(500)
    expect(server.events.map((event) => event.kind === 'outage' && [event.outageMode, event.status])).toEqual([[429, 429], [500, 500]])
  })
})

describe('hangs, cuts and in-stream errors', () => {
  it('a hang never answers until the client aborts (openai client sees its own abort)', async () => {
    const { server } = await start({ openai: { hangRate: 1 } })
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: server.endpoints('openai').openai, maxRetries: 0 })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 120)
    const error = await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }, { signal: controller.signal })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(APIUserAbortError)
    expect(server.events).toMatchObject([{ kind: 'hang', requestId: 'mock-openai-1', stream: false }])
  })

  it('a cut stream ends without [DONE] and the openai client throws instead of ending quietly', async () => {
    const { server } = await start({ openai: { cutRate: 1 } })
    const response = await postChat(server.endpoints('openai').openai, { stream: true })
    expect(response.status).toBe(200)
    const reader = response.body!.getReader()
    let text = ''
    const failure = await (async () => {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return undefined
        text += new TextDecoder().decode(value)
      }
    })().catch((caught: unknown) => caught)
    expect(failure).toBeInstanceOf(TypeError)
    expect(text).toContain('"role":"assistant"')
    expect(text).not.toContain('[DONE]')

    const client = new OpenAI({ apiKey: 'sk-test', baseURL: server.endpoints('openai').openai, maxRetries: 0 })
    const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true })
    expect((await drain(stream)).error).toBeInstanceOf(Error)
    expect(server.events.filter((event) => event.kind === 'cut')).toHaveLength(2)
  })

  it('an OpenAI in-stream error arrives after HTTP 200 as an error event the client throws', async () => {
    const { server } = await start({ openai: { errors: { inStream: 1 } } })
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: server.endpoints('openai').openai, maxRetries: 0 })
    const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true })
    const { error } = await drain(stream)
    expect(error).toBeInstanceOf(APIError)
    expect((error as APIError).type).toBe('server_error')
    expect(server.events).toMatchObject([{ kind: 'error', status: 200, errorType: 'server_error', stream: true }])
  })

  it.each([
    ['modelStreamErrorException', ModelStreamErrorException],
    ['throttlingException', ThrottlingException],
    ['internalServerException', InternalServerException],
    ['serviceUnavailableException', ServiceUnavailableException],
  ] as const)('a Bedrock in-stream %s frame surfaces in the SDK as its exception class', async (inStreamType, exceptionClass) => {
    const { server } = await start({ bedrock: { errors: { inStream: 1, inStreamType } } })
    const client = bedrockClient(server.endpoints('bedrock').bedrock)
    try {
      const response = await client.send(new ConverseStreamCommand(hi))
      const { items, error } = await drain(response.stream!)
      expect(error).toBeInstanceOf(exceptionClass)
      expect(items.map((event) => Object.keys(event)[0])).not.toContain('messageStop')
      expect(server.events).toMatchObject([{ kind: 'error', status: 200, errorType: inStreamType, protocol: 'bedrock' }])
    } finally {
      client.destroy()
    }
  })
})

describe('Bedrock over HTTP/2 (the SDK default handler)', () => {
  it('a refusing outage and a cut stream are failures, not answers', async () => {
    const { server } = await start({
      refused: { outages: [{ fromMs: 0, toMs: 60_000, mode: 'refuse' }] },
      cut: { cutRate: 1 },
    })
    const refused = bedrockClient(server.endpoints('refused').bedrock)
    const cut = bedrockClient(server.endpoints('cut').bedrock)
    try {
      await expect(refused.send(new ConverseCommand(hi))).rejects.toThrow()
      const response = await cut.send(new ConverseStreamCommand(hi))
      const { items, error } = await drain(response.stream!)
      expect(error).toBeInstanceOf(Error)
      expect(items.map((event) => Object.keys(event)[0])).not.toContain('messageStop')
      expect(server.events.map((event) => event.kind)).toEqual(['outage', 'cut'])
    } finally {
      refused.destroy()
      cut.destroy()
    }
  })
})

describe('latency', () => {
  it('waits TTFT before the first byte and paces tokens at tokensPerSecond', async () => {
    const { server } = await start({ openai: { ttftMs: 150, tokensPerSecond: 50 } })
    const startedAt = performance.now()
    const response = await postChat(server.endpoints('openai').openai, { stream: true })
    const firstByteMs = performance.now() - startedAt
    await response.text()
    const totalMs = performance.now() - startedAt
    // Lower bounds only (load makes waits longer, never shorter); the server's waits run one
    // after another, so the total holds the TTFT plus 7 gaps of 20 ms (8 tokens at 50/s),
    // with 10 ms for timers that fire a little early. Without pacing the total would be ~150 ms.
    expect(firstByteMs).toBeGreaterThanOrEqual(145)
    expect(totalMs).toBeGreaterThanOrEqual(150 + 7 * 20 - 10)
  })

  it('a JSON answer waits the interTokenMs gaps before it is sent', async () => {
    const { server } = await start({ openai: { interTokenMs: { kind: 'uniform', minMs: 30, maxMs: 40 } } })
    const startedAt = performance.now()
    const response = await postChat(server.endpoints('openai').openai)
    expect(response.status).toBe(200)
    // 8 tokens: 7 gaps of at least 30 ms (a lower bound: load only adds).
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(7 * 30 - 10)
  })
})
