import { describe, expect, it } from 'vitest'
import { createLlmClient, LlmError, type LlmEvent, type LlmStreamPart, type RouteConfig } from '@voxguard/llm'
import { fakeAdapter, type FakeStep } from './support/fake-adapter.ts'

const messages = [{ role: 'user' as const, content: 'What time do you open?' }]

function clientWith(scripts: Record<string, FakeStep[]>, route: Partial<RouteConfig> = {}, breaker = {}) {
  const adapters = Object.fromEntries(Object.entries(scripts).map(([name, steps]) => [name, fakeAdapter(name, steps)]))
  const events: LlmEvent[] = []
  const llm = createLlmClient({
    targets: Object.fromEntries(Object.keys(scripts).map((name) => [name, { provider: 'openai' as const, model: `${name}-model`, apiKey: 'sk-secret-key' }])),
    routes: { answer: { chain: Object.keys(scripts), initialBackoffMs: 5, maxBackoffMs: 10, ...route } },
    onEvent: (event) => events.push(event),
    createAdapter: (name) => adapters[name] as ReturnType<typeof fakeAdapter>,
    breaker,
  })
  return { llm, adapters, events }
}

const serverError = () => new LlmError('server', 'server 503', { status: 503 })

describe('router with in-memory adapters', () => {
  it('retries a 503 once on the same target, then falls back and says why', async () => {
    const { llm, adapters } = clientWith({ a: [{ error: serverError() }, { error: serverError() }], b: [] })
    const result = await llm.chat({ route: 'answer', messages })
    expect(result.servedBy).toBe('b')
    expect(adapters.a?.requests).toHaveLength(2)
    expect(result.attempts.map((attempt) => [attempt.target, attempt.outcome, attempt.errorCode])).toEqual([
      ['a', 'error', 'server'],
      ['a', 'error', 'server'],
      ['b', 'success', undefined],
    ])
    expect(result.attempts[0]?.reason).toMatch(/retried same target/)
    expect(result.attempts[1]?.reason).toMatch(/fell back/)
    llm.close()
  })

  it('fails now on request_invalid without trying the next target', async () => {
    const { llm, adapters } = clientWith({ a: [{ error: new LlmError('request_invalid', 'bad', { status: 400 }) }], b: [] })
    const error = await llm.chat({ route: 'answer', messages }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(LlmError)
    expect((error as LlmError).code).toBe('request_invalid')
    expect((error as LlmError).attempts).toHaveLength(1)
    expect(adapters.b?.requests).toHaveLength(0)
    llm.close()
  })

  it('keeps one attempt budget across retries and fallbacks, and never retries into the attempts untried targets need', async () => {
    const failing = () => Array.from({ length: 3 }, () => ({ error: serverError() }))
    const tight = clientWith({ a: failing(), b: failing(), c: [] }, { maxAttempts: 3 })
    const served = await tight.llm.chat({ route: 'answer', messages })
    expect(served.servedBy).toBe('c')
    expect(served.attempts.map((attempt) => attempt.target)).toEqual(['a', 'b', 'c'])
    expect(served.attempts[0]?.reason).toBe('server 503; the rest of the attempt budget (maxAttempts 3) is kept for the 2 target(s) not tried yet; fell back')
    tight.llm.close()

    const roomy = clientWith({ a: failing(), b: failing(), c: failing() }, { maxAttempts: 4 })
    const error = (await roomy.llm.chat({ route: 'answer', messages }).catch((caught: unknown) => caught)) as LlmError
    expect(error.code).toBe('all_failed')
    expect(error.attempts.map((attempt) => attempt.target)).toEqual(['a', 'a', 'b', 'c'])
    expect(error.message).toMatch(/attempt budget \(maxAttempts 4\) used/)
    roomy.llm.close()
  })

  it('opens the breaker after failures and then skips the target with no request', async () => {
    const { llm, adapters, events } = clientWith({ a: Array.from({ length: 10 }, serverError).map((error) => ({ error })), b: [] }, { maxRetriesPerTarget: 0 }, { volumeThreshold: 2 })
    await llm.chat({ route: 'answer', messages })
    await llm.chat({ route: 'answer', messages })
    const before = adapters.a?.requests.length
    const result = await llm.chat({ route: 'answer', messages })
    expect(adapters.a?.requests.length).toBe(before)
    expect(result.attempts[0]).toMatchObject({ target: 'a', outcome: 'skipped', errorCode: 'breaker_open' })
    expect(events.some((event) => event.type === 'breaker-open' && event.target === 'a')).toBe(true)
    expect(llm.targetStats().find((stats) => stats.target === 'a')?.breakerState).toBe('open')
    llm.close()
  })

  it('fails over a stream until the first token and ends with servedBy', async () => {
    const { llm } = clientWith({
      a: [{ parts: [{ fail: new LlmError('server', 'sse error') }] }],
      b: [{ parts: [{ type: 'text-delta', text: 'We open ' }, { type: 'text-delta', text: 'at 9.' }, { type: 'finish', finishReason: 'stop' }] }],
    }, { maxRetriesPerTarget: 0 })
    const parts: LlmStreamPart[] = []
    for await (const part of llm.stream({ route: 'answer', messages })) parts.push(part)
    const end = parts.at(-1)
    expect(end).toMatchObject({ type: 'end', text: 'We open at 9.', servedBy: 'b' })
    llm.close()
  })

  it('continueOnMidStreamError off: surfaces an error after the first token as an LlmError', async () => {
    const { llm } = clientWith({
      a: [{ parts: [{ type: 'text-delta', text: 'We open ' }, { fail: new LlmError('network', 'cut') }] }],
      b: [],
    }, { continueOnMidStreamError: false })
    const texts: string[] = []
    const error = await (async () => {
      for await (const part of llm.stream({ route: 'answer', messages })) if (part.type === 'text-delta') texts.push(part.text)
    })().catch((caught: unknown) => caught)
    expect(texts).toEqual(['We open '])
    expect(error).toMatchObject({ code: 'network' })
    expect((error as LlmError).message).toMatch(/after the first token/)
    llm.close()
  })

  it('continues mid-stream on the next target with the text so far when asked', async () => {
    const { llm, adapters } = clientWith(
      { a: [{ parts: [{ type: 'text-delta', text: 'We open ' }, { fail: new LlmError('network', 'cut') }] }], b: [{ parts: [{ type: 'text-delta', text: 'at 9.' }, { type: 'finish', finishReason: 'stop' }] }] },
      { continueOnMidStreamError: true },
    )
    let end: LlmStreamPart | undefined
    for await (const part of llm.stream({ route: 'answer', messages })) end = part
    expect(end).toMatchObject({ type: 'end', text: 'We open at 9.', servedBy: 'b' })
    expect(adapters.b?.requests[0]?.messages.at(-1)).toEqual({ role: 'assistant', content: 'We open ' })
    llm.close()
  })

  it('hedges: the fast second target wins and the slow one is aborted', async () => {
    const { llm, adapters } = clientWith({ slow: [{ answer: 'slow', delayMs: 2_000 }], fast: [{ answer: 'fast', delayMs: 10 }] }, { hedgeAfterMs: 50 })
    const result = await llm.chat({ route: 'answer', messages })
    expect(result.servedBy).toBe('fast')
    expect(adapters.slow?.requests[0]?.signal.aborted).toBe(true)
    expect(result.attempts.find((attempt) => attempt.target === 'slow')).toMatchObject({ outcome: 'cancelled' })
    llm.close()
  })

  it('times out a chat attempt and falls back', async () => {
    const { llm } = clientWith({ a: [{ hang: true }], b: [] }, { attemptTimeoutMs: 50 })
    const result = await llm.chat({ route: 'answer', messages })
    expect(result.servedBy).toBe('b')
    expect(result.attempts[0]).toMatchObject({ target: 'a', errorCode: 'timeout' })
    llm.close()
  })

  it('ends with code deadline when the total deadline passes', async () => {
    const { llm } = clientWith({ a: [{ hang: true }], b: [{ hang: true }] }, { deadlineMs: 80 })
    const error = (await llm.chat({ route: 'answer', messages }).catch((caught: unknown) => caught)) as LlmError
    expect(error.code).toBe('deadline')
    llm.close()
  })

  it('skips a target whose rate-limit budget is used and emits rate-limited', async () => {
    const adapters = { a: fakeAdapter('a', []), b: fakeAdapter('b', []) }
    const events: LlmEvent[] = []
    const llm = createLlmClient({
      targets: { a: { provider: 'openai', model: 'm', apiKey: 'k', requestsPerMinute: 1 }, b: { provider: 'openai', model: 'm', apiKey: 'k' } },
      routes: { answer: { chain: ['a', 'b'] } },
      onEvent: (event) => events.push(event),
      createAdapter: (name) => adapters[name as 'a' | 'b'],
    })
    expect((await llm.chat({ route: 'answer', messages })).servedBy).toBe('a')
    expect((await llm.chat({ route: 'answer', messages })).servedBy).toBe('b')
    expect(adapters.a.requests).toHaveLength(1)
    expect(events.filter((event) => event.type === 'rate-limited').map((event) => event.target)).toEqual(['a'])
    llm.close()
  })
})
