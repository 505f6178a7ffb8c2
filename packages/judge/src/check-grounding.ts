import { amountSlot } from './claims/amount-slot.ts'
import { extractNormalizedClaims } from './claims/extract-claims.ts'
import { readSideText } from './grounding/read-side-text.ts'
import { normalizeSpokenForms } from './internal/normalize-spoken-forms.ts'
import type { ClaimCheck } from './grounding/claim-check.ts'
import { claimSubject } from './grounding/claim-subject.ts'
import { checkPersonDays } from './grounding/check-person-days.ts'
import { checkPersonRoles } from './grounding/check-person-roles.ts'
import { checkStatements, readSentences } from './grounding/check-statements.ts'
import { checkFreeTextAnswer } from './grounding/check-free-text-answer.ts'
import { derivedAmount } from './grounding/derived-amount.ts'
import { checkPriceSaidAsTime } from './grounding/price-said-as-time.ts'
import { namesNoItemOfItsKind, namesOnlyTheWay } from './grounding/kind-terms.ts'
import { subjectTerms } from './grounding/subject-terms.ts'
import type { Vocabulary } from './grounding/validate-vocabulary.ts'
import { namesOnlyItsKind, verifyClaim, type GroundingSources } from './grounding/verify-claim.ts'
import type { KnowledgeBase } from '@voxguard/knowledge'
import { indexKnowledge } from './knowledge/knowledge-index.ts'

export interface GroundingInput {
  /** A parsed knowledge base (facts + policies) or free-text knowledge. */
  knowledge: KnowledgeBase | string
  /** What the caller said: this turn and earlier ones (newest last). Default: none. */
  context?: string | string[]
  /** The agent's tool calls and results in the call so far; values found there are supported. Default: none. */
  toolData?: unknown[]
  /** The agent's reply to check. */
  response: string
  /** Count `unsettled` statements (what no rule can decide) as hallucinations, as before statuses had `unsettled`. Default false: they are reported, not counted. */
  strict?: boolean
  /** More subject words of the business's trade, any language (`{ cleaning: ['scaling', 'クリーニング'] }`). Extends the general vocabulary and the knowledge base's `vocabulary` section (its words win). Default: none. */
  vocabulary?: Vocabulary
}

export interface GroundingResult {
  /** True when any claim is contradicted or unsupported (with `strict`, also unsettled). */
  hallucinated: boolean
  /** Share of the settled claims (with `strict`, of all claims) that are supported, 0–1 (1 when there is none). */
  score: number
  claims: ClaimCheck[]
  /** Reply sentences no rule could settle (status `unsettled`): input for the LLM judge, all in one call. */
  unsettled: string[]
}

/** Most claims judged in one reply (see checkGrounding). */
const MAX_CLAIMS_PER_REPLY = 200

/**
 * The built-in hallucination check (no model): extracts the reply's checkable claims,
 * works out what each is about, and verifies it against the knowledge base, the agent's
 * tool data and the caller's words. Contradicted and unsupported claims come back with
 * the knowledge-base entry that relates to them.
 *
 * @example
 * const result = checkGrounding({ knowledge, context: 'How much is a cleaning?', response: 'A cleaning is 3,000 yen.' })
 * // result.hallucinated === true
 * // result.claims[0].evidence → { source: 'knowledge', path: 'facts.prices_yen.cleaning', value: '5000' }
 */
