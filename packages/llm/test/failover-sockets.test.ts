import { describe, expect, it } from 'vitest'
import { LlmError, type LlmStreamPart, type RouteConfig } from '@voxguard/llm'
import { jsonHeaders, serverErrorBody } from './support/openai-wire.ts'
import { answerOpenAi, closedPortUrl, hang, respondWith, startScriptedServer } from './support/start-scripted-server.ts'
import { createTwoTargetClient } from './support/two-target-client.ts'

const messages = [{ role: 'user' as const, content: 'When do you open?' }]
const answer = (text = 'We open at 9.', delayMs = 0) => startScriptedServer(answerOpenAi(text, delayMs))

function setup(primary: string | { baseURL: string }, secondary: { baseURL: string }, route: Partial<RouteConfig> = {}) {
  const primaryUrl = typeof primary === 'string' ? primary : primary.baseURL
  return createTwoTargetClient({ primary: primaryUrl, secondary: secondary.baseURL, route: { initialBackoffMs: 5, maxBackoffMs: 10, ...route } }).llm
}

async function endOf(stream: AsyncIterable<LlmStreamPart>) {
  let end: Extract<LlmStreamPart, { type: 'end' }> | undefined
  for await (const part of stream) if (part.type === 'end') end = part
  return end
}

describe('failover over real sockets', () => {
  it('falls back when the primary refuses connections (network)', async () => {
    const llm = setup(await closedPortUrl(), await answer(), { initialBackoffMs: 1_000, maxBackoffMs: 1_000 })
    const result = await llm.chat({ route: 'answer', messages })
    expect(result.servedBy).toBe('secondary')
    // No retry and no backoff on the refusing target: straight to the next one.
    expect(result.attempts.map(({ target, errorCode, reason }) => ({ target, errorCode, reason }))).toEqual([
      { target: 'primary', errorCode: 'network', reason: 'network (ECONNREFUSED): the connection failed before the request was sent; fell back at once' },
      { target: 'secondary', errorCode: undefined, reason: undefined },
    ])
    expect(result.attempts[1]!.startedAtMs - result.attempts[0]!.startedAtMs).toBeLessThan(500)
  })

  it('a failure that opens the breaker is not waited for, and its record does not say "retried"', async () => {
    const failing = await startScriptedServer(respondWith(503, serverErrorBody, jsonHeaders))
    const { llm } = createTwoTargetClient({ primary: failing.baseURL, secondary: (await answer()).baseURL, route: { initialBackoffMs: 1_000, maxBackoffMs: 1_000 }, breaker: { volumeThreshold: 1 } })
    const started = performance.now()
    const result = await llm.chat({ route: 'answer', messages })
    expect(performance.now() - started).toBeLessThan(500)
    expect(failing.requests).toHaveLength(1)
    expect(result.attempts.map(({ target, outcome, reason }) => ({ target, outcome, reason }))).toEqual([
      { target: 'primary', outcome: 'error', reason: 'server 503; the breaker opened; fell back without waiting' },
      { target: 'secondary', outcome: 'success', reason: undefined },
    ])
  })

  it('a route deadline on a hanging target ends the call as deadline, closes the socket and sends nothing more', async () => {
    // No caller signal and no attempt timer: the SDK's own request timer stands in for the deadline.
    const hanging = await startScriptedServer(hang)
    const secondary = await answer()
    const llm = setup(hanging, secondary, { deadlineMs: 150 })
    const started = performance.now()
    const error = (await llm.chat({ route: 'answer', messages }).catch((caught: unknown) => caught)) as LlmError
    expect(performance.now() - started).toBeGreaterThanOrEqual(149)
    expect(error).toBeInstanceOf(LlmError)
    expect(error.code).toBe('deadline')
    expect(error.attempts.map(({ target, outcome, errorCode }) => ({ target, outcome, errorCode }))).toEqual([{ target: 'primary', outcome: 'error', errorCode: 'deadline' }])
    await hanging.closes(1)
    expect(hanging.closedMidRequest).toBe(1)
    expect(secondary.requests).toHaveLength(0)
  })

  it('fails over on the first-token timeout and closes the hanging socket', async () => {
    const hanging = await startScriptedServer(hang)
    const llm = setup(hanging, await answer(), { firstTokenTimeoutMs: 150 })
    const end = await endOf(llm.stream({ route: 'answer', messages }))
    expect(end).toMatchObject({ servedBy: 'secondary', text: 'We open at 9.' })
    expect(end?.attempts[0]).toMatchObject({ target: 'primary', errorCode: 'timeout', reason: 'timeout; fell back' })
    await hanging.closes(1)
    expect(hanging.closedMidRequest).toBe(1)
  })

  it('hedging: the fast second target wins and the slow one is aborted (its connection closes)', async () => {
    const slow = await answer('slow answer', 3_000)
    const fast = await answer('fast answer')
    const llm = setup(slow, fast, { hedgeAfterMs: 100 })
    const started = performance.now()
    const end = await endOf(llm.stream({ route: 'answer', messages }))
    expect(performance.now() - started).toBeLessThan(1_500)
    expect(end).toMatchObject({ servedBy: 'secondary', text: 'fast answer' })
    expect(end?.attempts.find((attempt) => attempt.target === 'primary')).toMatchObject({ outcome: 'cancelled' })
    await slow.closes(1)
    expect(slow.closedMidRequest).toBe(1)
  })

  it('the caller abort cancels every socket and the call ends with code aborted', async () => {
    const first = await startScriptedServer(hang)
    const second = await startScriptedServer(hang)
    const llm = setup(first, second, { hedgeAfterMs: 50, firstTokenTimeoutMs: 10_000 })
    const controller = new AbortController()
    const pending = endOf(llm.stream({ route: 'answer', messages, signal: controller.signal })).catch((caught: unknown) => caught)
    await Promise.all([first.requestsArrived(1), second.requestsArrived(1)])
    controller.abort()
    const error = (await pending) as LlmError
    expect(error).toBeInstanceOf(LlmError)
    expect(error.code).toBe('aborted')
    await Promise.all([first.closes(1), second.closes(1)])
    expect([first.closedMidRequest, second.closedMidRequest]).toEqual([1, 1])
  })
})
