import { AGENT_EVENTS, type CallRecord } from '@voxguard/harness'
import type { Verdict } from '@voxguard/judge'

/** The nightly's service-level indicators, over one run. Ratios are 0–1. */
export interface Slis {
  calls: number
  call_success_ratio: number
  system_failure_ratio: number
  dialogue_failure_ratio: number
  hallucinated_turn_ratio: number
  /** Calls in which the agent reported an LLM fallback (served, but not by the primary). */
  fallback_call_ratio: number
  turn_first_byte_p50_ms: number
  turn_first_byte_p95_ms: number
  turn_first_byte_p99_ms: number
  turn_complete_p95_ms: number
}

export type SliName = Exclude<keyof Slis, 'calls'>

/** Nearest-rank percentile of `values` (0 when empty). */
export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)))
  return sorted[rank - 1]!
}

/** Computes the SLIs from the records a run wrote and the verdicts the judge gave them. */
export function computeSlis(records: CallRecord[], verdicts: Verdict[]): Slis {
  const calls = verdicts.length
  const ratio = (count: number, total: number) => (total === 0 ? 0 : count / total)
  const failedFor = (factor: 'system' | 'dialogue') => verdicts.filter((verdict) => verdict.factor === factor || verdict.factor === 'both').length
  const turnsJudged = verdicts.reduce((sum, verdict) => sum + verdict.turnsJudged, 0)
  const hallucinatedTurns = verdicts.reduce((sum, verdict) => sum + verdict.hallucinations.length, 0)
  const firstByte: number[] = []
  const complete: number[] = []
  for (const record of records) {
    for (const turn of record.turns) {
      if (turn.index === 0) continue
      if (turn.agent.firstByteMs !== undefined) firstByte.push(turn.agent.firstByteMs)
      if (turn.agent.completeMs !== undefined) complete.push(turn.agent.completeMs)
    }
  }
  return {
    calls,
    call_success_ratio: ratio(verdicts.filter((verdict) => verdict.outcome === 'pass').length, calls),
    system_failure_ratio: ratio(failedFor('system'), calls),
    dialogue_failure_ratio: ratio(failedFor('dialogue'), calls),
    hallucinated_turn_ratio: ratio(hallucinatedTurns, turnsJudged),
    fallback_call_ratio: ratio(records.filter((record) => record.events.some((event) => event.name === AGENT_EVENTS.llmFallback)).length, records.length),
    turn_first_byte_p50_ms: percentile(firstByte, 0.5),
    turn_first_byte_p95_ms: percentile(firstByte, 0.95),
    turn_first_byte_p99_ms: percentile(firstByte, 0.99),
    turn_complete_p95_ms: percentile(complete, 0.95),
  }
}
