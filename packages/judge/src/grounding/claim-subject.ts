import { claimGroup, type Claim } from '../claims/claim.ts'
import { allMatches } from '../internal/all-matches.ts'
import { subjectTerms, type ResolvedVocabulary } from './subject-terms.ts'

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'holiday']
const SENTENCE_END = /[.!?。！？\n]/gu
/** The unit a price or a count is given per, right after it: "per month", "a night", "each", "per person". */
const RATE_AFTER_VALUE = /^\s*(?:(?:per|a|an|each|every|\/)\s*(?:month|night|person|people|day|hour|week|year|session|visit|class|lesson|piece|head|guest|adult|child|kid|room|car|box|item|litre|liter|rental)s?\b|each\b)/iu
/**
 * The unit a price is given per, right before it: Japanese puts it first (1泊32,000円, 1日5,500円,
 * 月1,100円, お一人様38,000円, 1時間あたり1,100円), English sometimes too ("per night, ¥1,500").
 * A rate unit is what the price is counted in, not what it is about: "料金は1泊32,000円" is about
 * the room named before it, not about `night`.
 */
const RATE_BEFORE_VALUE = /(?:(?:お|御)?(?:1|一)\s?(?:泊|日|時間|晩|名様?|人様?|個|本|回|点|台|箱|枚|杯|斤|室|件|つ|ダース)(?:あたり|当たり|につき|ごと(?:に)?|毎)?(?:で|は|、)?|(?:毎)?月(?:々|額)?|(?:per|a|an|each|every)\s+(?:night|day|hour|month|week|person|guest|adult|child|box|piece|item|visit|session))\s*$/iu
/** Japanese topic marker right after a value (「1時から2時は…」, 「3,000円は…」). */
const TOPIC_AFTER = /^\s*は(?!\s*[、,])/u
/** Words that end a stretch by introducing the value after them: "a management fee of", "the deposit is", 管理費は, 日曜割増の. */
const INTRODUCES_VALUE = /(?:\b(?:of|is|are|costs?|at)|[:：]|(?:は|が|の))\s*$/iu
const LIST_JOINER = /^[\s,、・/]*(?:and|or|&|と|や|及び|および|または|か)?[\s,、・/]*$/iu

/**
 * The text with each price's rate unit (1泊, 月, "per night", "a month", "each") blanked out,
 * positions kept: a knowledge line's subject words, read like a reply's, leave out what a price
 * is counted in ("Regular membership: ¥9,800 a month" is about the regular membership, not `month`).
 */
export function blankRateUnits(text: string, claims: readonly Claim[]): string {
  let blanked = text
  for (const claim of claims) {
    if (claim.type !== 'price') continue
    const before = RATE_BEFORE_VALUE.exec(blanked.slice(Math.max(0, claim.start - 16), claim.start))
    const after = RATE_AFTER_VALUE.exec(blanked.slice(claim.end))
    if (before) blanked = blanked.slice(0, claim.start - before[0].length) + ' '.repeat(before[0].length) + blanked.slice(claim.start)
    if (after) blanked = blanked.slice(0, claim.end) + ' '.repeat(after[0].length) + blanked.slice(claim.end + after[0].length)
  }
  return blanked
}

function sentenceBounds(text: string, start: number, end: number): [number, number] {
  let from = 0
  for (const match of allMatches(SENTENCE_END, text.slice(0, start))) if (!/\d/u.test(text[match.index + 1] ?? '')) from = match.index + 1
  const after = text.slice(end).search(/[!?。！？\n]|\.(?!\d)/u)
  return [from, after < 0 ? text.length : end + after]
}

/** Words that bound a time, not name what it is about: "as late as 11", "by 7 at the latest", 遅くとも. */
const BOUND_IDIOM = /\b(?:as (?:late|early) as|at the (?:latest|earliest)|no (?:later|earlier) than|(?:later|earlier) than)\b|遅くとも|早くとも/iu
const BOUND_IDIOMS = new RegExp(BOUND_IDIOM.source, 'giu')

function termsOf(text: string, claims: Claim[], from: number, to: number, vocabulary: ResolvedVocabulary): Set<string> {
  const stretch = text.slice(from, to)
  const terms = subjectTerms(BOUND_IDIOM.test(stretch) ? stretch.replace(BOUND_IDIOMS, ' ') : stretch, vocabulary)
  for (const claim of claims) {
    if (claim.value.kind === 'weekday' && claim.start >= from && claim.end <= to) for (const day of claim.value.days) terms.add(DAY_NAMES[day] ?? '')
  }
  terms.delete('')
  return terms
}

