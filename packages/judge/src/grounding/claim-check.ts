import type { ClaimType } from '../claims/claim.ts'

/** Where a claim's support or contradiction was found. */
export interface ClaimEvidence {
  source: 'knowledge' | 'context' | 'tool'
  /** Knowledge-base entry: `facts.hours.saturday`, `policies[1]`, `text[3]` (sentence of free text). */
  path?: string
  /** The entry's value or sentence. */
  value?: string
}

/** The verdict on one claim. `supported` is true only for status `supported`. */
export interface ClaimCheck {
  text: string
  type: ClaimType
  status: 'supported' | 'contradicted' | 'unsupported'
  supported: boolean
  /** The entry that supports or contradicts the claim (absent when nothing relates to it). */
  evidence?: ClaimEvidence
  /** Who decided: the built-in rules or the LLM judge. */
  checkedBy: 'rules' | 'llm'
}
