/** The counts every SLI of a group of calls is computed from. */
export interface SliCounts {
  calls: number
  passed: number
  failed: number
  /** Calls that failed for each factor; a call failed for both counts in both. */
  failedFor: { system: number; dialogue: number }
  /** Failed calls per `factor:code` (a call counts once per code; a `both` call under each factor it has). */
  failuresByReason: Record<string, number>
  turnsJudged: number
  hallucinatedTurns: number
  hallucinatedCalls: number
  /** Calls in which the agent reported an `llm.fallback`. */
  fallbackCalls: number
  /** `llm.fallback` events per target that served the turn instead (`data.to`). */
  fallbackServedBy: Record<string, number>
}
