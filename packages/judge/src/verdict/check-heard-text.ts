import type { KnowledgeBase } from '@voxguard/knowledge'
import { checkGrounding } from '../check-grounding.ts'
import { extractClaims } from '../claims/extract-claims.ts'
import type { ClaimCheck } from '../grounding/claim-check.ts'
import type { Vocabulary } from '../grounding/validate-vocabulary.ts'
import { writtenNumbers } from './written-numbers.ts'

/** Claims found false in what the caller heard, split by whether the agent meant to say them. */
export interface HeardFindings {
  /** In the heard text and in the agent's intended reply: the agent said it (a hallucination). */
  confirmed: ClaimCheck[]
  /** In the heard text only: the harness's own recogniser misheard (never blamed on the agent). */
  misheard: ClaimCheck[]
}

const valueKey = (text: string): string | undefined => {
  const claim = extractClaims(text)[0]
  return claim ? `${claim.type}:${JSON.stringify(claim.value)}` : undefined
}

/**
 * Grounds what the caller heard (the harness's transcript, numbers written as digits) and
 * splits its false claims: those whose value is also in the agent's intended reply are the
 * agent's; the rest are the recogniser's mishearing. Without an intended reply every false
 * heard claim is unconfirmed (`misheard`): the judge cannot tell the agent's words from the
 * recogniser's.
 */
export function checkHeardText(input: { knowledge: KnowledgeBase | string; heard: string; intended?: string; context: string[]; toolData: unknown[]; vocabulary?: Vocabulary }): HeardFindings {
  const heard = writtenNumbers(input.heard)
  const result = checkGrounding({ knowledge: input.knowledge, context: input.context, toolData: input.toolData, response: heard, ...(input.vocabulary ? { vocabulary: input.vocabulary } : {}) })
  const intendedValues = new Set(input.intended ? extractClaims(input.intended).map((claim) => `${claim.type}:${JSON.stringify(claim.value)}`) : [])
  const findings: HeardFindings = { confirmed: [], misheard: [] }
  for (const claim of result.claims) {
    if (claim.supported || claim.type === 'statement') continue
    const key = valueKey(claim.text)
    if (key && intendedValues.has(key)) findings.confirmed.push(claim)
    else findings.misheard.push(claim)
  }
  return findings
}
