import { describe, expect, it } from 'vitest'
import { parseDurationText, parseRetryAfter } from './parse-retry-after.ts'

describe('parseRetryAfter', () => {
  it('reads retry-after-ms first, then x-ms-retry-after-ms, then retry-after', () => {
    expect(parseRetryAfter({ 'retry-after-ms': '1500', 'x-ms-retry-after-ms': '9', 'retry-after': '7' })).toBe(1500)
    expect(parseRetryAfter({ 'x-ms-retry-after-ms': '250.4', 'retry-after': '7' })).toBe(250)
    expect(parseRetryAfter({ 'retry-after': '7' })).toBe(7000)
    expect(parseRetryAfter({ 'retry-after': '0.5' })).toBe(500)
  })

  it('reads retry-after as an HTTP date relative to now, never negative', () => {
    const nowMs = Date.parse('Sun, 22 Nov 2026 10:00:00 GMT')
    expect(parseRetryAfter({ 'retry-after': 'Sun, 22 Nov 2026 10:00:03 GMT' }, nowMs)).toBe(3000)
    expect(parseRetryAfter({ 'retry-after': 'Sun, 22 Nov 2026 09:59:00 GMT' }, nowMs)).toBe(0)
  })

  it('skips malformed values and falls through to the next header', () => {
    expect(parseRetryAfter({ 'retry-after-ms': 'soon', 'retry-after': '2' })).toBe(2000)
    expect(parseRetryAfter({ 'retry-after': '-3' })).toBeUndefined()
    expect(parseRetryAfter({ 'retry-after': 'later' })).toBeUndefined()
    expect(parseRetryAfter({})).toBeUndefined()
  })

  it('uses the x-ratelimit-reset header of the exhausted budget, else the longer one', () => {
    const reset = { 'x-ratelimit-reset-requests': '1s', 'x-ratelimit-reset-tokens': '6m0s' }
    expect(parseRetryAfter({ ...reset, 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-remaining-tokens': '900' })).toBe(1000)
    expect(parseRetryAfter({ ...reset, 'x-ratelimit-remaining-requests': '12', 'x-ratelimit-remaining-tokens': '0' })).toBe(360_000)
    expect(parseRetryAfter(reset)).toBe(360_000)
    expect(parseRetryAfter({ 'x-ratelimit-reset-tokens': '20ms' })).toBe(20)
  })
})

describe('parseDurationText', () => {
  it('parses the Go-style durations OpenAI sends', () => {
    expect(parseDurationText('1s')).toBe(1000)
    expect(parseDurationText('6m0s')).toBe(360_000)
    expect(parseDurationText('20ms')).toBe(20)
    expect(parseDurationText('1h2m3.5s')).toBe(3_723_500)
    expect(parseDurationText('2m')).toBe(120_000)
    expect(parseDurationText('3')).toBe(3000)
  })

  it('rejects text that is not a duration', () => {
    expect(parseDurationText('')).toBeUndefined()
    expect(parseDurationText('soon')).toBeUndefined()
    expect(parseDurationText('5x')).toBeUndefined()
    expect(parseDurationText(undefined)).toBeUndefined()
  })
})
