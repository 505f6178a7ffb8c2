import type { Claim } from '../claims/claim.ts'
import { inOtherScript, normalizeText } from '../internal/normalize-text.ts'
import type { KnowledgeEntry, KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import { splitSentences } from '../knowledge/knowledge-index.ts'
import type { ClaimCheck } from './claim-check.ts'
import { dialogueActOf, withoutCourtesy, type DialogueAct } from './dialogue-act.ts'
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

/**
 * The entry sharing most of the terms (ties: the one with fewest terms of its own the statement
 * does not name), and the others that share as many (`rivals`): when they say the opposite of
 * each other the statement is ambiguous.
 */
export function bestEntry(terms: Set<string>, entries: readonly KnowledgeEntry[]): { entry: KnowledgeEntry; shared: number; rivals: KnowledgeEntry[] } | undefined {
  let best: { entry: KnowledgeEntry; shared: number; extra: number; rivals: KnowledgeEntry[] } | undefined
  for (const entry of entries) {
    let shared = 0
    for (const term of terms) if (entry.terms.has(term)) shared += 1
    if (shared === 0) continue
    const extra = entry.terms.size - shared
    if (!best || shared > best.shared) best = { entry, shared, extra, rivals: [] }
    else if (shared === best.shared && extra < best.extra) best = { entry, shared, extra, rivals: [best.entry, ...best.rivals] }
    else if (shared === best.shared) best.rivals.push(entry)
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
  const unquoted = normalizeText(sentence).replace(/"[^"]*(?:"|$)|“[^”]*(?:”|$)|「[^」]*(?:」|$)|『[^』]*(?:』|$)/gu, ' ')
  return unquoted
    .split(CLAUSE_BREAK)
    .filter((clause) => clause.trim() !== '')
    .map((clause) => ({ terms: statementTerms(clause, vocabulary), polarity: statementPolarity(clause) }))
}

/** An entry's clauses, read once per entry (entries live as long as their knowledge index). */
const entryClauseCache = new WeakMap<KnowledgeEntry, Clause[]>()

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
function oppositePolarity(replyClauses: readonly Clause[], entry: KnowledgeEntry, shared: Set<string>, vocabulary: ResolvedVocabulary): boolean {
  let entryClauses = entryClauseCache.get(entry)
  if (!entryClauses) {
    entryClauses = clausesOf(entry.sentence, vocabulary)
    entryClauseCache.set(entry, entryClauses)
  }
  for (const clause of replyClauses) {
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

/** A sentence of the reply with its position in the normalised text and its dialogue act. */
export interface ReplySentence {
  text: string
  start: number
  end: number
  act: DialogueAct | undefined
}

/** The reply's sentences with their span in `text` and dialogue act (read once per reply). */
export function readSentences(text: string): ReplySentence[] {
  const sentences: ReplySentence[] = []
  let cursor = 0
  for (const sentence of splitSentences(text)) {
    const start = text.indexOf(sentence, cursor)
    if (start < 0) continue
    cursor = start + sentence.length
    sentences.push({ text: sentence, start, end: cursor, act: dialogueActOf(sentence) })
  }
  return sentences
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
export function checkStatements(text: string, claims: Claim[], index: KnowledgeIndex, toolText = '', read: ReadonlyArray<ReplySentence> = readSentences(text)): { checks: ClaimCheck[]; unsettled: string[] } {
  const toolTerms = toolText === '' ? new Set<string>() : subjectTerms(toolText.replace(/[_{}":,]/gu, ' '), index.vocabulary)
  const checks: ClaimCheck[] = []
  const unsettled: string[] = []
  for (const [number, { text: sentence, start: from, act }] of read.entries()) {
    // A reply that stops mid-sentence ("…We are closed on", cut by an outage or a barge-in) states nothing in its last words.
    if (number === read.length - 1 && number > 0 && !/[.!?。！？」』)\]]\s*$/u.test(sentence)) continue
    if (act) continue
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
      // Every entry as close as the best is read: one that says the opposite contradicts, unless
      // another sharing the same words agrees ("国民健康保険がご利用いただけます" shares only 保険 with
      // "Whitening is not covered by insurance" and "national health insurance: accepted" alike).
      const sharedWith = (entry: KnowledgeEntry): Set<string> => new Set([...terms].filter((term) => entry.terms.has(term)))
      const sameWords = (left: Set<string>, right: Set<string>): boolean => left.size === right.size && [...left].every((term) => right.has(term))
      const replyClauses = clausesOf(sentence, index.vocabulary)
      const tied = [best.entry, ...best.rivals].map((entry) => ({ entry, shared: sharedWith(entry) })).map((item) => ({ ...item, opposite: oppositePolarity(replyClauses, item.entry, item.shared, index.vocabulary) }))
      const opposing = tied.filter((item) => item.opposite)
      const contradiction = opposing.find((item) => !tied.some((other) => !other.opposite && sameWords(other.shared, item.shared)))
      if (contradiction) {
        checks.push(statementCheck(sentence, 'contradicted', contradiction.entry))
        continue
      }
      if (opposing.length > 0) {
        unsettled.push(sentence)
        checks.push(statementCheck(sentence, 'unsettled', opposing[0]?.entry))
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
