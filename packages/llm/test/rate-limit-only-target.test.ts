import { describe, expect, it, onTestFinished } from 'vitest'
import { createLlmClient, LlmError, type LlmChatResult } from '@voxguard/llm'
import { createEventLog } from './support/event-log.ts'
import { completionJson, jsonHeaders, rateLimitBody, testApiKey } from './support/openai-wire.ts'
import { respondWith, startScriptedServer } from './support/start-scripted-server.ts'

const messages = [{ role: 'user' as const, content: 'When do you open?' }]

describe('a 429 on the only target (breaker policy for rate limits)', () => {
  it('never opens the breaker: callers arriving during the Retry-After wait it out and are served', async () => {
    let served = 0
    const server = await startScriptedServer((request, response) => {
      served += 1
      if (served === 1) return respondWith(429, rateLimitBody, { ...jsonHeaders, 'retry-after-ms': '150' })(request, response)
      return respondWith(200, completionJson('We open at 9.'), jsonHeaders)(request, response)
    })
    const log = createEventLog()
    const llm = createLlmClient({
      targets: { only: { provider: 'openai', model: 'gpt-4o-mini', baseURL: server.baseURL, apiKey: testApiKey } },
      routes: { answer: { chain: ['only'], maxRetriesPerTarget: 0 } },
      // The most trigger-happy breaker: one failure in the window would open it.
      breaker: { volumeThreshold: 1, errorThresholdPercentage: 1 },
      onEvent: log.listener,
    })
    onTestFinished(() => llm.close())
    const first = await llm.chat({ route: 'answer', messages }).catch((caught: unknown) => caught)
    expect(LlmError.isInstance(first) && [first.code, first.status, first.attempts[0]?.errorCode]).toEqual(['all_failed', 429, 'rate_limited'])
    // Twenty callers arrive while the target cools down: every one is served after the wait.
    const started = performance.now()
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => llm.chat({ route: 'answer', messages })))
    const failures = results.flatMap((result) => (result.status === 'rejected' ? [String((result.reason as Error).message)] : []))
    expect(failures).toEqual([])
    const answered = results.map((result) => (result as PromiseFulfilledResult<LlmChatResult>).value)
    expect(answered.every((result) => result.servedBy === 'only' && result.attempts.length === 1)).toBe(true)
    expect(performance.now() - started).toBeGreaterThanOrEqual(100)
    expect(log.of('breaker-open')).toEqual([])
    expect(log.of('cooldown-start', 'only')).toHaveLength(1)
    expect(llm.targetStats()[0]).toMatchObject({ breakerState: 'closed', requests: 21, successes: 20 })
  })
})
