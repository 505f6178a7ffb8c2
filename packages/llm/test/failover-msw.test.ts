import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { LlmError, type BreakerOptions, type RouteConfig } from '@voxguard/llm'
import { badRequestBody, completionJson, errorEventSse, invalidKeyBody, jsonHeaders, rateLimitBody, roleChunk, serverErrorBody, sseHeaders, streamSse, testApiKey, textChunk } from './support/openai-wire.ts'
import { createTwoTargetClient } from './support/two-target-client.ts'
import { useMswServer } from './support/use-msw-server.ts'

const primaryUrl = 'https://primary.example.test/v1/chat/completions'
const secondaryUrl = 'https://secondary.example.test/v1/chat/completions'
const messages = [{ role: 'user' as const, content: 'When do you open on Monday?' }]
const server = useMswServer()
const requestCounts = { primary: 0, secondary: 0 }
afterEach(() => {
  requestCounts.primary = 0
  requestCounts.secondary = 0
})

type Reply = () => Response | Promise<Response>
function serve(primary: Reply, secondary: Reply = () => new HttpResponse(completionJson('We open at 9 on Monday.'), { headers: jsonHeaders })) {
  server.use(
    http.post(primaryUrl, () => {
      requestCounts.primary += 1
      return primary()
    }),
    http.post(secondaryUrl, () => {
      requestCounts.secondary += 1
      return secondary()
    }),
  )
}

function client(route: Partial<RouteConfig> = {}, breaker: BreakerOptions = {}) {
  const { llm, log } = createTwoTargetClient({
    primary: 'https://primary.example.test/v1',
    secondary: 'https://secondary.example.test/v1',
    route: { initialBackoffMs: 10, maxBackoffMs: 20, ...route },
    breaker,
  })
  return { llm, events: log.events }
}

const jsonError = (status: number, body: string, headers: Record<string, string> = {}) => () => new HttpResponse(body, { status, headers: { ...jsonHeaders, ...headers } })

