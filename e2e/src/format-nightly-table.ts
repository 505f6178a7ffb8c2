import { formatReason } from '@voxguard/judge'
import type { NightlyResult } from './run-nightly.ts'

const formatValue = (name: string, value: number) => (name.endsWith('_ms') ? `${Math.round(value)} ms` : `${(value * 100).toFixed(1)}%`)

/** The plain-text table the nightly job prints: SLIs, objectives, failed calls with their reasons. */
export function formatNightlyTable(result: NightlyResult): string {
  const lines: string[] = []
  const { slis } = result
  lines.push(`calls ${slis.calls}`)
  lines.push('')
  lines.push('SLI                          value      objective   met  budget used')
  const objectives = new Map(result.objectives.map((objective) => [objective.sli, objective]))
  for (const [name, value] of Object.entries(slis)) {
    if (name === 'calls') continue
    const objective = objectives.get(name as keyof typeof slis & string as never)
    const target = objective ? `${objective.comparison} ${formatValue(name, objective.target)}` : ''
    const met = objective ? (objective.met ? 'yes' : 'NO') : ''
    const budget = objective?.budgetUsedRatio !== undefined ? `${(objective.budgetUsedRatio * 100).toFixed(0)}%` : ''
    lines.push(`${name.padEnd(28)} ${formatValue(name, value).padStart(9)}  ${target.padStart(10)}  ${met.padStart(4)}  ${budget.padStart(11)}`)
  }
  const failed = result.verdicts.filter((verdict) => verdict.outcome === 'fail')
  if (failed.length > 0) {
    lines.push('')
    lines.push('failed calls')
    const repeats = new Map(result.records.map((record) => [record.callId, record.repeat]))
    for (const verdict of failed) {
      const reason = verdict.reasons[0]
      lines.push(`  ${verdict.scriptId} #${repeats.get(verdict.callId) ?? '?'} ${verdict.factor ?? ''} ${reason ? formatReason(reason) : ''}`)
    }
  }
  for (const message of result.scriptErrors) lines.push(`script error: ${message}`)
  lines.push('')
  lines.push(result.ok ? 'nightly: every objective met' : 'nightly: an objective is broken or a script is invalid')
  return lines.join('\n')
}
