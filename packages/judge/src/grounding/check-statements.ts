import type { Claim } from '../claims/claim.ts'
import { inOtherScript } from '../internal/normalize-text.ts'
import type { KnowledgeEntry, KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import { splitSentences } from '../knowledge/knowledge-index.ts'
import type { ClaimCheck } from './claim-check.ts'
import { dialogueActOf, withoutCourtesy } from './dialogue-act.ts'
import { POLARITY_WORDS, statementPolarity } from './statement-polarity.ts'
import { subjectTerms, type ResolvedVocabulary } from './subject-terms.ts'
import { TOOL_REPORT } from './verify-claim.ts'

/** Saying the business offers, has, sells or accepts something (EN/JA). */
const OFFER = /\b(?:we|they|the (?:clinic|shop|store|gym|hotel|office|salon|restaurant|bakery))\s+(?:also\s+|now\s+|do\s+)?(?:offer|provide|have|sell|carry|accept|take|do|run|hold|host|serve|rent)\b|\b(?:is|are)\s+(?:also\s+)?(?:available|offered|provided|accepted|included)\b|(?:を)?(?:取り扱って|扱って|提供して|行って|実施して|受け付けて)(?:おります|います)|(?:が|も)(?:ございます|あります|できます|可能です|ご利用いただけます)/iu

/** Share of a statement's subject terms an entry must share to be what it is about. */
const MIN_MATCH_RATIO = 0.5
/** Share of all a statement names (known to the knowledge or not) an entry must share ("a lovely view of the park" is not about parking). */
const MIN_SAID_RATIO = 1 / 3
/** Share above which a same-polarity match supports the statement (below it, the entry only relates to it: unsettled). */
const MIN_SUPPORT_RATIO = 0.6

/** A statement's subject terms without the words that only carry its polarity or verb. */
export function statementTerms(sentence: string, vocabulary: ResolvedVocabulary): Set<string> {
  const terms = subjectTerms(withoutCourtesy(sentence), vocabulary)
  for (const term of terms) if (POLARITY_WORDS.has(term)) terms.delete(term)
  return terms
}

/** The entry sharing most of the terms (ties: the one with fewest terms of its own the statement does not name). */
export function bestEntry(terms: Set<string>, entries: readonly KnowledgeEntry[]): { entry: KnowledgeEntry; shared: number } | undefined {
  let best: { entry: KnowledgeEntry; shared: number; extra: number } | undefined
  for (const entry of entries) {
    let shared = 0
    for (const term of terms) if (entry.terms.has(term)) shared += 1
    if (shared === 0) continue
    const extra = entry.terms.size - shared
    if (!best || shared > best.shared || (shared === best.shared && extra < best.extra)) best = { entry, shared, extra }
  }
  return best
}

/** Clause boundaries: punctuation, and conjunctions that start another statement. */
const CLAUSE_BREAK = /[,;()、。]|\s[-–—]\s|\b(?:but|however|although|though|while|whereas|except)\b|が、|けど|けれど/iu

interface Clause {
  terms: Set<string>
  polarity: ReturnType<typeof statementPolarity>
}

/** A sentence's clauses (quoted titles left out) with their subject terms and polarity. */
function clausesOf(sentence: string, vocabulary: ResolvedVocabulary): Clause[] {
  const unquoted = sentence.replace(/"[^"]*(?:"|$)|“[^”]*(?:”|$)|「[^」]*(?:」|$)|『[^』]*(?:』|$)/gu, ' ')
  return unquoted
    .split(CLAUSE_BREAK)
    .filter((clause) => clause.trim() !== '')
    .map((clause) => ({ terms: statementTerms(clause, vocabulary), polarity: statementPolarity(clause) }))
}

function sharedCount(left: Set<string>, right: Set<string>): number {
  let shared = 0
  for (const term of left) if (right.has(term)) shared += 1
  return shared
}

/**
 * Whether the reply says the opposite of the entry about the same thing: each reply clause that
 * names a shared term is compared with the entry clause sharing most terms with it ("pets aren't
 * allowed, though assistance dogs are welcome" against "Pets are not allowed; assistance dogs are
 * welcome" agrees clause by clause; "…director best known for 'Rebel Without a Cause'" does not
 * deny being a director).
 */
function oppositePolarity(sentence: string, entrySentence: string, shared: Set<string>, vocabulary: ResolvedVocabulary): boolean {
  const entryClauses = clausesOf(entrySentence, vocabulary)
  for (const clause of clausesOf(sentence, vocabulary)) {
    if (sharedCount(clause.terms, shared) === 0) continue
    let best: Clause | undefined
    let bestShared = 0
    for (const other of entryClauses) {
      const count = sharedCount(clause.terms, other.terms)
      if (count > bestShared) {
        best = other
        bestShared = count
      }
    }
    if (best && best.polarity !== clause.polarity) return true
  }
  return false
}

function statementCheck(text: string, status: ClaimCheck['status'], entry?: KnowledgeEntry, source: 'knowledge' | 'tool' = 'knowledge'): ClaimCheck {
  const evidence = entry ? { source, path: entry.path, value: entry.value } : source === 'tool' ? { source } : undefined
  return { text, type: 'statement', status, supported: status === 'supported', ...(evidence ? { evidence } : {}), checkedBy: 'rules' }
}

/**
 * Statements without values (policies, offers, what is allowed or available): each reply
 * sentence that is not a dialogue act (greeting, offer to help, "let me check", question,
 * hand-off, acknowledgement, closing, apology) and states no value is matched to the
 * knowledge entry sharing most of its subject terms (at least half; words that only carry
 * polarity — offered, accepted, covered, allowed, available — do not count). Opposite
 * polarity contradicts ("Pets are welcome" against "No pets."; "ホワイトニングは保険の対象です"
 * against "…対象外です"); the same polarity supports when most terms are shared. What no
 * entry settles is `unsettled`, except a report of what a tool did: a tool call that names
 * the same subject ("you are booked" after `book_appointment`) supports it, and with no such
 * call it is `unsupported`.
 */
export function checkStatements(text: string, claims: Claim[], index: KnowledgeIndex, toolText = ''): { checks: ClaimCheck[]; unsettled: string[] } {
  const toolTerms = toolText === '' ? new Set<string>() : subjectTerms(toolText.replace(/[_{}":,]/gu, ' '), index.vocabulary)
  const checks: ClaimCheck[] = []
  const unsettled: string[] = []
  let cursor = 0
  for (const sentence of splitSentences(text)) {
    const position = text.indexOf(sentence, cursor)
    cursor = position < 0 ? cursor : position + sentence.length
    const from = position < 0 ? 0 : position
    if (dialogueActOf(sentence)) continue
    const hasValueClaim = claims.some((claim) => claim.type !== 'name' && claim.start >= from && claim.start < from + sentence.length)
    if (hasValueClaim) continue
    const said = statementTerms(sentence, index.vocabulary)
    if (said.size === 0) continue
    // Words the knowledge never uses ("small dogs", "on the fifth floor") cannot relate a statement to an entry.
    const terms = new Set([...said].filter((term) => index.knownTerms.has(term)))
    if (TOOL_REPORT.test(sentence)) {
      // "You are booked": a report of what a tool did is backed by a tool call that names the
      // same subject (book_appointment), and by nothing else.
      const backed = [...said].some((term) => toolTerms.has(term))
      checks.push(backed ? statementCheck(sentence, 'supported', undefined, 'tool') : statementCheck(sentence, 'unsupported'))
      continue
    }
    const best = terms.size === 0 ? undefined : bestEntry(terms, index.entries)
    if (best && best.shared >= Math.max(1, Math.ceil(terms.size * MIN_MATCH_RATIO)) && best.shared / said.size >= MIN_SAID_RATIO) {
      const shared = new Set([...terms].filter((term) => best.entry.terms.has(term)))
      if (oppositePolarity(sentence, best.entry.sentence, shared, index.vocabulary)) {
        checks.push(statementCheck(sentence, 'contradicted', best.entry))
        continue
      }
      // Supported when most of what it names is in the entry and nothing it names is unknown to the knowledge.
      if (best.shared / terms.size >= MIN_SUPPORT_RATIO && said.size === terms.size) {
        checks.push(statementCheck(sentence, 'supported', best.entry))
        continue
      }
    }
    if (!best && OFFER.test(sentence) && statementPolarity(sentence) === 'positive' && !inOtherScript(sentence, index.haystack)) {
      // "We offer whitening" when nothing in the knowledge (in the reply's language) names whitening: an invented service.
      checks.push(statementCheck(sentence, 'unsupported'))
      continue
    }
    unsettled.push(sentence)
    checks.push(statementCheck(sentence, 'unsettled', best && best.shared > 0 ? best.entry : undefined))
  }
  return { checks, unsettled }
}
