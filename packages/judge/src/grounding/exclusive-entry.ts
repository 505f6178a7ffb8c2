import { extractClaims } from '../claims/extract-claims.ts'
import { hasJapanese, normalizeText } from '../internal/normalize-text.ts'
import type { KnowledgeEntry } from '../knowledge/knowledge-index.ts'
import { broaderTerms, namesTerm } from './broader-terms.ts'
import { entryStatementTerms, statementTerms, type Clause } from './statement-clauses.ts'
import type { ResolvedVocabulary } from './subject-terms.ts'
import { tagWords } from './tag-words.ts'

/**
 * Exclusive focus in a knowledge line ("Payment: cash only", "Reservations by phone only",
 * 「現金のみ」, 「土日だけ」, 「会員に限り」): what it lists is all there is (the exhaustive reading of
 * focus particles). "Not only" and 「だけど」 are no restriction.
 */
const EXCLUSIVE = /(?<!\bnot\s)\b(?:only|exclusively|solely)\b|のみ|(?<![たけ])だけ(?!ど)|に限り|に限ら|限定/iu

const restrictingCache = new WeakMap<readonly KnowledgeEntry[], boolean>()

/** Whether any entry states an exclusive restriction (read once per knowledge index): most knowledge has none, and then no answer is looked at. */
export function hasExclusiveEntry(entries: readonly KnowledgeEntry[]): boolean {
  let found = restrictingCache.get(entries)
  if (found === undefined) {
    found = entries.some((entry) => EXCLUSIVE.test(entry.normalizedSentence))
    restrictingCache.set(entries, found)
  }
  return found
}

/** The days (0 Sunday … 6 Saturday, 7 holidays) a day term asked about names. */
const DAYS_OF_TERM: ReadonlyMap<string, readonly number[]> = new Map([
  ['sunday', [0]],
  ['monday', [1]],
  ['tuesday', [2]],
  ['wednesday', [3]],
  ['thursday', [4]],
  ['friday', [5]],
  ['saturday', [6]],
  ['holiday', [7]],
  ['weekend', [6, 0]],
  ['weekday', [1, 2, 3, 4, 5]],
])

/** Times of day and days: what narrows a question ("early in the morning", "on Sundays"), never an alternative of a thing. */
const TIME_TERMS: ReadonlySet<string> = new Set([...DAYS_OF_TERM.keys(), 'early', 'late', 'morn', 'morning', 'afternoon', 'evening', 'night', 'today', 'tonight', 'tomorrow'])

const ASCII = /^[\x20-\x7e]*$/u

/** A term found in the entry's words by its first letters ("reserve" in "reservations", "deliver" in "delivery"). */
function inWords(term: string, sentence: string): boolean {
  return sentence.includes(term.length > 5 ? term.slice(0, term.length - 2) : term)
}

/**
 * The days a line states ("Saturdays and Sundays only", "Mon-Sat only", 「平日のみ」), read from its
 * sentence (a line's entries split its values among them, and the one a question matched may hold
 * none), and whether it restricts them with "only" (the weekday reader marks it).
 */
function weekdaysOf(sentence: string): { days: Set<number>; only: boolean } {
  const days = new Set<number>()
  let only = false
  for (const claim of extractClaims(sentence)) {
    if (claim.value.kind !== 'weekday' || claim.value.negated === true) continue
    for (const day of claim.value.days) days.add(day)
    if (claim.value.only !== undefined) only = true
  }
  return { days, only }
}

/**
 * "Only" after days or times ("Saturdays only", "weekdays 10:00-17:00 only", 「土日のみ」) restricts
 * a schedule: its alternatives are other days, not things.
 */
const SCHEDULE_FOCUS = /(?:\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?|\bweekdays?|\bweekends?|\bholidays?|\bdays?|\d{1,2}:\d{2}|曜日?|平日|土日|週末|祝日?|\d時)[\s,()\d:-]*(?:only\b|のみ|だけ|限定)|\bonly\s+(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun|weekday|weekend|holiday)/iu

/**
 * Whether a term the question asks about is an alternative the restriction leaves out: for a
 * schedule restriction, a day outside the days it states ("Daytime members: weekdays only" — "on
 * Saturday?"); else a thing the knowledge never names (`isAlternative`; days and times of day
 * narrow a question, they name no thing).
 */
function leftOut(term: string, schedule: boolean, days: ReadonlySet<number>, isAlternative: (term: string) => boolean): boolean {
  const asked = DAYS_OF_TERM.get(term)
  if (schedule) return asked !== undefined && (days.size === 0 || asked.some((day) => !days.has(day)))
  return !TIME_TERMS.has(term) && isAlternative(term)
}

/**
 * The entry a "yes" contradicts when the knowledge restricts the thing asked about to what it
 * lists: "Can I pay by PayPay?" — "Sure!" against "Payment: cash only", "Can I book online?" —
 * "Yes" against "Reservations by phone only", "Can daytime members come on Saturday?" — "Yes"
 * against "Daytime membership: weekdays only". The clause (what the yes affirms) must share a
 * term with a candidate entry that states an exclusive restriction (EXCLUSIVE) and name a term
 * that entry never names, in its terms or its words, and that is an alternative of what it lists
 * (see leftOut): PayPay is not cash. A Japanese run the vocabulary does not read (「男湯」) may
 * name anything: it is none. Undefined when every term of the clause is named (a yes to "Can I
 * pay cash?"), the clause denies, or no candidate restricts.
 */
export function deniedByExclusiveEntry(
  clause: Clause,
  candidates: readonly KnowledgeEntry[],
  vocabulary: ResolvedVocabulary,
  isAlternative: (term: string) => boolean,
): KnowledgeEntry | undefined {
  if (clause.polarity !== 'positive') return undefined
  const broader = broaderTerms(vocabulary)
  for (const entry of candidates) {
    const sentence = normalizeText(entry.sentence)
    if (!EXCLUSIVE.test(sentence)) continue
    const named = entryStatementTerms(entry, vocabulary)
    const stated = weekdaysOf(entry.sentence)
    const schedule = stated.only || SCHEDULE_FOCUS.test(sentence)
    const days = stated.days
    const names = (term: string): boolean => namesTerm(named, term, broader) || named.has(broader.broader.get(term) ?? '') || inWords(term, sentence)
    // What the yes affirms must be about what the line restricts (share a term it names) and ask for something it leaves out.
    if (![...clause.said].some(names)) continue
    if ([...clause.said].some((term) => (ASCII.test(term) || vocabulary.canonicals.has(term)) && !names(term) && leftOut(term, schedule, days, isAlternative))) return entry
  }
  return undefined
}

/** Parts of speech of words that name a thing or a way ("PayPay", "a card", "online"): not a verb ("value my apartment") or a preposition ("outside"). */
const THING_PARTS = new Set(['NOUN', 'PROPN', 'ADJ', 'ADV'])

/**
 * The terms of the things an English question names, read by part of speech (wink-nlp): "Can I
 * pay by PayPay?" → paypay ("pay" is a verb); a Japanese question's terms are all read (the
 * vocabulary reads its nouns).
 *
 * @example
 * namedThings('Can you value my apartment?', vocabulary) // {apartment}
 */
export function namedThings(question: string, vocabulary: ResolvedVocabulary): Set<string> {
  if (hasJapanese(question)) return statementTerms(question, vocabulary)
  const things = new Set<string>()
  for (const word of tagWords(question)) if (THING_PARTS.has(word.partOfSpeech)) for (const term of statementTerms(word.value, vocabulary)) things.add(term)
  return things
}
