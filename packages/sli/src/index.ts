// @voxguard/sli: SLIs and SLOs of voice-agent calls, error budgets across runs, exporters and reports.

// Input: records + verdicts joined by call id
export { joinCalls } from './join-calls.ts'
export type { JudgedCall, Orphans } from './join-calls.ts'
export { loadRunDirectory } from './load-run-directory.ts'
export type { RunDirectory } from './load-run-directory.ts'
export { readRunManifest, writeRunManifest, RUN_MANIFEST_SCHEMA } from './run-manifest.ts'
export type { RunManifest } from './run-manifest.ts'
export { currentGitCommit } from './current-git-commit.ts'

// SLIs
export { percentile } from './percentile.ts'
export { callLatenciesMs, LATENCY_METRICS } from './call-latencies.ts'
export type { LatencyMetric } from './call-latencies.ts'
export { LATENCY_BUCKETS_SECONDS } from './latency-histogram.ts'
export type { LatencyHistogram } from './latency-histogram.ts'
export { computeRunSlis, computeSliSet, countCalls } from './compute-slis.ts'
export type { LatencyStats, RunSlis, SliCounts, SliSet } from './compute-slis.ts'
export { LATENCY_DESCRIPTIONS, LATENCY_PERCENTILES, RATIO_SLIS } from './sli-definitions.ts'
export type { LatencyPercentile, LatencySliName, RatioSliDefinition, RatioSliName, SliName } from './sli-definitions.ts'

// SLOs and error budgets
export { loadSloFile, parseSloFile } from './slo/slo-file.ts'
export type { Objective, SloFile, SloWindow } from './slo/slo-file.ts'
export { evaluateObjectives } from './slo/evaluate-objectives.ts'
export type { ObjectiveEvents, ObjectiveResult } from './slo/evaluate-objectives.ts'
export { attachErrorBudgets } from './slo/error-budget.ts'
export type { ErrorBudget } from './slo/error-budget.ts'
export { readRunHistory, upsertRunHistory, HISTORY_SCHEMA, HISTORY_VERSION } from './history/run-history.ts'
export type { HistoryEntry } from './history/run-history.ts'
export type { MetricSeries } from './history/metric-series.ts'

// One report per run, every output from it
export { buildRunReport } from './build-run-report.ts'
export type { BuildRunReportInput, RunInfo, RunReport } from './build-run-report.ts'
export { reportRunDirectory, defaultHistoryFile } from './report-run-directory.ts'
export type { ReportRunDirectoryOptions } from './report-run-directory.ts'
export { writeRunReports, renderRuleFiles, REPORT_FILES } from './write-run-reports.ts'

// Exporters and renderers
export { createPrometheusRegistry, renderPrometheus, METRIC_NAMES } from './prometheus/create-prometheus-registry.ts'
export { pushToPushgateway } from './prometheus/push-to-pushgateway.ts'
export type { PushToPushgatewayOptions } from './prometheus/push-to-pushgateway.ts'
export { renderAlertRules, BURN_RATE_ALERTS } from './prometheus/render-alert-rules.ts'
export { renderGrafanaDashboard } from './prometheus/render-grafana-dashboard.ts'
export { exportOtlpMetrics, OTLP_METRICS } from './export/export-otlp-metrics.ts'
export type { ExportOtlpMetricsOptions } from './export/export-otlp-metrics.ts'
export { renderJunit } from './render/render-junit.ts'
export { renderSummary } from './render/render-summary.ts'
export { renderSummaryJsonSchema, SliSummarySchema, SUMMARY_SCHEMA_ID } from './render/summary-schema.ts'
export type { SliSummary } from './render/summary-schema.ts'
export { formatSliTable } from './render/format-sli-table.ts'
export { renderHtmlReport } from './html/render-html-report.ts'

// Errors
export { SliError } from './sli-error.ts'
export { SLI_ERROR_CODES } from './sli-error.ts'
export type { SliErrorCode, SliErrorOptions } from './sli-error.ts'
