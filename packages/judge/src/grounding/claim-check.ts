import type { ClaimType } from '../claims/claim.ts'

/** Where a claim's support or contradiction was found. */
export interface ClaimEvidence {
  source: 'knowledge' | 'context' | 'tool'
  /** Knowledge-base entry: `facts.hours.saturday`, `policies[1]`, `text[3]` (sentence of free text). */
  path?: string
  /** The entry's value or sentence. */
  value?: string
}

/**
 * How a claim stands against the knowledge:
 * - `supported`: an entry about the same subject states it (or the tool data or caller do);
 * - `contradicted`: the entry about its subject states another value or the opposite polarity;
 * - `unsupported`: a value (price, time, phone, name …) nothing in the knowledge states;
 * - `unsettled`: a statement the rules cannot decide (the LLM judge, when configured, decides it;
 *   otherwise it is not counted as a hallucination unless `strict`).
 */
export type ClaimStatus = 'supported' | 'contradicted' | 'unsupported' | 'unsettled'

/** The verdict on one claim. `supported` is true only for status `supported`. */
export interface ClaimCheck {
  text: string
  type: ClaimType
  status: ClaimStatus
  supported: boolean
  /** The entry that supports or contradicts the claim (absent when nothing relates to it). */
  evidence?: ClaimEvidence
  /** Who decided: the built-in rules or the LLM judge. */
  checkedBy: 'rules' | 'llm'
}
