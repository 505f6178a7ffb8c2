import { Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { RunReport } from '../build-run-report.ts'
import { LATENCY_METRICS } from '../call-latencies.ts'
import { LATENCY_BUCKETS_SECONDS } from '../latency-histogram.ts'
import { isRatioSliName, RATIO_SLIS } from '../sli-definitions.ts'

/** Label names of every per-call metric (never a call id: one series per script, protocol, language). */
export const SERIES_LABELS = ['script', 'protocol', 'language'] as const

/** The Prometheus metric names voxguard exports (alert rules and the dashboard use these). */
export const METRIC_NAMES = {
  calls: 'voxguard_calls_total',
  failedCalls: 'voxguard_failed_calls_total',
  failureReasons: 'voxguard_call_failure_reasons_total',
  judgedTurns: 'voxguard_judged_turns_total',
  hallucinatedTurns: 'voxguard_hallucinated_turns_total',
  hallucinatedCalls: 'voxguard_hallucinated_calls_total',
  fallbackCalls: 'voxguard_fallback_calls_total',
  fallbacks: 'voxguard_llm_fallbacks_total',
  turnFirstByte: 'voxguard_turn_first_byte_seconds',
  turnComplete: 'voxguard_turn_complete_seconds',
  firstAudio: 'voxguard_first_audio_seconds',
  lastRunTimestamp: 'voxguard_last_run_timestamp_seconds',
  lastRunSliRatio: 'voxguard_last_run_sli_ratio',
  objective: 'voxguard_slo_objective_ratio',
  latencyThreshold: 'voxguard_slo_latency_threshold_seconds',
  budgetRemaining: 'voxguard_slo_error_budget_remaining_ratio',
  burnRate: 'voxguard_slo_burn_rate',
  met: 'voxguard_slo_met',
} as const

const HISTOGRAM_NAMES = { turn_first_byte: METRIC_NAMES.turnFirstByte, turn_complete: METRIC_NAMES.turnComplete, first_audio: METRIC_NAMES.firstAudio } as const

/**
 * A prom-client registry holding a run's metrics. Counters and histograms count every run in
 * the history up to this one (so `rate()`/`increase()` work across pushes of a batch job);
 * gauges describe the last run and the objectives. Names follow Prometheus conventions: base
 * units (`_seconds`), `_total` only on counters, one unit per metric.
 *
 * @example
 * const text = await createPrometheusRegistry(report).metrics()
 */
export function createPrometheusRegistry(report: RunReport): Registry {
  const registry = new Registry()
  const labelNames = [...SERIES_LABELS]
  const counter = (name: string, help: string, extra: string[] = []) => new Counter({ name, help, labelNames: [...labelNames, ...extra], registers: [registry] })
  const calls = counter(METRIC_NAMES.calls, 'Calls judged, by outcome (pass or fail), over every run in the history.', ['outcome'])
  const failed = counter(METRIC_NAMES.failedCalls, 'Failed calls by factor (system or dialogue); a call failed for both counts under each.', ['factor'])
  const reasons = counter(METRIC_NAMES.failureReasons, 'Failed calls by factor and reason code (a call counts once per code).', ['factor', 'reason'])
  const judged = counter(METRIC_NAMES.judgedTurns, 'Agent turns whose content the judge checked.')
  const hallucinatedTurns = counter(METRIC_NAMES.hallucinatedTurns, 'Agent turns with a contradicted or unsupported claim.')
  const hallucinatedCalls = counter(METRIC_NAMES.hallucinatedCalls, 'Calls with at least one hallucinated turn.')
  const fallbackCalls = counter(METRIC_NAMES.fallbackCalls, 'Calls in which the agent reported an LLM fallback.')
  const fallbacks = counter(METRIC_NAMES.fallbacks, 'LLM fallbacks by the target that served instead (llm.fallback "to").', ['target'])
  const histograms = Object.fromEntries(
    LATENCY_METRICS.map((metric) => [metric, new Histogram({ name: HISTOGRAM_NAMES[metric], help: `Turn latency in seconds: ${metric.replace(/_/g, ' ')}.`, labelNames, buckets: [...LATENCY_BUCKETS_SECONDS], registers: [registry] })]),
  )
  for (const series of report.cumulative) {
    const labels = { script: series.script, protocol: series.protocol, language: series.language }
    calls.inc({ ...labels, outcome: 'pass' }, series.counts.passed)
    calls.inc({ ...labels, outcome: 'fail' }, series.counts.failed)
    failed.inc({ ...labels, factor: 'system' }, series.counts.failedFor.system)
    failed.inc({ ...labels, factor: 'dialogue' }, series.counts.failedFor.dialogue)
    for (const [key, count] of Object.entries(series.counts.failuresByReason)) {
      const [factor, reason] = key.split(':') as [string, string]
      reasons.inc({ ...labels, factor, reason }, count)
    }
    judged.inc(labels, series.counts.turnsJudged)
    hallucinatedTurns.inc(labels, series.counts.hallucinatedTurns)
    hallucinatedCalls.inc(labels, series.counts.hallucinatedCalls)
    fallbackCalls.inc(labels, series.counts.fallbackCalls)
    for (const [target, count] of Object.entries(series.counts.fallbackServedBy)) fallbacks.inc({ ...labels, target }, count)
    for (const metric of LATENCY_METRICS) {
      const histogram = series.histograms[metric]
      if (histogram.counts.every((count) => count === 0)) continue
      // prom-client takes observations, not bucket counts: each bucket's mean, as often as the
      // bucket holds values, gives the exact bucket counts and the exact sum.
      histogram.counts.forEach((count, index) => {
        for (let observed = 0; observed < count; observed += 1) histograms[metric]!.observe(labels, histogram.sumsSeconds[index]! / count)
      })
    }
  }
  const gauge = (name: string, help: string, extra: string[] = []) => new Gauge({ name, help, labelNames: extra, registers: [registry] })
  gauge(METRIC_NAMES.lastRunTimestamp, 'When the last run ended (Unix seconds).').set(Date.parse(report.run.endedAt) / 1000)
  const lastRun = gauge(METRIC_NAMES.lastRunSliRatio, 'Ratio SLIs of the last run (absent without data).', ['sli'])
  for (const [name, value] of Object.entries(report.slis.overall.ratios)) if (value !== null) lastRun.set({ sli: name }, value)
  const objective = gauge(METRIC_NAMES.objective, 'Objective as the share of good events it requires (atLeast; 1 - atMost for a bad-event ratio; p/100 for a latency percentile).', ['slo'])
  const threshold = gauge(METRIC_NAMES.latencyThreshold, 'Latency objectives: the threshold a turn must stay within.', ['slo'])
  const remaining = gauge(METRIC_NAMES.budgetRemaining, 'Error budget left over the SLO window (1 = untouched, 0 = spent, negative = overspent).', ['slo'])
  const burn = gauge(METRIC_NAMES.burnRate, 'Bad-event ratio / allowed bad ratio: over the last run (window="run") and over the SLO window (window="slo").', ['slo', 'window'])
  const met = gauge(METRIC_NAMES.met, '1 when the last run met the objective, 0 when it broke it or had no data to measure it.', ['slo'])
  for (const result of report.objectives) {
    const slo = result.name
    objective.set({ slo }, isRatioSliName(slo) && RATIO_SLIS[slo].better === 'higher' ? result.target : 1 - result.allowedBadRatio)
    if (result.latency) threshold.set({ slo }, result.latency.thresholdMs / 1000)
    if (result.budget?.remainingRatio !== null && result.budget?.remainingRatio !== undefined) remaining.set({ slo }, result.budget.remainingRatio)
    if (result.burnRate !== null) burn.set({ slo, window: 'run' }, result.burnRate)
    if (result.budget?.burnRate !== null && result.budget?.burnRate !== undefined) burn.set({ slo, window: 'slo' }, result.budget.burnRate)
    met.set({ slo }, result.status === 'met' ? 1 : 0)
  }
  return registry
}

/** The Prometheus text exposition of a run (metrics.prom, for a textfile collector or a Pushgateway). */
export async function renderPrometheus(report: RunReport): Promise<string> {
  return createPrometheusRegistry(report).metrics()
}
