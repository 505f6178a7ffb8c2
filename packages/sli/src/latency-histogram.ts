/**
 * Upper bounds (seconds) of every latency histogram voxguard exports: Prometheus, OTLP and
 * the HTML report use these same buckets, and a latency objective's threshold must be one of
 * them so the generated alert rules can count the turns over it (`le` bucket).
 */
export const LATENCY_BUCKETS_SECONDS: readonly number[] = [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 10, 15, 30]

/**
 * Observations per bucket (not cumulative; the last entry is the +Inf bucket) with the sum of
 * the values in each bucket, so histograms of many runs add up exactly.
 */
export interface LatencyHistogram {
  /** `counts[i]` values fall in (bounds[i-1], bounds[i]]; `counts[bounds.length]` are above the last bound. */
  counts: number[]
  /** Sum of the values (seconds) in each bucket, same indices as `counts`. */
  sumsSeconds: number[]
}

/** An empty histogram over `LATENCY_BUCKETS_SECONDS`. */
export function emptyHistogram(): LatencyHistogram {
  return { counts: Array<number>(LATENCY_BUCKETS_SECONDS.length + 1).fill(0), sumsSeconds: Array<number>(LATENCY_BUCKETS_SECONDS.length + 1).fill(0) }
}

/** Adds one value in milliseconds. */
export function observeMs(histogram: LatencyHistogram, valueMs: number): void {
  const seconds = valueMs / 1000
  let index = LATENCY_BUCKETS_SECONDS.findIndex((bound) => seconds <= bound)
  if (index === -1) index = LATENCY_BUCKETS_SECONDS.length
  histogram.counts[index]! += 1
  histogram.sumsSeconds[index]! += seconds
}

/** Adds `source` into `target` (same buckets). */
export function addHistogram(target: LatencyHistogram, source: LatencyHistogram): void {
  source.counts.forEach((count, index) => {
    target.counts[index]! += count
    target.sumsSeconds[index]! += source.sumsSeconds[index]!
  })
}

/** Number of observations. */
export function histogramCount(histogram: LatencyHistogram): number {
  return histogram.counts.reduce((sum, count) => sum + count, 0)
}
