import { createHook } from 'node:async_hooks'
import { getEventListeners } from 'node:events'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createLlmClient } from '@voxguard/llm'
import { jsonHeaders, serverErrorBody } from './support/openai-wire.ts'
import { answerOpenAi, respondWith, startScriptedServer } from './support/start-scripted-server.ts'

const messages = [{ role: 'user' as const, content: 'When do you open on Monday?' }]

/**
 * Tracks the timers (`Timeout` handles) created from now on, by who created them: the
 * client's own code, its deadline clock (one timer per deadline length, shared by every call),
 * its breakers (the open → half-open timer), or the openai SDK. A timer counts as live
 * from its creation until it fires or is cleared (async_hooks `destroy`), `unref` or not.
 */
function trackTimers() {
  const live = new Map<number, 'client' | 'clock' | 'breaker' | 'sdk'>()
  const stackTraceLimit = Error.stackTraceLimit
  Error.stackTraceLimit = 30
  const hook = createHook({
    init(asyncId, type) {
      if (type !== 'Timeout') return
      // The frame below Node's setTimeout/setInterval is the code that created the timer.
      const frames = new Error().stack?.split('\n') ?? []
      const creator = frames[frames.findLastIndex((frame) => frame.includes('(node:timers:')) + 1] ?? ''
      if (creator.includes('/packages/llm/src/target-breaker.ts')) live.set(asyncId, 'breaker')
      else if (creator.includes('/packages/llm/src/deadline-clock.ts')) live.set(asyncId, 'clock')
      else if (creator.includes('/packages/llm/src/')) live.set(asyncId, 'client')
      else if (creator.includes('/node_modules/openai/')) live.set(asyncId, 'sdk')
    },
    destroy(asyncId) {
      live.delete(asyncId)
    },
  })
  hook.enable()
  onTestFinished(() => {
    hook.disable()
    Error.stackTraceLimit = stackTraceLimit
  })
  return {
    /** Timers of `owner` still live; waits a turn first, as Node reports `destroy` asynchronously. */
    live: async (owner: 'client' | 'clock' | 'breaker' | 'sdk') => {
      await new Promise((resolve) => setImmediate(resolve))
      return [...live.values()].filter((value) => value === owner).length
    },
  }
}

describe('thousands of calls with one long-lived caller signal', () => {
  it('leaves no listener on the signal and no timer behind; close() stops the breaker timers', async () => {
    const timers = trackTimers()
    const warnings: string[] = []
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`)
    process.on('warning', onWarning)
    onTestFinished(() => void process.off('warning', onWarning))

    // Every 10th and 11th request to the primary fail: that call retries (a backoff wait), then falls back.
    const answer = answerOpenAi('We open at 9.')
    const serverError = respondWith(500, serverErrorBody, jsonHeaders)
    const primary = await startScriptedServer((request, response) => (primary.requests.length % 10 < 2 ? serverError : answer)(request, response))
    const secondary = await startScriptedServer(answer)
    const signal = new AbortController().signal
    const listenersDuringAttempts = new Set<number>()
    const llm = createLlmClient({
      targets: {
        primary: { provider: 'openai', model: 'gpt-4o-mini', baseURL: primary.baseURL, apiKey: 'sk-primary-0123456789abcdef' },
        secondary: { provider: 'openai', model: 'gpt-4o-mini', baseURL: secondary.baseURL, apiKey: 'sk-secondary-0123456789abcdef' },
      },
      routes: { answer: { chain: ['primary', 'secondary'], initialBackoffMs: 1, maxBackoffMs: 2 } },
      onEvent: (event) => {
        if (event.type === 'attempt-start') listenersDuringAttempts.add(getEventListeners(signal, 'abort').length)
      },
    })

    const servedBy = new Set<string>()
    for (let call = 0; call < 2_000; call += 1) {
      servedBy.add((await llm.chat({ route: 'answer', messages, signal })).servedBy)
      expect(getEventListeners(signal, 'abort')).toHaveLength(0)
    }
    for (let call = 0; call < 100; call += 1) {
      for await (const part of llm.stream({ route: 'answer', messages, signal })) if (part.type === 'end') servedBy.add(part.servedBy)
      expect(getEventListeners(signal, 'abort')).toHaveLength(0)
    }
    expect([...servedBy].sort()).toEqual(['primary', 'secondary'])
    // While a call runs its deadline follows the signal with exactly one listener, removed when it ends.
    expect([...listenersDuringAttempts]).toEqual([1])
    expect(warnings).toEqual([])
    // Every per-call timer (attempt timers, backoff waits, the SDK's own) was cleared, a closed
    // breaker keeps none (its rolling window rolls from the clock), and the deadlines of all
    // 2,100 calls shared the client's one deadline timer...
    expect({ client: await timers.live('client'), breaker: await timers.live('breaker'), sdk: await timers.live('sdk') }).toEqual({ client: 0, breaker: 0, sdk: 0 })
    expect(await timers.live('clock')).toBeLessThanOrEqual(1)
    // ...which close() stops.
    llm.close()
    expect({ client: await timers.live('client'), clock: await timers.live('clock'), breaker: await timers.live('breaker'), sdk: await timers.live('sdk') }).toEqual({ client: 0, clock: 0, breaker: 0, sdk: 0 })
  }, 60_000) // 2,100 calls with an async hook on every timer: ~8 s idle, over 20 s on a loaded 2-core machine
})

describe('an open breaker', () => {
  it('holds one timer until it goes half-open, and close() stops it', async () => {
    const timers = trackTimers()
    const down = await startScriptedServer(respondWith(500, serverErrorBody, jsonHeaders))
    const events: string[] = []
    const llm = createLlmClient({
      targets: { down: { provider: 'openai', model: 'gpt-4o-mini', baseURL: down.baseURL, apiKey: 'sk-down-0123456789abcdef' } },
      routes: { answer: { chain: ['down'], maxRetriesPerTarget: 0 } },
      breaker: { volumeThreshold: 1, resetTimeoutMs: 60_000 },
      onEvent: (event) => events.push(event.type),
    })
    await expect(llm.chat({ route: 'answer', messages })).rejects.toMatchObject({ code: 'all_failed' })
    expect(events).toContain('breaker-open')
    expect(await timers.live('breaker')).toBe(1)
    llm.close()
    expect(await timers.live('breaker')).toBe(0)
    expect(events).not.toContain('breaker-half-open')
  })
})