export function checkGrounding(input: GroundingInput): GroundingResult {
  const index = indexKnowledge(input.knowledge, input.vocabulary)
  const contextList = input.context === undefined ? [] : Array.isArray(input.context) ? input.context : [input.context]
  const contextJoined = contextList.join('\n')
  const toolJoined = (input.toolData ?? []).map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('\n')
  const caller = readSideText(contextJoined)
  const tool = readSideText(toolJoined)
  const sources: GroundingSources = { index, contextClaims: caller.claims, contextText: caller.text, toolClaims: tool.claims, toolText: tool.text }
  const text = normalizeSpokenForms(input.response)
  // A phone reply states a handful of facts; thousands (a reply of 16,000 numbers) would make the
  // per-claim subject search quadratic: the first MAX_CLAIMS_PER_REPLY are judged (the README says so).
  const found = extractNormalizedClaims(text)
  const claims = found.slice(0, MAX_CLAIMS_PER_REPLY)
  const lastCaller = contextList.at(-1)
  const callerTerms = lastCaller ? subjectTerms(lastCaller, index.vocabulary) : new Set<string>()
  const known = (terms: Set<string>): Set<string> => new Set([...terms].filter((term) => index.knownTerms.has(term)))
  const sentences = readSentences(text)
  const checks: ClaimCheck[] = []
  // How many people, rooms or nights the reply or the caller names (大人2人, "two adults"): what a price may be multiplied by.
  const counts = [...claims, ...caller.claims].flatMap((claim) => (claim.type === 'count' && claim.value.kind === 'number' && claim.value.unit !== 'age' ? [claim.value.value] : []))
  // Days said of one of the knowledge's people are checked against that person's days.
  const personDays = checkPersonDays(text, claims, sentences, index, lastCaller ?? '')
  for (const claim of claims) {
    const at = sentences.findIndex((sentence) => claim.start >= sentence.start && claim.start < sentence.end)
    // A value in a question back to the caller ("Would you like a free trial?") asserts nothing.
    if (at >= 0 && sentences[at]?.act === 'question') continue
    const ofPerson = personDays.byClaim.get(claim)
    if (ofPerson) {
      checks.push(ofPerson)
      continue
    }
    const subject = claimSubject(text, claim, claims, index.vocabulary)
    // The reply's own words name the subject; when they name nothing, or only the claim's kind
    // ("we close at 6 pm" after "When do you close on Saturday?"), the caller's last words add to it.
    // So do they when the reply's words name nothing the knowledge knows ("you can stay until 1 for
    // ¥3,000" after "late check-out?"); words the knowledge never uses say nothing either way.
    const own = known(subject.terms)
    // "Lockers are free for the day. If you want one by the month, it's ¥1,100.": a sentence that
    // names nothing the knowledge knows is about what the sentence before it named.
    // So is an amount whose words name nothing the knowledge gives such an amount for ("12 spaces at ¥1,500": `space` has no price).
    const elsewhere = own.size === 0 || namesOnlyItsKind(claim, own) || namesNoItemOfItsKind(index, claim.type, own) || namesOnlyTheWay(claim.type, own)
    const previous = at > 0 && elsewhere ? known(subjectTerms(sentences[at - 1]?.text ?? '', index.vocabulary)) : new Set<string>()
    const carried = new Set([...own, ...previous])
    const settled = carried.size > 0 && !namesOnlyItsKind(claim, carried) && !namesNoItemOfItsKind(index, claim.type, carried) && !namesOnlyTheWay(claim.type, carried)
    const terms = settled ? carried : new Set([...carried, ...known(callerTerms)])
    // "A coffee is three fifty": a time in words that is a price the knowledge states is that price.
    const check =
      checkPriceSaidAsTime(claim, text, input.response, (price) => verifyClaim(price, terms, subject.window, sources, sentences[at]?.text ?? subject.window, amountSlot(text, price, claims))) ??
      verifyClaim(claim, terms, subject.window, sources, sentences[at]?.text ?? subject.window, claim.type === 'price' ? amountSlot(text, claim, claims) : undefined)
    // "¥38,000 plus the ¥8,000 surcharge comes to ¥46,000", "4,400 more than a sedan": worked out from stated amounts.
    const derived = check.status === 'contradicted' || check.status === 'unsupported' ? derivedAmount(claim, sentences[at]?.text ?? '', claims, counts, index, terms) : undefined
    checks.push(derived ? { ...check, status: 'supported', supported: true, evidence: derived } : check)
  }
  checks.push(...personDays.extra, ...checkPersonRoles(text, claims, sentences, index, contextJoined, lastCaller))
  const statements = checkStatements(text, claims, index, toolJoined, sentences, lastCaller)
  checks.push(...statements.checks)
  const unsettled = [...statements.unsettled]
  if (!index.structured) {
    const answer = checkFreeTextAnswer(text, claims, index, contextJoined)
    if (answer) checks.push(answer)
    if (answer?.status === 'unsettled' && unsettled.length === 0) unsettled.push(input.response)
  }
  const strict = input.strict ?? false
  const counted = strict ? checks : checks.filter((check) => check.status !== 'unsettled')
  const supported = counted.filter((check) => check.supported).length
  return {
    hallucinated: checks.some((check) => check.status === 'contradicted' || check.status === 'unsupported' || (strict && check.status === 'unsettled')),
    score: counted.length === 0 ? 1 : supported / counted.length,
    claims: checks,
    unsettled,
  }
}
