import { describe, expect, it } from 'vitest'
import { estimateTokens, RateLimitBudget } from './rate-limit-budget.ts'

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
    expect(budget.reserve(100)).toEqual({ noRoom: 'provider reported 0 requests remaining for the next 1500 ms', retryInMs: 1500 })
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

describe('RateLimitBudget window', () => {
  it('counts settled tokens, forgets expired requests, and stays exact across thousands of requests', () => {
    const { budget, clock } = budgetAt({ requestsPerMinute: 3_000, tokensPerMinute: 1_000_000 })
    for (let request = 0; request < 3_000; request += 1) {
      const reservation = budget.reserve(300)
      if (!('settle' in reservation)) throw new Error(`request ${request} found no room: ${reservation.noRoom}`)
      reservation.settle(100)
    }
    expect(budget.reserve(1)).toEqual({ noRoom: 'requestsPerMinute 3000 used' })
    clock.nowMs += 60_000
    // Every earlier request left the window: the full budget is back.
    const big = budget.reserve(999_999)
    if (!('settle' in big)) throw new Error('expected room after the minute')
    expect(budget.reserve(2)).toEqual({ noRoom: 'tokensPerMinute 1000000 would be exceeded (999999 used, ~2 needed)' })
    big.settle(10)
    expect('settle' in budget.reserve(2)).toBe(true)
  })

  it('a reservation settled or cancelled after it left the window changes nothing', () => {
    const { budget, clock } = budgetAt({ tokensPerMinute: 1_000 })
    const old = budget.reserve(600)
    if (!('settle' in old)) throw new Error('expected room')
    clock.nowMs += 60_000
    const current = budget.reserve(900)
    if (!('settle' in current)) throw new Error('expected room')
    old.settle(5_000)
    old.cancel()
    expect(budget.reserve(101)).toEqual({ noRoom: 'tokensPerMinute 1000 would be exceeded (900 used, ~101 needed)' })
  })
})

describe('estimateTokens', () => {
  it('estimates ~4 characters per token plus the output allowance (256 by default)', () => {
    expect(estimateTokens(['When do you open on Monday?'], undefined)).toBe(7 + 256)
    expect(estimateTokens(['abcd', 'efgh'], 20)).toBe(2 + 20)
  })
})
