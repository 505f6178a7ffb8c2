import { amountSlot, type AmountSlot } from '../claims/amount-slot.ts'
import { tierNotice } from '../grounding/advance-notice.ts'
import { claimGroup, type Claim } from '../claims/claim.ts'
import { extractNormalizedClaims } from '../claims/extract-claims.ts'
import { normalizeSpokenForms } from '../internal/normalize-spoken-forms.ts'
import { blankRateUnits, claimSubject } from '../grounding/claim-subject.ts'
import { subjectTerms, type ResolvedVocabulary } from '../grounding/subject-terms.ts'

const DAY_TERMS = new Set(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'holiday'])

/** The parts of a knowledge entry a sentence of text knowledge yields (the index adds the derived fields). */
export interface SentenceEntryFields {
  path: string
  value: string
  kind: 'policy' | 'text'
  leafTerms: Set<string>
  parentTerms: Set<string>
  valueTerms: Set<string>
  claims: Claim[]
  sentence: string
  /** A price's tier: the durations and days the line says it with ("Compact for 6 hours: ¥4,400"). */
  slot?: AmountSlot
  /** A share's tier by notice ("from 2 days before 20%" → 2). */
  notice?: number
}

function withoutDays(terms: Set<string>): Set<string> {
  return new Set([...terms].filter((term) => !DAY_TERMS.has(term)))
}

/**
 * Indexes one sentence (a line) of free-text knowledge or a policy like a structured fact:
 * the sentence itself (for statements and polarity), then one entry per value it states,
 * keyed by that value's own subject — the words between the previous value of its kind and
 * it, like a fact's leaf key — under the sentence's head (its words before the first value,
 * like a parent key). "Personal training (45 minutes): ¥6,000" gives a price ¥6,000 and a
 * duration of 45 minutes about "personal training"; "Mon–Fri 9:00–21:00, Sat–Sun
 * 10:00–18:00" gives one range per group of days; a line that gives someone's days and no
 * times ("Coach Sato (yoga and pilates, Mondays and Fridays only)") gives one weekday entry
 * with all those days, about the rest of the line.
 *
 * @example
 * sentenceEntries('text', 'text[0]', 'Personal training (45 minutes): ¥6,000', vocabulary)
 * // [sentence entry, { leafTerms: {personal, training}, claims: [duration 45 min] }, { leafTerms: {personal, training}, claims: [price 6000] }]
 */
export function sentenceEntries(kind: 'policy' | 'text', path: string, sentence: string, vocabulary: ResolvedVocabulary): SentenceEntryFields[] {
  const text = normalizeSpokenForms(sentence)
  const claims = extractNormalizedClaims(text)
  const sentenceTerms = subjectTerms(text, vocabulary)
  const entries: SentenceEntryFields[] = [{ path, value: sentence, kind, leafTerms: new Set(), parentTerms: new Set(), valueTerms: sentenceTerms, claims, sentence }]
  const values = claims.filter((claim) => claim.type !== 'name')
  if (values.length === 0) return entries
  const first = values[0]
  // What a price is counted in ("¥9,800 a month", 1泊) says nothing about what the line is about.
  const subjectText = blankRateUnits(text, values)
  const head = first ? subjectText.slice(0, first.start) : ''
  // "Combination vaccine: dogs ¥8,000, cats ¥6,000": the words before a colon are the topic of every value after it (the
  // first item, "dogs", is not); each value is about the topic and its own words.
  const colon = head.search(/[:：]/u)
  const topic = colon >= 0 ? subjectTerms(head.slice(0, colon), vocabulary) : new Set<string>()
  const headTerms = topic.size > 0 ? topic : subjectTerms(head, vocabulary)
  const weekdays = values.filter((claim) => claim.value.kind === 'weekday')
  const timed = values.some((claim) => claim.type === 'time' || claim.type === 'time-range')
  if (weekdays.length > 0 && !timed) entries.push(...dayOwnerEntries(weekdays, sentenceTerms).map((owner) => ({ path, value: sentence, kind, leafTerms: owner.about, parentTerms: headTerms, valueTerms: sentenceTerms, claims: [owner.claim], sentence })))
  if (values.length === 1 && weekdays.length === 0) {
    const lineTerms = subjectText === text ? sentenceTerms : subjectTerms(subjectText, vocabulary)
    entries.push({ path, value: sentence, kind, leafTerms: withoutDays(lineTerms).size > 0 ? lineTerms : headTerms, parentTerms: headTerms, valueTerms: sentenceTerms, claims: values, sentence, ...slotOf(text, values[0], claims) })
    return kind === 'policy' ? entries.map(asParentLevel) : entries
  }
  for (const claim of values) {
    if (claim.value.kind === 'weekday') continue
    const subject = claimSubject(text, claim, values, vocabulary).terms
    // Amounts only: a time's topic ("Hours:") is its kind, and its days single out its entry.
    if (subject.size > 0 && (claim.type === 'price' || claimGroup(claim.type) === 'number')) for (const term of topic) subject.add(term)
    entries.push({ path, value: sentence, kind, leafTerms: subject.size > 0 ? subject : headTerms, parentTerms: headTerms, valueTerms: sentenceTerms, claims: [claim], sentence, ...slotOf(text, claim, claims) })
  }
  return kind === 'policy' ? entries.map(asParentLevel) : entries
}

