import type { Claim } from '../claims/claim.ts'
import { inOtherScript, normalizeText } from '../internal/normalize-text.ts'
import type { KnowledgeEntry, KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import { splitSentences } from '../knowledge/knowledge-index.ts'
import { answeredQuestion } from './answer-to-question.ts'
import type { ClaimCheck } from './claim-check.ts'
import { checkInclusion } from './check-inclusion.ts'
import { deniedByExclusiveEntry, hasExclusiveEntry, namedThings } from './exclusive-entry.ts'
import { overstates } from './check-universal.ts'
import { dialogueActOf, type DialogueAct } from './dialogue-act.ts'
import { broaderTerms, namesTerm } from './broader-terms.ts'
import { clauseRelation, clausesOf, entryClauses, entryStatementTerms, statementTerms, type Clause } from './statement-clauses.ts'
import { statementPolarity } from './statement-polarity.ts'
import { subjectTerms } from './subject-terms.ts'
import { unknownPlace } from './unknown-place.ts'
import { valuesAgree } from './values-agree.ts'
import { TOOL_REPORT } from './verify-claim.ts'

export { statementTerms } from './statement-clauses.ts'

/** Saying the business offers, has, sells or accepts something (EN/JA). */
const OFFER = /\b(?:we|they|the (?:clinic|shop|store|gym|hotel|office|salon|restaurant|bakery))\s+(?:also\s+|now\s+|do\s+)?(?:offer|provide|have|sell|carry|accept|take|do|run|hold|host|serve|rent)\b|\b(?:is|are)\s+(?:also\s+)?(?:available|offered|provided|accepted|included)\b|(?:を)?(?:取り扱って|扱って|提供して|行って|実施して|受け付けて)(?:おります|います)|(?:が|も)(?:ございます|あります|できます|可能です|ご利用いただけます)/iu

/** "It can be reserved", "can't be booked", "must be cancelled": a rule about bookings, not a report of one. */
const MODAL = /\b(?:can|cannot|could|may|might|must|should|need|needs|has to|have to|able)\b|n't\b/iu

/** Value claims about opening hours and schedules. */
const SCHEDULE_CLAIMS: ReadonlySet<Claim['type']> = new Set(['time', 'time-range', 'weekday', 'date', 'duration'])

/** Dialogue acts a reply may open with before it answers ("Great question! Yes, …"). */
const OPENING_ACTS: ReadonlySet<DialogueAct> = new Set(['greeting', 'acknowledgement', 'let-me-check', 'apology'])

/** Share of a statement's subject terms an entry must share to be what it is about. */
const MIN_MATCH_RATIO = 0.5
/** Share of all a statement names (known to the knowledge or not) an entry must share ("a lovely view of the park" is not about parking). */
const MIN_SAID_RATIO = 1 / 3
/** Share above which a same-polarity match supports the statement (below it, the entry only relates to it: unsettled). */
const MIN_SUPPORT_RATIO = 0.6

/**
 * Each term's entries (their positions in the index) and every term an entry names itself,
 * built once per knowledge index: a statement is scored only against entries that share a
 * term. An entry that names a narrower term ("dogs") is listed under the broader one too.
 */
interface Postings {
  byTerm: Map<string, number[]>
  named: Set<string>
  /** Terms of the entries' negative clauses ("No parking" → parking): what a sentence with values may be checked against. */
  denied: Set<string>
}

const postingsCache = new WeakMap<KnowledgeIndex, Postings>()

function postings(index: KnowledgeIndex): Postings {
  let built = postingsCache.get(index)
  if (!built) {
    const byTerm = new Map<string, number[]>()
    const named = new Set<string>(index.knownTerms)
    const denied = new Set<string>()
    const { broader } = broaderTerms(index.vocabulary)
    index.entries.forEach((entry, position) => {
      for (const clause of entryClauses(entry, index.vocabulary)) if (clause.polarity === 'negative') for (const term of clause.said) denied.add(term)
      for (const term of entryStatementTerms(entry, index.vocabulary)) {
        named.add(term)
        for (const name of [term, broader.get(term)]) {
          if (name === undefined) continue
          const list = byTerm.get(name)
          if (list === undefined) byTerm.set(name, [position])
          else if (list.at(-1) !== position) list.push(position)
        }
      }
    })
    built = { byTerm, named, denied }
    postingsCache.set(index, built)
  }
  return built
}

/**
 * The entry sharing most of the terms (ties: the one with fewest terms of its own the statement
 * does not name; then the first), and the others that share as many (`rivals`): when they say
 * the opposite of each other the statement is ambiguous.
 */
export function bestEntry(terms: Set<string>, index: KnowledgeIndex): { entry: KnowledgeEntry; shared: number; rivals: KnowledgeEntry[] } | undefined {
  const { byTerm } = postings(index)
  const broader = broaderTerms(index.vocabulary)
  const positions = new Set<number>()
  for (const term of terms) for (const position of byTerm.get(term) ?? []) positions.add(position)
  let best: { entry: KnowledgeEntry; shared: number; extra: number; rivals: KnowledgeEntry[] } | undefined
  for (const position of [...positions].sort((left, right) => left - right)) {
    const entry = index.entries[position]
    if (entry === undefined) continue
    const entryTerms = entryStatementTerms(entry, index.vocabulary)
    let shared = 0
    for (const term of terms) if (namesTerm(entryTerms, term, broader)) shared += 1
    const extra = entryTerms.size - shared
    if (!best || shared > best.shared) best = { entry, shared, extra, rivals: [] }
    else if (shared === best.shared && extra < best.extra) best = { entry, shared, extra, rivals: [best.entry, ...best.rivals] }
    else if (shared === best.shared) best.rivals.push(entry)
  }
  return best
}

/** The terms of `said` the knowledge names; a term it never names counts as its broader term when the knowledge names that itself ("dog" → "pet" against "No pets"; not against "We groom dogs and cats"). */
function knownTerms(said: Set<string>, index: KnowledgeIndex): Set<string> {
  const { broader } = broaderTerms(index.vocabulary)
  const { named } = postings(index)
  const known = new Set<string>()
  for (const term of said) {
    const wider = broader.get(term)
    if (named.has(term)) known.add(term)
    else if (wider !== undefined && named.has(wider)) known.add(wider)
  }
  return known
}

const deniedSurfaceCache = new WeakMap<KnowledgeIndex, string[]>()

/** Words and phrases that may name a denied term (its vocabulary words, stems cut to a prefix; narrower terms' too): a cheap first look. */
function deniedSurfaces(index: KnowledgeIndex): string[] {
  let surfaces = deniedSurfaceCache.get(index)
  if (!surfaces) {
    const { denied } = postings(index)
    const { broader } = broaderTerms(index.vocabulary)
    const names = (canonical: string): boolean => denied.has(canonical) || denied.has(broader.get(canonical) ?? '')
    const found = new Set<string>()
    for (const term of denied) found.add(term.length > 4 ? term.slice(0, -1) : term)
    for (const [word, canonical] of index.vocabulary.words) if (names(canonical)) found.add(word.length > 4 ? word.slice(0, -1) : word)
    for (const [phrase, canonical] of index.vocabulary.terms) if (names(canonical)) found.add(phrase)
    for (const [narrower, wider] of broader) if (denied.has(wider)) found.add(narrower)
    surfaces = [...found]
    deniedSurfaceCache.set(index, surfaces)
  }
  return surfaces
}

/** Whether a sentence names anything an entry denies (a look at its words, then one read of its terms, before its clauses are read). */
function namesDenied(sentence: string, index: KnowledgeIndex): boolean {
  const { denied } = postings(index)
  if (denied.size === 0) return false
  const text = normalizeText(sentence)
  if (!deniedSurfaces(index).some((surface) => text.includes(surface))) return false
  for (const term of knownTerms(statementTerms(sentence, index.vocabulary), index)) if (denied.has(term)) return true
  return false
}

/** The entry a sentence is about when it says "any" or "all" of a kind that entry names only some of (see overstates). */
function overstatedEntry(sentence: string, index: KnowledgeIndex): KnowledgeEntry | undefined {
  // Only a business's knowledge lists all it has (a closed world); prose names examples.
  if (!closedWorld(index) || !MAYBE_UNIVERSAL.test(sentence) || statementPolarity(sentence) === 'negative') return undefined
  const said = statementTerms(sentence, index.vocabulary)
  const terms = knownTerms(said, index)
  const best = terms.size === 0 ? undefined : bestEntry(terms, index)
  if (!best || best.shared < Math.max(1, Math.ceil(terms.size * MIN_MATCH_RATIO)) || best.shared / said.size < MIN_SAID_RATIO) return undefined
  return [best.entry, ...best.rivals].find((entry) => overstates(sentence, entry, index.vocabulary))
}

/** A cheap first look for "any", "all", "every", 「すべて」, 「どの」 before overstatedEntry reads the sentence. */
const MAYBE_UNIVERSAL = /\b(?:any|all|every)\b|すべて|全て|全部|あらゆる|どの/iu

/** Lines of free text from which knowledge is a fact sheet (what it does not list, the business does not offer) rather than prose. */
const FACT_SHEET_LINES = 3

function closedWorld(index: KnowledgeIndex): boolean {
  return index.structured || index.lines >= FACT_SHEET_LINES
}

type ClauseVerdict = { status: 'contradicted' | 'ambiguous'; entry: KnowledgeEntry } | undefined

/**
 * A clause against the entries it is about (those sharing most of its known terms, at least
 * half of them and a third of all it names): `contradicted` when one says the opposite and none
 * sharing the same words agrees ("国民健康保険がご利用いただけます" shares only 保険 with "Whitening is not
 * covered by insurance" and "national health insurance: accepted" alike: `ambiguous`). With
 * `whole`, the clause must name only words the knowledge knows and one entry must name them all
 * (a "no" to "do you rent out restaurant spaces?" denies the part the knowledge lacks).
 */
function clauseVerdict(clause: Clause, index: KnowledgeIndex, whole = false, entryWhole = false): ClauseVerdict {
  const terms = knownTerms(clause.said, index)
  if (terms.size === 0 || (whole && terms.size < clause.said.size)) return undefined
  const best = bestEntry(terms, index)
  if (!best || best.shared < Math.max(1, Math.ceil(terms.size * (whole ? 1 : MIN_MATCH_RATIO))) || best.shared / clause.said.size < MIN_SAID_RATIO) return undefined
  const sharedWith = (entry: KnowledgeEntry): Set<string> => new Set([...terms].filter((term) => namesTerm(entryStatementTerms(entry, index.vocabulary), term, broaderTerms(index.vocabulary))))
  const sameWords = (left: Set<string>, right: Set<string>): boolean => left.size === right.size && [...left].every((term) => right.has(term))
  const tied = [best.entry, ...best.rivals].map((entry) => ({ entry, shared: sharedWith(entry), relation: clauseRelation(clause, terms, entry, index.vocabulary, closedWorld(index), entryWhole) }))
  const opposing = tied.filter((item) => item.relation === 'opposite')
  const contradiction = opposing.find((item) => !tied.some((other) => other.relation !== 'opposite' && other.relation !== undefined && sameWords(other.shared, item.shared)))
  if (contradiction) return { status: 'contradicted', entry: contradiction.entry }
  return opposing.length > 0 || tied.some((item) => item.relation === 'ambiguous') ? { status: 'ambiguous', entry: opposing[0]?.entry ?? best.entry } : undefined
}

/**
 * The first contradicted clause, else the first ambiguous one; a negative answer to the caller's
 * question (`answer`) must match whole; with `entryWhole`, the clauses must name the whole entry
 * clause they oppose (see clauseRelation).
 */
function clausesVerdict(clauses: readonly Clause[], index: KnowledgeIndex, answer?: Clause, entryWhole = false): ClauseVerdict {
  let ambiguous: ClauseVerdict
  for (const clause of answer ? [answer, ...clauses] : clauses) {
    const verdict = clauseVerdict(clause, index, clause === answer && clause.polarity === 'negative', clause !== answer && entryWhole)
    if (verdict?.status === 'contradicted') return verdict
    ambiguous ??= verdict
  }
  return ambiguous
}

/** The entry that restricts what a yes affirms to something else (see deniedByExclusiveEntry): among those sharing most of its known terms. */
function exclusiveVerdict(clause: Clause, index: KnowledgeIndex, callerSaid: string | undefined): KnowledgeEntry | undefined {
  if (clause.polarity !== 'positive' || !hasExclusiveEntry(index.entries)) return undefined
  const terms = knownTerms(clause.said, index)
  const best = terms.size === 0 ? undefined : bestEntry(terms, index)
  if (!best || best.shared < Math.max(1, Math.ceil(terms.size * MIN_MATCH_RATIO))) return undefined
  // The alternative asked about is a thing (PayPay, a card: not "value my apartment", "pet-friendly") the knowledge never names (named elsewhere, it may be another entry's).
  let things: Set<string> | undefined
  const isAlternative = (term: string): boolean => !postings(index).named.has(term) && !index.haystack.includes(term) && (things ??= namedThings(callerSaid ?? '', index.vocabulary)).has(term)
  return deniedByExclusiveEntry(clause, [best.entry, ...best.rivals], index.vocabulary, isAlternative)
}

/** Value kinds specific enough to single out what they belong to: a price (not "free"), a count. */
const SPECIFIC_VALUES: ReadonlySet<Claim['type']> = new Set(['price', 'count'])

/**
 * Whether the reply states, between `from` and `to`, a price or a count the knowledge holds:
 * 「はい、オープンカーは1日15,400円です」 to 「オープンカーはありますか」 against "convertible ¥15,400"
 * names, in words the knowledge does not use, what that price belongs to; it is no invented offer.
 */
function statesAKnownValue(claims: readonly Claim[], from: number, to: number, index: KnowledgeIndex): boolean {
  return claims.some(
    (claim) =>
      SPECIFIC_VALUES.has(claim.type) &&
      claim.start >= from &&
      claim.start < to &&
      !(claim.value.kind === 'money' && claim.value.amount === 0) &&
      index.entries.some((entry) => entry.claims.some((known) => known.type === claim.type && valuesAgree(claim.value, known.value) === 'equal')),
  )
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
 * hand-off, acknowledgement, closing, apology) and states no value is read clause by clause;
 * each clause is matched to the knowledge entry sharing most of its subject terms (at least
 * half; words that only carry polarity — offered, accepted, covered, allowed, available — do
 * not count) and compared with that entry's closest clause. Opposite polarity contradicts
 * ("Pets are welcome" against "No pets."; "ホワイトニングは保険の対象です" against "…対象外です");
 * the same polarity supports when most terms are shared. A sentence that answers the caller's
 * yes/no question ("Can I bring my dog?" — "Yes, …") also asserts the question's subject with
 * the answer's polarity, even when the rest of it is a dialogue act or states values; a yes to
 * "do you have X?" where the knowledge never names X is `unsupported` (an invented offer). In a
 * sentence that states values (checked as claims) or is a dialogue act, only a contradiction
 * counts. What no entry settles is `unsettled`, except a report of what a tool did: a tool call
 * that names the same subject ("you are booked" after `book_appointment`) supports it, and with
 * no such call it is `unsupported`.
 */
export function checkStatements(
  text: string,
  claims: Claim[],
  index: KnowledgeIndex,
  toolText = '',
  read: ReadonlyArray<ReplySentence> = readSentences(text),
  callerSaid?: string,
): { checks: ClaimCheck[]; unsettled: string[] } {
  // Only a report of what a tool did is compared with the tool data's words: they are read for the first one.
  let toolTerms: Set<string> | undefined
  const toolNames = (term: string): boolean => (toolTerms ??= toolText === '' ? new Set<string>() : subjectTerms(toolText.replace(/[_{}":,]/gu, ' '), index.vocabulary)).has(term)
  const checks: ClaimCheck[] = []
  const unsettled: string[] = []
  let answered = false
  for (const [number, { text: sentence, start: from, act }] of read.entries()) {
    // A reply that stops mid-sentence ("…We are closed on", cut by an outage or a barge-in) states nothing in its last words.
    if (number === read.length - 1 && number > 0 && !/[.!?。！？」』)\]]\s*$/u.test(sentence)) continue
    // The caller's yes/no question is answered at the start of the reply: by its first sentence that is more than a greeting, an acknowledgement or "let me check".
    const answer = answered ? undefined : answeredQuestion(callerSaid, sentence, index.vocabulary)
    if (act === undefined || !OPENING_ACTS.has(act)) answered = true
    // A yes to what the knowledge restricts to something else ("PayPay?" — "Sure!" against "cash only").
    const restricted = answer === undefined ? undefined : exclusiveVerdict(answer.clause, index, callerSaid)
    if (restricted) {
      checks.push(statementCheck(sentence, 'contradicted', restricted))
      continue
    }
    const invented = answer !== undefined && answer.asksExistence && answer.clause.polarity === 'positive' && knownTerms(answer.clause.said, index).size === 0 && !inOtherScript(sentence, index.haystack)
    const hasValueClaim = claims.some((claim) => claim.type !== 'name' && claim.start >= from && claim.start < from + sentence.length)
    const inclusion = act ? undefined : checkInclusion(sentence, index, (said) => knownTerms(said, index))
    if (inclusion) {
      checks.push(statementCheck(sentence, inclusion.status, inclusion.entry))
      continue
    }
    const overstated = act ? undefined : overstatedEntry(sentence, index)
    if (overstated) {
      checks.push(statementCheck(sentence, 'unsupported', overstated))
      continue
    }
    if (act || hasValueClaim) {
      // Its own words are a dialogue act or checked as value claims; its yes or no still answers
      // the question, and what it affirms may still be what the knowledge denies ("5 parking spaces" against "No parking").
      // Hours, days and dates are the values' to check.
      const scheduled = claims.some((claim) => SCHEDULE_CLAIMS.has(claim.type) && claim.start >= from && claim.start < from + sentence.length)
      const affirmed = act || scheduled || !namesDenied(sentence, index) ? [] : clausesOf(sentence, index.vocabulary).filter((clause) => clause.polarity === 'positive')
      if (!answer && affirmed.length === 0) continue
      const verdict = clausesVerdict(affirmed, index, answer?.clause, true)
      if (verdict?.status === 'contradicted') checks.push(statementCheck(sentence, 'contradicted', verdict.entry))
      else if (invented && !statesAKnownValue(claims, from, from + sentence.length, index)) checks.push(statementCheck(sentence, 'unsupported'))
      continue
    }
    const said = statementTerms(sentence, index.vocabulary)
    if (said.size === 0 && !answer) continue
    // Words the knowledge never uses ("small dogs", "on the fifth floor") cannot relate a statement to an entry.
    const terms = knownTerms(said, index)
    // Its clauses are read only when it names something the knowledge knows.
    const clauses = terms.size === 0 ? [] : clausesOf(sentence, index.vocabulary)
    if (TOOL_REPORT.test(sentence) && !MODAL.test(sentence) && statementPolarity(sentence) === 'positive') {
      // "You are booked": a report of what a tool did is backed by a tool call that names the
      // same subject (book_appointment), and by nothing else.
      const backed = [...said].some(toolNames)
      checks.push(backed ? statementCheck(sentence, 'supported', undefined, 'tool') : statementCheck(sentence, 'unsupported'))
      continue
    }
    const verdict = clausesVerdict(clauses, index, answer?.clause)
    if (verdict?.status === 'contradicted') {
      checks.push(statementCheck(sentence, 'contradicted', verdict.entry))
      continue
    }
    const best = terms.size === 0 ? undefined : bestEntry(terms, index)
    if (best && closedWorld(index) && statementPolarity(sentence) === 'positive' && unknownPlace(sentence, index) !== undefined) {
      // "You can smoke on the rooftop terrace" where the knowledge names only a first-floor terrace: an invented place.
      checks.push(statementCheck(sentence, 'unsupported', verdict?.entry ?? best.entry))
      continue
    }
    if (verdict?.status === 'ambiguous') {
      unsettled.push(sentence)
      checks.push(statementCheck(sentence, 'unsettled', verdict.entry))
      continue
    }
    if (invented) {
      checks.push(statementCheck(sentence, 'unsupported'))
      continue
    }
    // Supported when most of what it names is in the entry and nothing it names is unknown to the knowledge.
    if (best && best.shared >= Math.max(1, Math.ceil(terms.size * MIN_SUPPORT_RATIO)) && best.shared / said.size >= MIN_SAID_RATIO && said.size === terms.size) {
      checks.push(statementCheck(sentence, 'supported', best.entry))
      continue
    }
    if (!best && said.size > 0 && OFFER.test(sentence) && statementPolarity(sentence) === 'positive' && !inOtherScript(sentence, index.haystack)) {
      // "We offer whitening" when nothing in the knowledge (in the reply's language) names whitening: an invented service.
      checks.push(statementCheck(sentence, 'unsupported'))
      continue
    }
    unsettled.push(sentence)
    checks.push(statementCheck(sentence, 'unsettled', best && best.shared > 0 ? best.entry : undefined))
  }
  return { checks, unsettled }
}
