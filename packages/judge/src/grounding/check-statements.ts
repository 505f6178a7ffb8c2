import type { Claim } from '../claims/claim.ts'
import { normalizeText } from '../internal/normalize-text.ts'
import type { KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import { splitSentences } from '../knowledge/knowledge-index.ts'
import type { ClaimCheck } from './claim-check.ts'
import { subjectTerms } from './subject-terms.ts'

const NEGATION = /\b(?:not|never|cannot|can't|don't|doesn't|isn't|aren't|won't|without|unavailable|unable|no longer)\b|n't\b|ません|ない|不可|対象外|できず|不要/iu
const MIN_SHARED_TERMS = 2
const MIN_OVERLAP_RATIO = 0.6

/** True when the sentence is negated (English or Japanese). */
export function isNegated(sentence: string): boolean {
  return NEGATION.test(normalizeText(sentence)) || /\bnot accepted\b|\bno\s+\w+\s+(?:is|are)\b/iu.test(sentence)
}

const DIALOGUE_ACT = /^(?:i\b|i'm|i’m|i've|i'll|let me|let's|please|of course|sure|certainly|absolutely|thank|thanks|goodbye|bye|hello|hi\b|sorry|okay|ok\b|yes|no\b|great|perfect|alright|all right|welcome|you're welcome|one moment|just a moment|how can|what can|is there anything|anything else|press|dial|push|say|choose|select|hold|wait|call us|visit us|feel free|have a (?:nice|good|great|lovely|wonderful) |take care|see you|enjoy)|^(?:お電話|ありがとう|少々|かしこまりました|承知|失礼|はい|いいえ|申し訳|すみません|どうぞ|お待ち)/iu

/** A declarative sentence about the business, not a question, greeting, closing, apology or offer. */
function isFactualStatement(sentence: string): boolean {
  const trimmed = normalizeText(sentence)
    .trim()
    .replace(/^(?:yes|no|sure|of course|certainly|okay|ok|great|perfect|alright|absolutely|はい|いいえ)[,、!.]?\s*/iu, '')
  return !/[?？]$|か[。.]?$/u.test(trimmed) && !DIALOGUE_ACT.test(trimmed)
}

/**
 * Policy-like statements: reply sentences that carry no value claim are compared with the
 * knowledge-base sentence sharing most of their subject terms (at least two, and 60% of the
 * sentence's terms). Same polarity supports; opposite polarity ("Whitening is covered by
 * insurance" against "Whitening is not covered by insurance") contradicts. Factual
 * sentences (not questions, greetings, apologies or offers) nothing relates to are
 * `unsupported` (strict) and returned in `unsettled` for the LLM judge to re-decide.
 */
export function checkStatements(response: string, claims: Claim[], index: KnowledgeIndex, toolText = ''): { checks: ClaimCheck[]; unsettled: string[] } {
  const toolTerms = toolText === '' ? new Set<string>() : subjectTerms(toolText.replace(/[_{}":,]/gu, ' '), index.vocabulary)
  const checks: ClaimCheck[] = []
  const unsettled: string[] = []
  const folded = normalizeText(response)
  for (const sentence of splitSentences(response)) {
    const position = folded.indexOf(normalizeText(sentence))
    const hasValueClaim = claims.some((claim) => claim.type !== 'name' && claim.start >= position && claim.start < position + sentence.length)
    if (hasValueClaim) continue
    const terms = subjectTerms(sentence, index.vocabulary)
    if (terms.size < MIN_SHARED_TERMS) continue
    let best: { shared: number; entry: (typeof index.entries)[number] } | undefined
    for (const entry of index.entries) {
      let shared = 0
      for (const term of terms) if (entry.terms.has(term)) shared += 1
      if (shared >= MIN_SHARED_TERMS && shared / terms.size >= MIN_OVERLAP_RATIO && (!best || shared > best.shared)) best = { shared, entry }
    }
    if (!best) {
      // Strict: a factual statement about the business that nothing in the knowledge backs is
      // unsupported (the LLM judge, when configured, re-decides unsettled sentences).
      if (!isFactualStatement(sentence)) continue
      if ([...terms].some((term) => toolTerms.has(term))) {
        // "You are booked" after a book_appointment call: the tool call backs it.
        checks.push({ text: sentence, type: 'statement', status: 'supported', supported: true, evidence: { source: 'tool' }, checkedBy: 'rules' })
        continue
      }
      unsettled.push(sentence)
      checks.push({ text: sentence, type: 'statement', status: 'unsupported', supported: false, checkedBy: 'rules' })
      continue
    }
    const status = isNegated(sentence) === isNegated(best.entry.sentence) ? 'supported' : 'contradicted'
    checks.push({ text: sentence, type: 'statement', status, supported: status === 'supported', evidence: { source: 'knowledge', path: best.entry.path, value: best.entry.value }, checkedBy: 'rules' })
  }
  return { checks, unsettled }
}
