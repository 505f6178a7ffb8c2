import { AGENT_EVENTS } from '@voxguard/harness'
import { callLatenciesMs, LATENCY_METRICS, type LatencyMetric } from './call-latencies.ts'
import type { JudgedCall } from './join-calls.ts'
import { emptyHistogram, observeMs, type LatencyHistogram } from './latency-histogram.ts'
import { percentile } from './percentile.ts'
import { RATIO_SLIS, type RatioSliName } from './sli-definitions.ts'
import type { SliCounts } from './sli-counts.ts'

export type { SliCounts } from './sli-counts.ts'

/** Latency of one metric over a group of calls: a histogram and its percentiles (ms, null without data). */
export interface LatencyStats {
  turns: number
  histogram: LatencyHistogram
  p50Ms: number | null
  p90Ms: number | null
  p95Ms: number | null
  p99Ms: number | null
}

/** SLIs of one group of calls (a run, or the calls of one script, tag, protocol or language). */
export interface SliSet extends SliCounts {
  /** Ratio SLIs (0–1); null when the denominator is 0 (no data). */
  ratios: Record<RatioSliName, number | null>
  latency: Record<LatencyMetric, LatencyStats>
}

/** SLIs overall and per dimension (keys sorted). */
export interface RunSlis {
  overall: SliSet
  byScript: Record<string, SliSet>
  byTag: Record<string, SliSet>
  byProtocol: Record<string, SliSet>
  byLanguage: Record<string, SliSet>
}

/** Language of a call's script; records written before the field existed say `und` (undetermined). */
export function callLanguage(call: JudgedCall): string {
  return call.record.language ?? 'und'
}

/** Counts of a group of calls (see `SliCounts`). */
export function countCalls(calls: readonly JudgedCall[]): SliCounts {
  const counts: SliCounts = { calls: 0, passed: 0, failed: 0, failedFor: { system: 0, dialogue: 0 }, failuresByReason: {}, turnsJudged: 0, hallucinatedTurns: 0, hallucinatedCalls: 0, fallbackCalls: 0, fallbackServedBy: {} }
  for (const { record, verdict } of calls) {
    counts.calls += 1
    if (verdict.outcome === 'pass') counts.passed += 1
    else counts.failed += 1
    if (verdict.factor === 'system' || verdict.factor === 'both') counts.failedFor.system += 1
    if (verdict.factor === 'dialogue' || verdict.factor === 'both') counts.failedFor.dialogue += 1
    if (verdict.outcome === 'fail') {
      for (const key of new Set(verdict.reasons.map((reason) => `${reason.factor}:${reason.code}`))) counts.failuresByReason[key] = (counts.failuresByReason[key] ?? 0) + 1
    }
    counts.turnsJudged += verdict.turnsJudged
    counts.hallucinatedTurns += verdict.hallucinations.length
    if (verdict.hallucinations.length > 0) counts.hallucinatedCalls += 1
    const fallbacks = record.events.filter((event) => event.name === AGENT_EVENTS.llmFallback)
    if (fallbacks.length > 0) counts.fallbackCalls += 1
    for (const event of fallbacks) {
      const target = typeof event.data?.['to'] === 'string' ? event.data['to'] : 'unknown'
      counts.fallbackServedBy[target] = (counts.fallbackServedBy[target] ?? 0) + 1
    }
  }
  counts.failuresByReason = sortKeys(counts.failuresByReason)
  counts.fallbackServedBy = sortKeys(counts.fallbackServedBy)
  return counts
}

/** Latency stats of one metric over a group of calls. */
export function latencyStats(calls: readonly JudgedCall[], metric: LatencyMetric): LatencyStats {
  const values = calls.flatMap((call) => callLatenciesMs(call.record, metric)).sort((left, right) => left - right)
  const histogram = emptyHistogram()
  for (const value of values) observeMs(histogram, value)
  return { turns: values.length, histogram, p50Ms: percentile(values, 0.5), p90Ms: percentile(values, 0.9), p95Ms: percentile(values, 0.95), p99Ms: percentile(values, 0.99) }
}

/**
 * The SLIs of a group of calls. Formulas (also in the README): see `RATIO_SLIS`.
 *
 * @example
 * const slis = computeSliSet(calls)
 * slis.ratios.availability_ratio // calls without a system failure / calls
 */
export function computeSliSet(calls: readonly JudgedCall[]): SliSet {
  const counts = countCalls(calls)
  const ratios = {} as Record<RatioSliName, number | null>
  for (const [name, definition] of Object.entries(RATIO_SLIS) as Array<[RatioSliName, (typeof RATIO_SLIS)[RatioSliName]]>) {
    const { numerator, denominator } = definition.events(counts)
    ratios[name] = denominator === 0 ? null : numerator / denominator
  }
  const latency = {} as Record<LatencyMetric, LatencyStats>
  for (const metric of LATENCY_METRICS) latency[metric] = latencyStats(calls, metric)
  return { ...counts, ratios, latency }
}

function groupBy(calls: readonly JudgedCall[], keysOf: (call: JudgedCall) => string[]): Record<string, SliSet> {
  const groups = new Map<string, JudgedCall[]>()
  for (const call of calls) {
    for (const key of keysOf(call)) groups.set(key, [...(groups.get(key) ?? []), call])
  }
  return Object.fromEntries([...groups.keys()].sort().map((key) => [key, computeSliSet(groups.get(key)!)]))
}

/** SLIs overall and per script, tag (a call counts under each of its tags), protocol and language. */
export function computeRunSlis(calls: readonly JudgedCall[]): RunSlis {
  return {
    overall: computeSliSet(calls),
    byScript: groupBy(calls, (call) => [call.record.scriptId]),
    byTag: groupBy(calls, (call) => [...new Set(call.record.tags)]),
    byProtocol: groupBy(calls, (call) => [call.record.protocol]),
    byLanguage: groupBy(calls, (call) => [callLanguage(call)]),
  }
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)))
}
