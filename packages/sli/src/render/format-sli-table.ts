import { formatReason } from '@voxguard/judge'
import type { RunReport } from '../build-run-report.ts'
import { LATENCY_METRICS } from '../call-latencies.ts'
import { RATIO_SLIS, type SliName } from '../sli-definitions.ts'
import type { ObjectiveResult } from '../slo/evaluate-objectives.ts'
import { formatObjective, formatPercent, formatSliValue } from './format-values.ts'

/**
 * The plain-text SLI table `voxguard run --report`, `voxguard report` and the nightly print:
 * each SLI with its objective, status, error budget left and burn rate; failures by factor
 * and code; failed calls; problems with the inputs.
 */
export function formatSliTable(report: RunReport): string {
  const { overall } = report.slis
  const lines = [`run ${report.run.runId}  calls ${overall.calls}  passed ${overall.passed}  failed ${overall.failed} (system ${overall.failedFor.system}, dialogue ${overall.failedFor.dialogue}; a call failed for both counts in both)`, '']
  lines.push(`${'SLI'.padEnd(28)} ${'value'.padStart(9)}  ${'objective'.padStart(11)}  ${'status'.padStart(7)}  ${'budget left'.padStart(11)}  ${'burn'.padStart(6)}`)
  const unscoped = new Map(report.objectives.filter((result) => !result.protocol).map((result) => [result.sli as string, result]))
  const names: SliName[] = [...(Object.keys(RATIO_SLIS) as SliName[]), ...LATENCY_METRICS.flatMap((metric) => (['p50', 'p95', 'p99'] as const).map((p) => `${metric}_${p}_ms` as SliName))]
  for (const result of report.objectives) if (!result.protocol && !names.includes(result.sli)) names.push(result.sli)
  const row = (label: string, value: number | null, sli: string, result: ObjectiveResult | undefined) => {
    const objective = result ? formatObjective(result) : ''
    const status = result ? { met: 'met', broken: 'BROKEN', no_data: 'NO DATA', not_run: 'not run' }[result.status] : ''
    const budget = result ? formatPercent(result.budget?.remainingRatio) : ''
    const burn = result?.burnRate !== undefined && result.burnRate !== null ? `${result.burnRate.toFixed(1)}x` : ''
    lines.push(`${label.padEnd(28)} ${formatSliValue(sli, value).padStart(9)}  ${objective.padStart(11)}  ${status.padStart(7)}  ${budget.padStart(11)}  ${burn.padStart(6)}`)
  }
  for (const name of names) {
    const result = unscoped.get(name)
    const latency = /^(.*)_p(\d+)_ms$/.exec(name)
    const stats = latency ? overall.latency[latency[1] as keyof typeof overall.latency] : undefined
    if (stats && stats.turns === 0 && !result) continue
    row(name, latency ? (stats![`p${latency[2]}Ms` as 'p50Ms'] ?? null) : overall.ratios[name as keyof typeof overall.ratios], name, result)
  }
  // Objectives for one protocol's calls: their own rows, valued over those calls.
  for (const result of report.objectives.filter((objective) => objective.protocol)) row(result.name, result.actual, result.sli, result)
  const reasons = Object.entries(overall.failuresByReason).sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))
  if (reasons.length > 0) {
    lines.push('', 'failures by factor:code')
    for (const [key, count] of reasons) lines.push(`  ${key.padEnd(32)} ${count}`)
  }
  const failed = report.calls.filter((call) => call.verdict.outcome === 'fail')
  if (failed.length > 0) {
    lines.push('', 'failed calls')
    for (const { record, verdict } of failed.slice(0, 20)) {
      const first = verdict.reasons[0]
      lines.push(`  ${record.scriptId} #${record.repeat}  ${verdict.factor ?? ''}  ${first ? formatReason(first).slice(0, 140) : ''}`)
    }
    if (failed.length > 20) lines.push(`  ... and ${failed.length - 20} more`)
  }
  for (const message of report.scriptErrors) lines.push(`script error: ${message}`)
  for (const callId of report.orphans.recordsWithoutVerdict) lines.push(`not judged: ${callId} (recorded, no verdict)`)
  for (const callId of report.orphans.verdictsWithoutRecord) lines.push(`not recorded: ${callId} (verdict, no record)`)
  for (const callId of report.orphans.duplicateCallIds) lines.push(`duplicate call id: ${callId}`)
  const verdict = !report.ok
    ? 'NOT OK: an objective is broken or has no data, a script is invalid, or calls are missing a record or a verdict'
    : report.objectives.length === 0 ? 'no objectives given (pass an SLO file to check them)' : 'every objective met'
  lines.push('', verdict)
  return lines.join('\n')
}
