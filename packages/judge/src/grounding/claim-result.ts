import type { Claim } from '../claims/claim.ts'
import type { KnowledgeEntry } from '../knowledge/knowledge-index.ts'
import type { ClaimCheck, ClaimEvidence } from './claim-check.ts'
import { valuesAgree } from './values-agree.ts'

/** A claim's check with its status and, when an entry or a source decides it, that evidence. */
export function result(claim: Claim, status: ClaimCheck['status'], evidence?: ClaimEvidence): ClaimCheck {
  return { text: claim.text, type: claim.type, status, supported: status === 'supported', ...(evidence ? { evidence } : {}), checkedBy: 'rules' }
}

/** An entry of the knowledge as a check's evidence. */
export function fromEntry(entry: KnowledgeEntry): ClaimEvidence {
  return { source: 'knowledge', path: entry.path, value: entry.value }
}

/** True when a value of the list states the claim's value. */
export function agreesWithAny(claim: Claim, claims: Claim[]): boolean {
  return claims.some((other) => valuesAgree(claim.value, other.value) === 'equal')
}