/**
 * What a claim is about: the subject terms between the previous claim of the same kind
 * (or the sentence start) and the claim; when that stretch names nothing, the stretch up
 * to the next claim of the same kind (or the sentence end). Weekday claims in the stretch
 * add every day they cover ("Monday to Friday" adds five days).
 */
export function claimSubject(text: string, claim: Claim, claims: Claim[], vocabulary: ResolvedVocabulary): { terms: Set<string>; window: string } {
  const [sentenceStart, sentenceEnd] = sentenceBounds(text, claim.start, claim.end)
  const group = claimGroup(claim.type)
  const sameKind = claims.filter((other) => other !== claim && claimGroup(other.type) === group)
  const before = sameKind.filter((other) => other.end <= claim.start && other.end > sentenceStart)
  // A list ("Mondays and Fridays", "月曜と金曜") shares the subject of its first item.
  let position = before.length - 1
  let listStart = claim.start
  while (position >= 0 && LIST_JOINER.test(text.slice(before[position]?.end ?? 0, listStart))) {
    listStart = before[position]?.start ?? listStart
    position -= 1
  }
  const previous = before[position]
  const next = sameKind.find((other) => other.start >= claim.end && other.start < sentenceEnd)
  // "¥9,800 per month, plus a ¥3,000 enrollment fee": the unit after a value is that value's, not the next one's subject.
  const leftFrom = previous ? previous.end + (RATE_AFTER_VALUE.exec(text.slice(previous.end, claim.start))?.[0].length ?? 0) : sentenceStart
  const rightTo = next ? next.start : sentenceEnd
  // 「1時から2時はお昼休みです」: a value that is the topic (は) is what the words after it say it is.
  if (TOPIC_AFTER.test(text.slice(claim.end, claim.end + 2))) {
    const topic = termsOf(text, claims, claim.end, rightTo, vocabulary)
    if (topic.size > 0) return { terms: topic, window: text.slice(claim.start, rightTo) }
  }
  // A price's own rate unit (1泊, 月, "per night") on either side is what it is counted in, not its subject.
  const price = group === 'price'
  const leftTo = price ? leftFrom + text.slice(leftFrom, listStart).replace(RATE_BEFORE_VALUE, '').length : listStart
  const left = termsOf(text, claims, leftFrom, leftTo, vocabulary)
  if (left.size > 0 && group === 'duration') {
    // "7 minutes on foot from the station", "allow sixty minutes for the contract signing": a length names what it
    // measures after it as often as before it; the rest of its clause adds to the subject.
    // Up to the clause's end or the next value, whatever its kind ("45分）：六千円" adds nothing: 円 names the price's kind).
    const nextValue = claims.find((other) => other.start >= claim.end && other.start < rightTo)?.start ?? rightTo
    const clauseEnd = text.slice(claim.end, nextValue).search(/[,;、]|$/u)
    for (const term of termsOf(text, claims, claim.end, claim.end + clauseEnd, vocabulary)) left.add(term)
    return { terms: left, window: text.slice(leftFrom, claim.end + clauseEnd) }
  }
  if (left.size > 0) return { terms: left, window: text.slice(leftFrom, claim.end) }
  // "Nine till eight on Fridays, with a lunch break from one to two": the words after a time up to its clause's end
  // say what it is about, when they name something.
  const clauseEnd = text.slice(claim.end, rightTo).search(/[,;、]/u)
  if (clauseEnd > 0 && group === 'time') {
    const near = termsOf(text, claims, claim.end, claim.end + clauseEnd, vocabulary)
    if (near.size > 0) return { terms: near, window: text.slice(claim.start, claim.end + clauseEnd) }
  }
  const rightFrom = price ? Math.min(rightTo, claim.end + (RATE_AFTER_VALUE.exec(text.slice(claim.end, rightTo))?.[0].length ?? 0)) : claim.end
  // "¥128,000 a month, with a management fee of ¥8,000": words that end by introducing the next value are its subject.
  if (next && INTRODUCES_VALUE.test(text.slice(rightFrom, rightTo))) return { terms: new Set(), window: text.slice(claim.start, rightTo) }
  return { terms: termsOf(text, claims, rightFrom, rightTo, vocabulary), window: text.slice(claim.start, rightTo) }
}
