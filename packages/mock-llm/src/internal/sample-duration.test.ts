import { describe, expect, it } from 'vitest'
import { sampleDuration, type DurationDistribution } from './sample-duration.ts'
import { createSeededRandom } from './seeded-random.ts'

const draws = (distribution: DurationDistribution, count = 4000, seed = 5) => {
  const random = createSeededRandom(seed)
  return Array.from({ length: count }, () => sampleDuration(distribution, random))
}
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
const median = (values: number[]) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)]!

describe('sampleDuration', () => {
  it('a bare number and kind fixed are that many ms, rounded, never negative', () => {
    expect(draws(12.4, 3)).toEqual([12, 12, 12])
    expect(draws({ kind: 'fixed', ms: 80, maxMs: 50 }, 2)).toEqual([50, 50])
    expect(draws(-3, 1)).toEqual([0])
  })

  it('uniform stays within [minMs, maxMs] with the mean in the middle', () => {
    const values = draws({ kind: 'uniform', minMs: 100, maxMs: 300 })
    expect(Math.min(...values)).toBeGreaterThanOrEqual(100)
    expect(Math.max(...values)).toBeLessThanOrEqual(300)
    // Standard error of the mean: 57.7 / √4000 ≈ 0.9 ms; 4 ms is over 4 of them.
    expect(Math.abs(mean(values) - 200)).toBeLessThan(4)
  })

  it('normal has the set mean and standard deviation, clamped at 0 and maxMs', () => {
    const values = draws({ kind: 'normal', meanMs: 500, stdDevMs: 50 })
    const average = mean(values)
    const deviation = Math.sqrt(mean(values.map((value) => (value - average) ** 2)))
    expect(Math.abs(average - 500)).toBeLessThan(4) // standard error ≈ 0.8 ms
    expect(Math.abs(deviation - 50)).toBeLessThan(3)
    expect(Math.max(...draws({ kind: 'normal', meanMs: 500, stdDevMs: 50, maxMs: 520 }))).toBe(520)
    expect(Math.min(...draws({ kind: 'normal', meanMs: 10, stdDevMs: 50 }))).toBe(0)
  })

  it('lognormal has the set median, a long right tail and the maxMs cap', () => {
    const values = draws({ kind: 'lognormal', medianMs: 900, sigma: 0.5 })
    expect(Math.abs(median(values) - 900) / 900).toBeLessThan(0.05)
    expect(mean(values)).toBeGreaterThan(median(values)) // e^(σ²/2) ≈ 1.13 × the median
    expect(Math.max(...draws({ kind: 'lognormal', medianMs: 900, sigma: 0.5, maxMs: 2000 }))).toBe(2000)
  })

  it('the same seed gives the same durations', () => {
    const distribution = { kind: 'lognormal', medianMs: 300, sigma: 1 } as const
    expect(draws(distribution, 50, 9)).toEqual(draws(distribution, 50, 9))
    expect(draws(distribution, 50, 9)).not.toEqual(draws(distribution, 50, 10))
  })
})
