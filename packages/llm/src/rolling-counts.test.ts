import { describe, expect, it } from 'vitest'
import { RollingCounts } from './rolling-counts.ts'

describe('RollingCounts', () => {
  it('counts requests and failures of the last window only, bucket by bucket', () => {
    let now = 0
    const counts = new RollingCounts(10_000, () => now)
    for (let request = 0; request < 4; request += 1) counts.addRequest()
    expect(counts.addFailure()).toEqual({ requests: 4, failures: 1 })
    now = 5_500
    counts.addRequest()
    expect(counts.addFailure()).toEqual({ requests: 5, failures: 2 })
    // The first bucket (0–1 s) leaves the window once the clock enters the 11th bucket (10–11 s).
    now = 9_999
    expect(counts.totals()).toEqual({ requests: 5, failures: 2 })
    now = 10_000
    expect(counts.totals()).toEqual({ requests: 1, failures: 1 })
    now = 16_000
    expect(counts.totals()).toEqual({ requests: 0, failures: 0 })
  })

  it('reuses a bucket slot for a later period without carrying its old counts', () => {
    let now = 0
    const counts = new RollingCounts(1_000, () => now)
    counts.addRequest()
    counts.addFailure()
    now = 1_000 // same slot (bucket 10 of 100 ms each), a new period
    counts.addRequest()
    expect(counts.totals()).toEqual({ requests: 1, failures: 0 })
  })
})
