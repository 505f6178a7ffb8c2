import { describe, expect, it } from 'vitest'
import { estimateTokens, parseResetDuration, RateLimitBudget } from './rate-limit-budget.ts'

function budgetAt(options: ConstructorParameters<typeof RateLimitBudget>[0] = {}) {
  const clock = { nowMs: 1_000 }
  return { budget: new RateLimitBudget(options, () => clock.nowMs), clock }
}

describe('RateLimitBudget', () => {
  it('holds what x-ratelimit-remaining-* said until the reset, counting requests sent meanwhile', () => {
    const { budget, clock } = budgetAt()
    budget.learn({ 'x-ratelimit-remaining-requests': '2', 'x-ratelimit-reset-requests': '1.5s', 'x-ratelimit-remaining-tokens': '5000', 'x-ratelimit-reset-tokens': '20ms' })
    expect('settle' in budget.reserve(100)).toBe(true)
    expect('settle' in budget.reserve(100)).toBe(true)
    expect(budget.reserve(100)).toEqual({ noRoom: 'provider reported 0 requests remaining for the next 1500 ms' })
    clock.nowMs += 1_500
    expect('settle' in budget.reserve(100)).toBe(true)
  })

  it('a cancelled reservation gives its request and tokens back', () => {
    const { budget } = budgetAt({ tokensPerMinute: 300 })
    budget.learn({ 'x-ratelimit-remaining-requests': '1', 'x-ratelimit-reset-requests': '10s' })
    const reservation = budget.reserve(250)
    if (!('cancel' in reservation)) throw new Error('expected room')
    expect('noRoom' in budget.reserve(10)).toBe(true)
    reservation.cancel()
    expect('settle' in budget.reserve(250)).toBe(true)
  })

  it('uses 1 s when the provider sends no reset (Azure), and ignores unreadable counts', () => {
    const { budget, clock } = budgetAt()
    budget.learn({ 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-remaining-requests': 'soon' })
    expect(budget.reserve(1)).toEqual({ noRoom: 'provider reported 0 tokens remaining (~1 needed) for the next 1000 ms' })
    clock.nowMs += 1_000
    expect('settle' in budget.reserve(1)).toBe(true)
  })

  it('forgets config usage after a sliding minute', () => {
    const { budget, clock } = budgetAt({ requestsPerMinute: 1 })
    expect('settle' in budget.reserve(1)).toBe(true)
    clock.nowMs += 59_999
    expect(budget.reserve(1)).toEqual({ noRoom: 'requestsPerMinute 1 used' })
    clock.nowMs += 2
    expect('settle' in budget.reserve(1)).toBe(true)
  })
})

describe('parseResetDuration and estimateTokens', () => {
  it.each([
    ['2s', 2_000],
    ['6m0s', 360_000],
    ['20ms', 20],
    ['1h2m3.5s', 3_723_500],
    ['7', 7_000],
    ['soon', undefined],
    [undefined, undefined],
  ])('%s → %s ms', (text, expected) => {
    expect(parseResetDuration(text)).toBe(expected)
  })

  it('estimates ~4 characters per token plus the output allowance (256 by default)', () => {
    expect(estimateTokens(['When do you open on Monday?'], undefined)).toBe(7 + 256)
    expect(estimateTokens(['abcd', 'efgh'], 20)).toBe(2 + 20)
  })
})
