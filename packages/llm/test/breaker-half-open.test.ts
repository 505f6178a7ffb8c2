import { describe, expect, it } from 'vitest'
import { LlmError, type RouteConfig } from '@voxguard/llm'
import { completionJson, jsonHeaders, serverErrorBody } from './support/openai-wire.ts'
import { hang, respondWith, startScriptedServer } from './support/start-scripted-server.ts'
import { createTwoTargetClient } from './support/two-target-client.ts'

const messages = [{ role: 'user' as const, content: 'When do you open on Monday?' }]
const resetTimeoutMs = 150
const serverError = respondWith(500, serverErrorBody, jsonHeaders)
const answer = (text: string, delayMs = 0) => respondWith(200, completionJson(text), jsonHeaders, delayMs)

/** Primary and secondary on real sockets; the primary's breaker is opened by two 500s, then goes half-open. */
async function withHalfOpenPrimary(route: Partial<RouteConfig> = {}) {
  const primary = await startScriptedServer(serverError)
  const secondary = await startScriptedServer(answer('Secondary: we open at 9.'))
  const { llm, log } = createTwoTargetClient({
    primary: primary.baseURL,
    secondary: secondary.baseURL,
    route: { maxRetriesPerTarget: 0, ...route },
    breaker: { volumeThreshold: 2, resetTimeoutMs },
  })
  for (let call = 0; call < 2; call += 1) await llm.chat({ route: 'answer', messages })
  expect(log.of('breaker-open', 'primary')).toHaveLength(1)
  const skipped = await llm.chat({ route: 'answer', messages })
  expect(skipped.attempts[0]).toMatchObject({ target: 'primary', outcome: 'skipped', errorCode: 'breaker_open' })
  expect(primary.requests).toHaveLength(2)
  await log.waitFor('breaker-half-open', 'primary')
  const primaryState = () => llm.targetStats().find((stats) => stats.target === 'primary')?.breakerState
  expect(primaryState()).toBe('half-open')
  return { llm, log, primary, secondary, primaryState }
}

describe('breaker half-open probe (real sockets)', () => {
  it('lets exactly one probe through; its success closes the breaker and traffic returns', async () => {
    const { llm, log, primary, primaryState } = await withHalfOpenPrimary()
    primary.reply = answer('Primary is back.', 100)
    const results = await Promise.all([1, 2, 3].map(() => llm.chat({ route: 'answer', messages })))
    expect(primary.requests).toHaveLength(3)
    expect(results.map((result) => result.servedBy).sort()).toEqual(['primary', 'secondary', 'secondary'])
    for (const result of results.filter((candidate) => candidate.servedBy === 'secondary')) {
      expect(result.attempts[0]).toMatchObject({ target: 'primary', outcome: 'skipped', errorCode: 'breaker_open', reason: 'breaker half-open; skipped without a request' })
    }
    expect(log.of('breaker-close', 'primary')).toHaveLength(1)
    expect(primaryState()).toBe('closed')
    const after = await Promise.all([1, 2, 3].map(() => llm.chat({ route: 'answer', messages })))
    expect(after.map((result) => result.servedBy)).toEqual(['primary', 'primary', 'primary'])
    expect(primary.requests).toHaveLength(6)
  })

  it('a failed probe reopens the breaker: one request, then none until the next reset', async () => {
    const { llm, log, primary, primaryState } = await withHalfOpenPrimary()
    const probe = await llm.chat({ route: 'answer', messages })
    expect(probe.attempts[0]).toMatchObject({ target: 'primary', outcome: 'error', errorCode: 'server', status: 500 })
    expect(primary.requests).toHaveLength(3)
    expect(log.of('breaker-open', 'primary')).toHaveLength(2)
    expect(log.of('breaker-close', 'primary')).toHaveLength(0)
    expect(primaryState()).toBe('open')
    const next = await llm.chat({ route: 'answer', messages })
    expect(next.attempts[0]).toMatchObject({ target: 'primary', outcome: 'skipped', errorCode: 'breaker_open' })
    expect(primary.requests).toHaveLength(3)
  })

  it('a caller abort during the probe neither closes nor reopens: the next call probes again', async () => {
    const { llm, log, primary, primaryState } = await withHalfOpenPrimary()
    primary.reply = hang
    const controller = new AbortController()
    const pending = llm.chat({ route: 'answer', messages, signal: controller.signal }).catch((caught: unknown) => caught)
    await primary.requestsArrived(3)
    controller.abort()
    const error = (await pending) as LlmError
    expect(error).toBeInstanceOf(LlmError)
    expect(error.code).toBe('aborted')
    await primary.closes(1)
    expect(log.of('breaker-close', 'primary')).toHaveLength(0)
    expect(log.of('breaker-open', 'primary')).toHaveLength(1)
    expect(primaryState()).toBe('half-open')
    primary.reply = answer('Primary is back.')
    const next = await llm.chat({ route: 'answer', messages })
    expect(next.servedBy).toBe('primary')
    expect(primary.requests).toHaveLength(4)
    expect(primaryState()).toBe('closed')
  })

  it('a route deadline during the probe leaves the breaker half-open too', async () => {
    const { llm, log, primary, primaryState } = await withHalfOpenPrimary({ deadlineMs: 300 })
    primary.reply = hang
    const error = (await llm.chat({ route: 'answer', messages }).catch((caught: unknown) => caught)) as LlmError
    expect(error.code).toBe('deadline')
    expect(error.attempts.map(({ target, outcome, errorCode }) => ({ target, outcome, errorCode }))).toEqual([{ target: 'primary', outcome: 'error', errorCode: 'deadline' }])
    expect(log.of('breaker-close', 'primary')).toHaveLength(0)
    expect(log.of('breaker-open', 'primary')).toHaveLength(1)
    expect(primaryState()).toBe('half-open')
    primary.reply = serverError
    await llm.chat({ route: 'answer', messages })
    expect(primary.requests).toHaveLength(4)
    expect(primaryState()).toBe('open')
  })
})
