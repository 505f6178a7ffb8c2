import { allMatches } from '../internal/all-matches.ts'
import { normalizeSpokenForms } from '../internal/normalize-spoken-forms.ts'
import type { Claim } from './claim.ts'
import { CLAIM_PATTERNS, NUMERAL } from './claim-patterns.ts'
import { countLimit } from './count-unit.ts'
import { readDurationBounds } from './duration-bound.ts'
import { extractNameClaims } from './name-claims.ts'
import { readTimeBounds } from './time-bound.ts'
import { readWeekdayStatus } from './weekday-status.ts'


/** Japanese counters a price is given per (1泊 a night, 1個 a piece, 1名様 a person, 1泊目 the first night). */
const RATE_UNIT = /^(?:泊|個|斤|名|人|枚|杯|本|回|点|台|室|件|つ|箱|ダース)/u

const RATE_UNIT_AT_END = /(?:泊|個|斤|名|人|枚|杯|本|回|点|台|室|件|つ)$/u

/**
 * A one-unit rate right before a price (1日5,500円, 1時間ごとに1,100円, 一時間あたり千百円, 1泊で): the
 * unit the price is counted in. What may follow the number to the price: the counter (when the
 * claim is a bare number), a rate word, a particle.
 */
const RATE_BEFORE_PRICE = /^\s*(?:泊|日|晩|時間|名様?|人様?|個|本|回|点|台|箱|枚|杯|斤|室|件|つ)?\s*(?:あたり|当たり|につき|ごと(?:に)?|毎)?\s*(?:で|は|が|、|,)?\s*(?=[\d¥$€£])/u

const KEYPAD_WORDS = /\b(?:press|dial|push|option|menu|key)\b|押して|番を|ボタン/iu

/** The clause (commas, semicolons, sentence ends) or, with `sentence`, the sentence around a span. */
function clauseAround(text: string, start: number, end: number, sentence = false): string {
  const marks = sentence ? ['.', '。', '!', '?'] : [',', ';', '.', '、', '。']
  const left = Math.max(...marks.map((mark) => text.lastIndexOf(mark, start - 1)))
  const rightCandidates = marks.map((mark) => text.indexOf(mark, end)).filter((position) => position >= 0)
  const right = rightCandidates.length > 0 ? Math.min(...rightCandidates) : text.length
  return text.slice(left + 1, right)
}

/**
 * Finds the checkable claims in a reply: prices, clock times and ranges, dates, weekdays
 * (with open/closed status from their clause), durations, phone numbers, addresses,
 * counts and ages, years, other numbers and names, in English and Japanese. The text is
 * read through `normalizeSpokenForms` first (NFKC folding, so full-width digits and `〜` ranges
 * read like ASCII; number words, kanji numerals, times in words, "free of charge"), and claim
 * positions refer to that normalised text.
 *
 * @example
 * extractClaims('土曜日は午前9時から午後1時まで、クリーニングは5,000円です')
 * // weekday [6], time-range 09:00-13:00, price 5000 JPY
 */
export function extractClaims(input: string): Claim[] {
  return extractNormalizedClaims(normalizeSpokenForms(input))
}

/** `extractClaims` on a text `normalizeSpokenForms` already read (positions refer to it). */
export function extractNormalizedClaims(text: string): Claim[] {
  const taken: Array<[number, number]> = []
  const isTaken = (start: number, end: number): boolean => taken.some(([from, to]) => start < to && end > from)
  const claims: Claim[] = []
  // Half of all replies state no number ("How can I help?"): the number patterns need not scan them.
  const hasNumeral = NUMERAL.test(text)
  for (const rule of CLAIM_PATTERNS) {
    if (rule.numeral && !hasNumeral) continue
    for (const match of allMatches(rule.pattern, text)) {
      const start = match.index
      const end = start + match[0].length
      if (match[0].trim() === '' || isTaken(start, end)) continue
      const value = rule.read(match, text)
      if (!value) continue
      taken.push([start, end])
      claims.push({ text: match[0].trim().replace(/(\d\s*[ap]m)\.$/iu, '$1'), type: rule.type, value, start, end })
    }
  }
  // Keypad menus ("Press 1 to book, 2 for our hours, or 0 for a receptionist"): the digits are keys, not facts.
  const keyed = claims.filter((claim) => claim.type === 'number' && /^\d$/u.test(claim.text) && KEYPAD_WORDS.test(clauseAround(text, claim.start, claim.end, true)))
  for (const claim of keyed) claims.splice(claims.indexOf(claim), 1)
  claims.push(...extractNameClaims(text, isTaken))
  readWeekdayStatus(text, claims)
  readTimeBounds(text, claims)
  readDurationBounds(text, claims)
  // 1泊, 1個, お一人様 before or after a price: the unit the price is for, not a count of its own.
  const prices = claims.filter((other) => other.type === 'price')
  // 1回45分 (45 minutes a session), 1コマ50分: a one-unit count right before a duration is what the duration is per.
  const amounts = claims.filter((other) => other.type === 'price' || other.type === 'duration')
  const units = claims.filter((claim) => {
    if (amounts.length === 0 || !/^(?:1|一)(?!\d)/u.test(claim.text)) return false
    if (prices.length > 0 && (claim.type === 'number' || claim.type === 'count') && claim.value.kind === 'number' && claim.value.value === 1 && (RATE_UNIT.test(text.slice(claim.end, claim.end + 3)) || RATE_UNIT_AT_END.test(claim.text))) return true
    // 1日5,500円, 1時間ごとに1,100円: a one-unit duration or count the price after it is per.
    const rate = RATE_BEFORE_PRICE.exec(text.slice(claim.end, claim.end + 12))
    const per = rate === null ? undefined : claim.end + rate[0].length
    return per !== undefined && (prices.some((price) => price.start === per) || (claim.type === 'count' && amounts.some((amount) => amount.type === 'duration' && amount.start === per)))
  })
  for (const claim of units) claims.splice(claims.indexOf(claim), 1)
  claims.sort((left, right) => left.start - right.start)
  // "up to 4 guests", 最大4名, 4名様まで, 16歳以上: a limit, not an exact count.
  for (const claim of claims) {
    if (claim.value.kind !== 'number' || claim.type === 'year') continue
    const limit = countLimit(text, claim.start, claim.end)
    if (limit) claim.value.limit = limit
  }
  return claims
}
