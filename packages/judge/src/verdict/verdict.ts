import type { ClaimCheck } from '../grounding/claim-check.ts'
import type { Factor, ReasonCode } from './reason-codes.ts'

export const VERDICT_SCHEMA = 'voxguard.verdict'
export const VERDICT_VERSION = 1

/** What backs a reason: the words, the timing, the transport close, the agent event, the knowledge entry. */
export interface ReasonEvidence {
  /** Words from the reply (or the failing claim), at most 200 characters. */
  quote?: string
  timingMs?: number
  budgetMs?: number
  closeCode?: number
  closeReason?: string
  /** Agent event name (`llm.all_failed`) or failure kind (`socket_dropped`). */
  event?: string
  /** The knowledge-base entry that contradicts a claim. */
  knowledge?: { path?: string; value?: string }
  /** For `expectation_unmet`: which expectation of the script failed. */
  /** `asr_misrecognition`: the caller's scripted words, what the agent's recogniser heard, and their word error rate. */
  callerSaid?: string
  agentHeard?: string
  werRatio?: number
  /** Audio calls: what the caller heard (the harness's transcript) where it backs the reason. */
  heard?: string
  expectation?: 'saysAny' | 'saysAll' | 'neverSays' | 'matches' | 'toolCalled' | 'toolsCalled' | 'agentEndsCall'
}

export interface Reason {
  code: ReasonCode
  factor: Factor
  /** The turn it happened in (0 is the greeting), when it belongs to one. */
  turn?: number
  message: string
  evidence: ReasonEvidence
  /**
   * Set when a dialogue code is the consequence of an earlier system fault in the call (the
   * agent failed to do or say something after a turn the fault cost): the reason is then listed
   * with factor `system`, and it does not make the call's factor `dialogue` or `both`.
   */
  consequenceOf?: { code: ReasonCode; turn?: number }
}

/** The grounding findings for one agent turn: only claims that are contradicted or unsupported. */
export interface TurnHallucinations {
  turn: number
  reply: string
  findings: ClaimCheck[]
}

/** One verdict per call: one JSON line in `verdicts.jsonl`. */
export interface Verdict {
  schema: typeof VERDICT_SCHEMA
  version: typeof VERDICT_VERSION
  callId: string
  runId: string
  scriptId: string
  tags: string[]
  outcome: 'pass' | 'fail'
  /** `both` only when independent system and dialogue failures occurred; null on pass. */
  factor: Factor | 'both' | null
  reasons: Reason[]
  hallucinations: TurnHallucinations[]
  /**
   * Audio calls: false claims in what the harness heard that the agent did not mean to say
   * (or whose intended reply is unknown): the test's recogniser misheard; never a failure.
   */
  misheard?: TurnHallucinations[]
  /** Agent turns whose content was judged (not cut off or blocked by a system fault). */
  turnsJudged: number
  /** Claims checked for grounding across those turns. */
  claimsChecked: number
}
