import { stringify } from 'yaml'
import { RATIO_SLIS, isRatioSliName, type RatioSliName } from '../sli-definitions.ts'
import type { Objective } from '../slo/slo-file.ts'
import { METRIC_NAMES } from './create-prometheus-registry.ts'

/** The multi-window, multi-burn-rate pairs (SRE workbook, as Sloth generates them). */
export const BURN_RATE_ALERTS = [
  { longWindow: '1h', shortWindow: '5m', factor: 14.4, severity: 'page' },
  { longWindow: '6h', shortWindow: '30m', factor: 6, severity: 'page' },
  { longWindow: '1d', shortWindow: '2h', factor: 3, severity: 'ticket' },
  { longWindow: '3d', shortWindow: '6h', factor: 1, severity: 'ticket' },
] as const

const WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const

/** The recording rule holding an objective's error ratio over a window (`voxguard_slo:error_ratio:rate1h{slo="…"}`). */
export const errorRatioRecord = (window: string) => `voxguard_slo:error_ratio:rate${window}`

/** PromQL for the share of bad events of an objective over a window (only its protocol's series when it has one). */
export function errorRatioExpression(objective: Objective, window: string): string {
  const scope = objective.protocol ? [`protocol="${objective.protocol}"`] : []
  const rate = (metric: string, windowText: string, selector = '') => {
    const matchers = [...scope, ...(selector ? selector.slice(1, -1).split(',') : [])]
    return `sum(rate(${metric}${matchers.length > 0 ? `{${matchers.join(',')}}` : ''}[${windowText}]))`
  }
  if (objective.latency) {
    const name = { turn_first_byte: METRIC_NAMES.turnFirstByte, turn_complete: METRIC_NAMES.turnComplete, first_audio: METRIC_NAMES.firstAudio }[objective.latency.metric]
    return `1 - (${rate(`${name}_bucket`, window, `{le="${objective.latency.thresholdMs / 1000}"}`)} / ${rate(`${name}_count`, window)})`
  }
  const calls = rate(METRIC_NAMES.calls, window)
  const failed = rate(METRIC_NAMES.calls, window, '{outcome="fail"}')
  const system = rate(METRIC_NAMES.failedCalls, window, '{factor="system"}')
  const expressions: Record<RatioSliName, string> = {
    call_success_ratio: `${failed} / ${calls}`,
    availability_ratio: `${system} / ${calls}`,
    dialogue_quality_ratio: `(${failed} - ${system}) / (${calls} - ${system})`,
    hallucinated_turn_ratio: `${rate(METRIC_NAMES.hallucinatedTurns, window)} / ${rate(METRIC_NAMES.judgedTurns, window)}`,
    hallucinated_call_ratio: `${rate(METRIC_NAMES.hallucinatedCalls, window)} / ${calls}`,
    fallback_call_ratio: `${rate(METRIC_NAMES.fallbackCalls, window)} / ${calls}`,
  }
  if (!isRatioSliName(objective.sli)) throw new Error(`no error-ratio expression for ${objective.sli}`)
  return expressions[objective.sli]
}

/** The summary and description of a burn-rate alert (no template values: the same text whenever it fires). */
export function burnRateAnnotations(objective: Objective, pair: (typeof BURN_RATE_ALERTS)[number], what: string): { summary: string; description: string } {
  const allowed = clean(objective.allowedBadRatio)
  return {
    summary: `voxguard ${objective.name} is burning its error budget ${pair.factor}x too fast`,
    description: `${what}: objective ${objective.comparison} ${objective.target}. Over both ${pair.longWindow} and ${pair.shortWindow} more than ${pair.factor} x ${allowed} of the events were bad: at this rate the budget of the SLO window is gone in ${pair.factor >= 1 ? `1/${pair.factor} of it` : 'it'}.`,
  }
}

/** What an objective measures, in words (alert descriptions). */
export function objectiveDescription(objective: Objective): string {
  const what = isRatioSliName(objective.sli) ? RATIO_SLIS[objective.sli].description : `${objective.latency!.percentile}% of turns within ${objective.latency!.thresholdMs} ms (${objective.latency!.metric.replace(/_/g, ' ')})`
  return objective.protocol ? `${what}, ${objective.protocol} calls` : what
}

/** A number without float noise (1 - 0.95 → 0.05). */
const clean = (value: number) => Number(value.toPrecision(12))

/**
 * Prometheus rule file (YAML) for the objectives: one recording rule per objective and window
 * (error ratio), and four multi-window burn-rate alerts per objective: 1h/5m at 14.4× and
 * 6h/30m at 6× page; 1d/2h at 3× and 3d/6h at 1× open a ticket. An alert fires when both its
 * windows burn the budget faster than its factor. `promtool check rules` accepts the output.
 *
 * @example
 * await writeFile('reports/voxguard-rules.yml', renderAlertRules(slo.objectives))
 */
export function renderAlertRules(objectives: readonly Objective[]): string {
  const recording = objectives.flatMap((objective) =>
    WINDOWS.map((window) => ({ record: errorRatioRecord(window), expr: errorRatioExpression(objective, window), labels: { slo: objective.name } })),
  )
  const alerts = objectives.flatMap((objective) => {
    const allowed = clean(objective.allowedBadRatio)
    const what = objectiveDescription(objective)
    return BURN_RATE_ALERTS.map((pair) => ({
      alert: 'VoxguardErrorBudgetBurn',
      expr: `${errorRatioRecord(pair.longWindow)}{slo="${objective.name}"} > (${pair.factor} * ${allowed})\nand\n${errorRatioRecord(pair.shortWindow)}{slo="${objective.name}"} > (${pair.factor} * ${allowed})`,
      labels: { severity: pair.severity, slo: objective.name, long_window: pair.longWindow, short_window: pair.shortWindow },
      annotations: burnRateAnnotations(objective, pair, what),
    }))
  })
  const header = '# Generated by @voxguard/sli from the SLO file: error-ratio recording rules and multi-window\n# multi-burn-rate alerts. Regenerate with `voxguard slo rules`; do not edit by hand.\n'
  return header + stringify({ groups: [{ name: 'voxguard-slo-error-ratios', rules: recording }, { name: 'voxguard-slo-burn-rate-alerts', rules: alerts }] }, { lineWidth: 0 })
}
