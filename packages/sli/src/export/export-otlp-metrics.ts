import { ExportResultCode } from '@opentelemetry/core'
import { AggregationTemporalityPreference, OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http'
import { resourceFromAttributes } from '@opentelemetry/resources'
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics'
import type { RunReport } from '../build-run-report.ts'
import { callLanguage } from '../compute-slis.ts'
import { callLatenciesMs, LATENCY_METRICS } from '../call-latencies.ts'
import { metricSeries } from '../history/metric-series.ts'
import { LATENCY_BUCKETS_SECONDS } from '../latency-histogram.ts'
import { SliError } from '../sli-error.ts'

export interface ExportOtlpMetricsOptions {
  /** The OTLP/HTTP metrics endpoint, e.g. `http://collector:4318/v1/metrics` (Datadog Agent, New Relic: see README). Required. */
  url: string
  /** HTTP headers, e.g. `{ 'api-key': key }` for New Relic. Default none. */
  headers?: Record<string, string>
  /** Resource attributes added to `service.name: voxguard`. Default none. */
  resourceAttributes?: Record<string, string>
  /** `delta` (default: each run's own counts, what Datadog and New Relic prefer) or `cumulative`. */
  temporality?: 'delta' | 'cumulative'
  /** Abandon the export after this many ms. Default 10000. */
  timeoutMs?: number
}

/** Collects once when asked (a batch run has no export interval). */
class OneShotReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

/** OTLP instrument names (dotted, OpenTelemetry style) and their units. */
export const OTLP_METRICS = {
  calls: { name: 'voxguard.calls', unit: '{call}' },
  failedCalls: { name: 'voxguard.calls.failed', unit: '{call}' },
  failureReasons: { name: 'voxguard.calls.failure_reasons', unit: '{call}' },
  judgedTurns: { name: 'voxguard.turns.judged', unit: '{turn}' },
  hallucinatedTurns: { name: 'voxguard.turns.hallucinated', unit: '{turn}' },
  fallbacks: { name: 'voxguard.llm.fallbacks', unit: '{fallback}' },
  turn_first_byte: { name: 'voxguard.turn.first_byte.duration', unit: 's' },
  turn_complete: { name: 'voxguard.turn.complete.duration', unit: 's' },
  first_audio: { name: 'voxguard.turn.first_audio.duration', unit: 's' },
  budgetRemaining: { name: 'voxguard.slo.error_budget.remaining', unit: '1' },
  burnRate: { name: 'voxguard.slo.burn_rate', unit: '1' },
  sli: { name: 'voxguard.run.sli', unit: '1' },
} as const

/**
 * Sends a run's metrics over OTLP/HTTP (JSON encoding) with the official exporter: counters
 * and histograms of this run's calls (same labels as Prometheus, no call ids) and gauges of
 * the ratio SLIs and the objectives' error budgets and burn rates.
 *
 * @example
 * await exportOtlpMetrics(report, { url: 'http://127.0.0.1:4318/v1/metrics' })
 */
export async function exportOtlpMetrics(report: RunReport, options: ExportOtlpMetricsOptions): Promise<void> {
  try {
    new URL(options.url)
  } catch (error) {
    throw new SliError('option_invalid', `exportOtlpMetrics option url: not a URL ("${options.url}")`, { cause: error, option: 'url' })
  }
  const exporter = new OTLPMetricExporter({
    url: options.url,
    ...(options.headers ? { headers: options.headers } : {}),
    temporalityPreference: options.temporality === 'cumulative' ? AggregationTemporalityPreference.CUMULATIVE : AggregationTemporalityPreference.DELTA,
    timeoutMillis: options.timeoutMs ?? 10_000,
  })
  const reader = new OneShotReader({ aggregationTemporalitySelector: (type) => exporter.selectAggregationTemporality(type) })
  const provider = new MeterProvider({ resource: resourceFromAttributes({ 'service.name': 'voxguard', 'voxguard.run.id': report.run.runId, ...options.resourceAttributes }), readers: [reader] })
  try {
    const meter = provider.getMeter('@voxguard/sli')
    const counter = (key: keyof typeof OTLP_METRICS, description: string) => meter.createCounter(OTLP_METRICS[key].name, { unit: OTLP_METRICS[key].unit, description })
    const calls = counter('calls', 'Calls judged, by outcome')
    const failed = counter('failedCalls', 'Failed calls by factor; a call failed for both counts under each')
    const reasons = counter('failureReasons', 'Failed calls by factor and reason code')
    const judged = counter('judgedTurns', 'Agent turns judged')
    const hallucinated = counter('hallucinatedTurns', 'Agent turns with a contradicted or unsupported claim')
    const fallbacks = counter('fallbacks', 'LLM fallbacks by the target that served instead')
    for (const series of metricSeries(report.calls)) {
      const labels = { script: series.script, protocol: series.protocol, language: series.language }
      calls.add(series.counts.passed, { ...labels, outcome: 'pass' })
      calls.add(series.counts.failed, { ...labels, outcome: 'fail' })
      failed.add(series.counts.failedFor.system, { ...labels, factor: 'system' })
      failed.add(series.counts.failedFor.dialogue, { ...labels, factor: 'dialogue' })
      for (const [key, count] of Object.entries(series.counts.failuresByReason)) {
        const [factor, reason] = key.split(':') as [string, string]
        reasons.add(count, { ...labels, factor, reason })
      }
      judged.add(series.counts.turnsJudged, labels)
      hallucinated.add(series.counts.hallucinatedTurns, labels)
      for (const [target, count] of Object.entries(series.counts.fallbackServedBy)) fallbacks.add(count, { ...labels, target })
    }
    for (const metric of LATENCY_METRICS) {
      const histogram = meter.createHistogram(OTLP_METRICS[metric].name, { unit: 's', description: `Turn latency: ${metric.replace(/_/g, ' ')}`, advice: { explicitBucketBoundaries: [...LATENCY_BUCKETS_SECONDS] } })
      for (const { record, verdict } of report.calls) {
        const labels = { script: record.scriptId, protocol: record.protocol, language: callLanguage({ record, verdict }) }
        for (const valueMs of callLatenciesMs(record, metric)) histogram.record(valueMs / 1000, labels)
      }
    }
    const sli = meter.createGauge(OTLP_METRICS.sli.name, { unit: '1', description: 'Ratio SLIs of this run' })
    for (const [name, value] of Object.entries(report.slis.overall.ratios)) if (value !== null) sli.record(value, { sli: name })
    const remaining = meter.createGauge(OTLP_METRICS.budgetRemaining.name, { unit: '1', description: 'Error budget left over the SLO window' })
    const burn = meter.createGauge(OTLP_METRICS.burnRate.name, { unit: '1', description: 'Bad-event ratio / allowed bad ratio' })
    for (const result of report.objectives) {
      if (result.budget?.remainingRatio != null) remaining.record(result.budget.remainingRatio, { slo: result.name })
      if (result.burnRate !== null) burn.record(result.burnRate, { slo: result.name, window: 'run' })
      if (result.budget?.burnRate != null) burn.record(result.budget.burnRate, { slo: result.name, window: 'slo' })
    }
    const { resourceMetrics } = await reader.collect()
    const result = await new Promise<{ code: ExportResultCode; error?: Error }>((resolve) => exporter.export(resourceMetrics, resolve))
    if (result.code !== ExportResultCode.SUCCESS) {
      throw new SliError('export_failed', `OTLP endpoint ${options.url} did not take the metrics: ${result.error?.message ?? 'export failed'}`, { cause: result.error })
    }
  } finally {
    await provider.shutdown()
    await exporter.shutdown()
  }
}
