import { LATENCY_METRICS, type LatencyMetric } from '../call-latencies.ts'
import { callLanguage, countCalls, latencyStats, type SliCounts } from '../compute-slis.ts'
import type { JudgedCall } from '../join-calls.ts'
import { addHistogram, emptyHistogram, type LatencyHistogram } from '../latency-histogram.ts'

/**
 * Counts of one label set (script, protocol, language): what the Prometheus counters and
 * histograms and the OTLP sums export. Counts add up across runs.
 */
export interface MetricSeries {
  script: string
  protocol: string
  language: string
  counts: SliCounts
  histograms: Record<LatencyMetric, LatencyHistogram>
}

const keyOf = (series: { script: string; protocol: string; language: string }) => `${series.script}\u0000${series.protocol}\u0000${series.language}`

/** One series per (script, protocol, language) of the calls, sorted by those labels. */
export function metricSeries(calls: readonly JudgedCall[]): MetricSeries[] {
  const groups = new Map<string, { labels: { script: string; protocol: string; language: string }; calls: JudgedCall[] }>()
  for (const call of calls) {
    const labels = { script: call.record.scriptId, protocol: call.record.protocol, language: callLanguage(call) }
    const key = keyOf(labels)
    const group = groups.get(key) ?? { labels, calls: [] }
    group.calls.push(call)
    groups.set(key, group)
  }
  return [...groups.keys()].sort().map((key) => {
    const { labels, calls: groupCalls } = groups.get(key)!
    const histograms = {} as Record<LatencyMetric, LatencyHistogram>
    for (const metric of LATENCY_METRICS) histograms[metric] = latencyStats(groupCalls, metric).histogram
    return { ...labels, counts: countCalls(groupCalls), histograms }
  })
}

function addRecord(target: Record<string, number>, source: Record<string, number>): void {
  for (const [key, value] of Object.entries(source)) target[key] = (target[key] ?? 0) + value
}

/** Sums series of many runs by label set (for counters that only go up across runs). */
export function sumMetricSeries(runs: ReadonlyArray<readonly MetricSeries[]>): MetricSeries[] {
  const sums = new Map<string, MetricSeries>()
  for (const series of runs.flat()) {
    const key = keyOf(series)
    let sum = sums.get(key)
    if (!sum) {
      sum = { script: series.script, protocol: series.protocol, language: series.language, counts: countCalls([]), histograms: { turn_first_byte: emptyHistogram(), turn_complete: emptyHistogram(), first_audio: emptyHistogram() } }
      sums.set(key, sum)
    }
    const { counts } = sum
    counts.calls += series.counts.calls
    counts.passed += series.counts.passed
    counts.failed += series.counts.failed
    counts.failedFor.system += series.counts.failedFor.system
    counts.failedFor.dialogue += series.counts.failedFor.dialogue
    addRecord(counts.failuresByReason, series.counts.failuresByReason)
    counts.turnsJudged += series.counts.turnsJudged
    counts.hallucinatedTurns += series.counts.hallucinatedTurns
    counts.hallucinatedCalls += series.counts.hallucinatedCalls
    counts.fallbackCalls += series.counts.fallbackCalls
    addRecord(counts.fallbackServedBy, series.counts.fallbackServedBy)
    for (const metric of LATENCY_METRICS) addHistogram(sum.histograms[metric], series.histograms[metric])
  }
  return [...sums.keys()].sort().map((key) => sums.get(key)!)
}