describe('fallback at the HTTP boundary (OpenAI wire format)', () => {
  it('retries a 503 once, falls back, and reports every attempt and event in order', async () => {
    serve(jsonError(503, serverErrorBody))
    const { llm, events } = client()
    const result = await llm.chat({ route: 'answer', messages })
    expect(result.text).toBe('We open at 9 on Monday.')
    expect(result.servedBy).toBe('secondary')
    expect(requestCounts).toEqual({ primary: 2, secondary: 1 })
    expect(result.attempts.map(({ target, outcome, errorCode, status }) => ({ target, outcome, errorCode, status }))).toEqual([
      { target: 'primary', outcome: 'error', errorCode: 'server', status: 503 },
      { target: 'primary', outcome: 'error', errorCode: 'server', status: 503 },
      { target: 'secondary', outcome: 'success', errorCode: undefined, status: undefined },
    ])
    expect(result.attempts.map((attempt) => attempt.reason)).toEqual(['server 503; retried same target after ' + result.attempts[0]?.reason?.match(/\d+ ms/)?.[0], 'server 503; retries on this target used; fell back', undefined])
    expect(events.map((event) => `${event.type}:${event.target}`)).toEqual([
      'attempt-start:primary',
      'attempt-end:primary',
      'attempt-start:primary',
      'attempt-end:primary',
      'fallback:primary',
      'attempt-start:secondary',
      'attempt-end:secondary',
    ])
    expect(events.find((event) => event.type === 'fallback')).toMatchObject({ nextTarget: 'secondary', errorCode: 'server' })
  })

  it('honours Retry-After on a 429: waits, then succeeds on the same target', async () => {
    let calls = 0
    serve(() => (++calls === 1 ? jsonError(429, rateLimitBody, { 'retry-after-ms': '150' })() : new HttpResponse(completionJson('Primary again.'), { headers: jsonHeaders })))
    const { llm } = client()
    const started = performance.now()
    const result = await llm.chat({ route: 'answer', messages })
    expect(result.servedBy).toBe('primary')
    expect(performance.now() - started).toBeGreaterThanOrEqual(145)
    expect(requestCounts).toEqual({ primary: 2, secondary: 0 })
    expect(result.attempts[0]).toMatchObject({ errorCode: 'rate_limited', status: 429, reason: 'rate_limited 429; retried same target after 150 ms' })
  })

  it('falls back at once when the Retry-After wait is longer than the remaining deadline', async () => {
    serve(jsonError(429, rateLimitBody, { 'retry-after': '20' }))
    const { llm } = client({ deadlineMs: 3_000 })
    const started = performance.now()
    const result = await llm.chat({ route: 'answer', messages })
    expect(performance.now() - started).toBeLessThan(1_000)
    expect(result.servedBy).toBe('secondary')
    expect(requestCounts.primary).toBe(1)
    expect(result.attempts[0]?.reason).toMatch(/wait of 20000 ms exceeds the remaining deadline/)
  })

  it('falls back on a 401 without retrying, and the key never appears in errors or events', async () => {
    serve(jsonError(401, invalidKeyBody), jsonError(401, invalidKeyBody))
    const { llm, events } = client()
    const error = (await llm.chat({ route: 'answer', messages }).catch((caught: unknown) => caught)) as LlmError
    expect(error).toBeInstanceOf(LlmError)
    expect(error.code).toBe('all_failed')
    expect(requestCounts).toEqual({ primary: 1, secondary: 1 })
    expect(error.attempts.map((attempt) => attempt.errorCode)).toEqual(['auth', 'auth'])
    const everything = JSON.stringify(events) + error.message + String(error.stack) + JSON.stringify(error.attempts) + JSON.stringify(error.headers)
    expect(everything).not.toContain(testApiKey)
  })

  it('does not fall back on a 400: the request itself is wrong', async () => {
    serve(jsonError(400, badRequestBody))
    const { llm } = client()
    const error = (await llm.chat({ route: 'answer', messages }).catch((caught: unknown) => caught)) as LlmError
    expect(error.code).toBe('request_invalid')
    expect(error.status).toBe(400)
    expect(error.attempts[0]?.reason).toBe('request_invalid 400; ended the call')
    expect(requestCounts).toEqual({ primary: 1, secondary: 0 })
    expect(error.attempts).toHaveLength(1)
  })

  it('opens the breaker: the open target receives no request and the skip is recorded', async () => {
    serve(jsonError(500, serverErrorBody))
    const { llm, events } = client({ maxRetriesPerTarget: 0 }, { volumeThreshold: 2, resetTimeoutMs: 60_000 })
    for (let call = 0; call < 2; call += 1) await llm.chat({ route: 'answer', messages })
    expect(requestCounts.primary).toBe(2)
    for (let call = 0; call < 3; call += 1) {
      const result = await llm.chat({ route: 'answer', messages })
      expect(result.attempts[0]).toMatchObject({ target: 'primary', outcome: 'skipped', errorCode: 'breaker_open', latencyMs: 0 })
    }
    expect(requestCounts).toEqual({ primary: 2, secondary: 5 })
    expect(events.filter((event) => event.type === 'breaker-open').map((event) => event.target)).toEqual(['primary'])
  })

  it('fails fast with code breaker_open when every target is open', async () => {
    serve(jsonError(500, serverErrorBody), jsonError(500, serverErrorBody))
    const { llm } = client({ maxRetriesPerTarget: 0 }, { volumeThreshold: 1, resetTimeoutMs: 60_000 })
    await llm.chat({ route: 'answer', messages }).catch(() => undefined)
    const before = { ...requestCounts }
    const error = (await llm.chat({ route: 'answer', messages }).catch((caught: unknown) => caught)) as LlmError
    expect(error.code).toBe('breaker_open')
    expect(requestCounts).toEqual(before)
  })

  it('a 429 with Retry-After cools that target down for that long; its breaker stays closed', async () => {
    serve(jsonError(429, rateLimitBody, { 'retry-after-ms': '5000' }))
    const { llm, events } = client({ deadlineMs: 2_000 }, { volumeThreshold: 1 })
    expect((await llm.chat({ route: 'answer', messages })).servedBy).toBe('secondary')
    const second = await llm.chat({ route: 'answer', messages })
    expect(second.attempts[0]).toMatchObject({ target: 'primary', outcome: 'skipped', errorCode: 'rate_limited' })
    expect(requestCounts.primary).toBe(1)
    expect(events.find((event) => event.type === 'cooldown-start')).toMatchObject({ target: 'primary', reason: 'Retry-After 5000 ms' })
    expect(events.filter((event) => event.type === 'breaker-open')).toEqual([])
    expect(llm.targetStats().find((stats) => stats.target === 'primary')?.breakerState).toBe('closed')
  })
})

describe('streaming failover at the HTTP boundary', () => {
  const sse = (body: string) => () => new HttpResponse(body, { headers: sseHeaders })

  it('fails over on an in-stream error before the first token', async () => {
    serve(sse(roleChunk + errorEventSse), sse(streamSse('We open', ' at 9.')))
    const { llm } = client({ maxRetriesPerTarget: 0 })
    const texts: string[] = []
    let end
    for await (const part of llm.stream({ route: 'answer', messages })) {
      if (part.type === 'text-delta') texts.push(part.text)
      if (part.type === 'end') end = part
    }
    expect(texts.join('')).toBe('We open at 9.')
    expect(end).toMatchObject({ servedBy: 'secondary', text: 'We open at 9.', finishReason: 'stop', usage: { inputTokens: 19, outputTokens: 5, totalTokens: 24 } })
    expect(requestCounts).toEqual({ primary: 1, secondary: 1 })
  })

  it('continueOnMidStreamError off: surfaces an in-stream error after the first token as an LlmError, never a silent truncation', async () => {
    serve(sse(roleChunk + textChunk('We open') + errorEventSse))
    const { llm } = client({ continueOnMidStreamError: false })
    const texts: string[] = []
    const error = await (async () => {
      for await (const part of llm.stream({ route: 'answer', messages })) if (part.type === 'text-delta') texts.push(part.text)
    })().catch((caught: unknown) => caught)
    expect(texts).toEqual(['We open'])
    expect(error).toBeInstanceOf(LlmError)
    expect((error as LlmError).message).toMatch(/after the first token/)
    expect((error as LlmError).attempts.at(-1)).toMatchObject({ target: 'primary', reason: expect.stringMatching(/surfaced to the caller/) })
    expect(requestCounts.secondary).toBe(0)
  })
})
