import { createHash } from 'node:crypto'
import type { Verdict } from '@voxguard/judge'

export interface SelectCallsOptions {
  /** Only calls the judge failed. Default false. */
  onlyFailed?: boolean
  /** At most this many calls, a sample that depends only on the call ids and `seed`. Default: all. */
  sample?: number
  /** Changes which calls `sample` picks. Default `voxguard`. */
  seed?: string
}

/**
 * Which judged calls become regression scripts: the failed ones with `onlyFailed`, then a
 * deterministic sample of `sample` (ranked by a hash of seed and call id, so the same day
 * gives the same sample and adding calls keeps most of it), in input order.
 */
export function selectCalls(verdicts: readonly Verdict[], options: SelectCallsOptions = {}): Verdict[] {
  const eligible = options.onlyFailed ? verdicts.filter((verdict) => verdict.outcome === 'fail') : [...verdicts]
  if (options.sample === undefined || options.sample >= eligible.length) return eligible
  const rank = (callId: string) => createHash('sha256').update(`${options.seed ?? 'voxguard'}\n${callId}`).digest('hex')
  const chosen = new Set([...eligible].sort((left, right) => rank(left.callId).localeCompare(rank(right.callId))).slice(0, options.sample).map((verdict) => verdict.callId))
  return eligible.filter((verdict) => chosen.has(verdict.callId))
}

/** The claims a regression script must never hear again: the judge's hallucination findings. */
export function hallucinatedClaims(verdict: Verdict): string[] {
  return [...new Set(verdict.hallucinations.flatMap((turn) => turn.findings.map((finding) => finding.text)))]
}

/** The latency budget a call broke, when the judge says so (`evidence.budgetMs`). */
export function brokenLatencyBudget(verdict: Verdict): number | undefined {
  const budgets = verdict.reasons.map((reason) => reason.evidence.budgetMs).filter((budget): budget is number => budget !== undefined)
  return budgets.length > 0 ? Math.min(...budgets) : undefined
}
