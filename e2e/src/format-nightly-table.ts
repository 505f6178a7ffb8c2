import { formatReason } from '@voxguard/judge'
import type { NightlyResult } from './run-nightly.ts'

const formatValue = (name: string, value: number) => (name.endsWith('_ms') ? `${Math.round(value)} ms` : `${(value * 100).toFixed(1)}%`)

/** The plain-text table the nightly job prints: SLIs, objectives, failed calls with their reasons. */
export function formatNightlyTable(result: NightlyResult): string {
  const lines: string[] = []
  const { slis } = result
  const byProtocol = Object.entries(result.slisByProtocol ?? {})
  lines.push(`calls ${slis.calls}${byProtocol.length > 1 ? ` (${byProtocol.map(([protocol, value]) => `${protocol} ${value.calls}`).join(', ')})` : ''}${result.audioSkipped ? `; audio pass skipped: ${result.audioSkipped}` : ''}`)
  lines.push('')
  lines.push('SLI                          value      objective   met  budget used')
  const objectives = new Map(result.objectives.filter((objective) => !objective.protocol).map((objective) => [objective.sli, objective]))
  for (const [name, value] of Object.entries(slis)) {
    if (name === 'calls') continue
    const objective = objectives.get(name as keyof typeof slis & string as never)
    const target = objective ? `${objective.comparison} ${formatValue(name, objective.target)}` : ''
    const met = objective ? (objective.met ? 'yes' : 'NO') : ''
    const budget = objective?.budgetUsedRatio !== undefined ? `${(objective.budgetUsedRatio * 100).toFixed(0)}%` : ''
    lines.push(`${name.padEnd(28)} ${formatValue(name, value).padStart(9)}  ${target.padStart(10)}  ${met.padStart(4)}  ${budget.padStart(11)}`)
  }
  if (byProtocol.length > 1) {
    lines.push('')
    lines.push(`per protocol                 ${byProtocol.map(([protocol]) => protocol.padStart(9)).join('  ')}`)
    for (const name of Object.keys(slis)) {
      if (name === 'calls') continue
      const scoped = result.objectives.filter((objective) => objective.protocol && objective.sli === name).map((objective) => `${objective.protocol} ${objective.comparison} ${formatValue(name, objective.target)} ${objective.met ? 'met' : 'NOT MET'}`)
      lines.push(`${name.padEnd(28)} ${byProtocol.map(([, value]) => formatValue(name, value[name as keyof typeof value]).padStart(9)).join('  ')}${scoped.length ? `  (${scoped.join('; ')})` : ''}`)
    }
  }
  const failed = result.verdicts.filter((verdict) => verdict.outcome === 'fail')
  if (failed.length > 0) {
    lines.push('')
    lines.push('failed calls')
    const calls = new Map(result.records.map((record) => [record.callId, record]))
    for (const verdict of failed) {
      const reason = verdict.reasons[0]
      const call = calls.get(verdict.callId)
      lines.push(`  ${verdict.scriptId} #${call?.repeat ?? '?'}${call?.protocol === 'twilio' ? ' (phone)' : ''} ${verdict.factor ?? ''} ${reason ? formatReason(reason) : ''}`)
    }
  }
  for (const message of result.scriptErrors) lines.push(`script error: ${message}`)
  lines.push('')
  lines.push(result.ok ? 'nightly: every objective met' : 'nightly: an objective is broken or a script is invalid')
  return lines.join('\n')
}
