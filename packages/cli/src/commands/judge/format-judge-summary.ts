import { formatReason, type Verdict, type VerdictSummary } from '@voxguard/judge'

function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`
}

/** The plain-text summary `voxguard judge` prints: totals, factors, codes, and the failed calls. */
export function formatJudgeSummary(summary: VerdictSummary, verdicts: Verdict[], maxFailuresShown = 20): string {
  const lines = [
    `calls ${summary.calls}  passed ${summary.passed} (${percent(summary.passed, summary.calls)})  failed ${summary.failed}`,
    `factor  system ${summary.byFactor.system}  dialogue ${summary.byFactor.dialogue}  both ${summary.byFactor.both}`,
    `hallucinated turns ${summary.hallucinatedTurns} of ${summary.turnsJudged} judged (${percent(summary.hallucinatedTurns, summary.turnsJudged)})`,
  ]
  const codes = Object.entries(summary.byCode).sort((left, right) => right[1] - left[1])
  if (codes.length > 0) {
    lines.push('', 'code                  calls')
    for (const [code, count] of codes) lines.push(`${code.padEnd(22)}${count}`)
  }
  const failed = verdicts.filter((verdict) => verdict.outcome === 'fail')
  if (failed.length > 0) {
    lines.push('', 'failed calls')
    for (const verdict of failed.slice(0, maxFailuresShown)) {
      const first = verdict.reasons[0]
      lines.push(`  ${verdict.callId}  ${verdict.factor}  ${first ? formatReason(first).slice(0, 140) : ''}`)
    }
    if (failed.length > maxFailuresShown) lines.push(`  ... and ${failed.length - maxFailuresShown} more`)
  }
  return lines.join('\n')
}