/** The slot of a price the line states, the notice of a share ("from 2 days before 20%"); none for other values. */
function slotOf(text: string, claim: Claim | undefined, claims: readonly Claim[]): { slot?: AmountSlot; notice?: number } {
  if (claim?.type === 'price') return { slot: amountSlot(text, claim, claims) }
  if (claim?.value.kind !== 'number' || claim.value.unit !== '%') return {}
  // The tier's words start after the amount before it ("free up to 3 days before; from 2 days before 20%").
  const before = claims.filter((other) => (other.type === 'price' || (other.value.kind === 'number' && other.value.unit === '%')) && other.end <= claim.start).at(-1)
  const notice = tierNotice(text.slice(before?.end ?? 0, claim.start))
  return notice === undefined ? {} : { notice }
}

/**
 * Whose days a line without times gives: one owner with every day the line names, less the days
 * it says are off ("Mr. Sato (weekdays, not on Wednesdays)", "every day except Mondays"), about
 * the line's words.
 */
function dayOwnerEntries(weekdays: Claim[], sentenceTerms: Set<string>): Array<{ about: Set<string>; claim: Claim }> {
  const off = new Set(weekdays.flatMap((claim) => (claim.value.kind === 'weekday' && claim.value.status === 'closed' ? claim.value.days : [])))
  const days = [...new Set(weekdays.flatMap((claim) => (claim.value.kind === 'weekday' && claim.value.status !== 'closed' ? claim.value.days : [])))].filter((day) => !off.has(day))
  const about = withoutDays(sentenceTerms)
  about.delete('hours')
  if (about.size === 0 || days.length === 0) return []
  const span = weekdays.map((claim) => claim.text).join(', ')
  return [{ about, claim: { text: span, type: 'weekday', value: { kind: 'weekday', days, status: 'neutral' }, start: 0, end: 0 } }]
}

/**
 * Beside a knowledge base's facts, a policy sentence's subject is weaker than a fact's key:
 * "The breakfast buffet is 1,800 yen" is about `facts.breakfast.price_yen`, not the policy
 * "Children under 6 eat breakfast for free", so a policy's subjects rank with parent keys.
 */
function asParentLevel(entry: SentenceEntryFields): SentenceEntryFields {
  return entry.leafTerms.size === 0 ? entry : { ...entry, leafTerms: new Set(), parentTerms: new Set([...entry.parentTerms, ...entry.leafTerms]) }
}
