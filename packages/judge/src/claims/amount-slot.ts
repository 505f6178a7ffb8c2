import { claimGroup, type Claim } from './claim.ts'
import { extractClaims } from './extract-claims.ts'

/**
 * The tier an amount is stated for: the durations and the days said with it. "Compact for 6 hours:
 * ¥4,400" and "Rates per 24 hours: compact ¥5,500" are two slots of the compact's price; "Standard
 * room, Sunday to Friday nights: ¥22,000" and "…, Saturdays: ¥26,000" two slots of the room's.
 */
export interface AmountSlot {
  /** Minutes of each duration said with the amount (a rate unit too: "per day" = 1,440). */
  durations: number[]
  /** Days of the week (0 Sunday … 6 Saturday, 7 holidays) said with the amount. */
  days: number[]
}

const DAY_MINUTES = 1440
const UNIT_MINUTES: Readonly<Record<string, number>> = { hour: 60, 時間: 60, day: DAY_MINUTES, 日: DAY_MINUTES, week: 7 * DAY_MINUTES, 週: 7 * DAY_MINUTES, 週間: 7 * DAY_MINUTES, month: 30 * DAY_MINUTES, 月: 30 * DAY_MINUTES, か月: 30 * DAY_MINUTES, ヶ月: 30 * DAY_MINUTES }
/** The rate unit after an amount ("¥5,500 per day", "¥9,800 a month"). */
const RATE_AFTER = /^\s*(?:per|a|an|each|every|\/)\s*(hour|day|week|month)s?\b/iu
/** The rate unit before an amount (1日5,500円, 1時間1,100円, 月9,800円). */
const RATE_BEFORE = /(?:(?:1|一)\s?(時間|日|週間?|か月|ヶ月)(?:あたり|当たり|につき|ごと(?:に)?|毎)?|毎?(月)(?:々|額)?)\s*(?:で|は|、)?\s*$/u
/** What ends a clause: a comma, semicolon or stop (not a decimal point or a thousands comma). */
const CLAUSE_MARK = /[;、。!?！？]|[,.](?!\d)/gu
/** What ends a sentence. */
const SENTENCE_MARK = /[!?。！？\n]|\.(?!\d)/gu

function lastMark(pattern: RegExp, text: string, before: number): number {
  let last = -1
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match !== null && match.index < before; match = pattern.exec(text)) last = match.index
  return last
}

function nextMark(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from
  const match = pattern.exec(text)
  return match ? match.index : text.length
}

/**
 * The slot of an amount (a price) in a reply or a knowledge line: the durations and days said in
 * its clause — from the previous amount of its kind or the clause's start to the next amount or
 * the clause's end —, in the line's topic before a colon ("Rates per 24 hours: …"), and its rate
 * unit ("per day", 1日).
 *
 * @example
 * const text = 'A compact is ¥5,500 for 24 hours.'
 * amountSlot(text, price, extractClaims(text)) // { durations: [1440], days: [] }
 */
export function amountSlot(text: string, claim: Claim, claims: readonly Claim[]): AmountSlot {
  const group = claimGroup(claim.type)
  const sentenceStart = lastMark(SENTENCE_MARK, text, claim.start) + 1
  const sentenceEnd = nextMark(SENTENCE_MARK, text, claim.end)
  const sameKind = claims.filter((other) => other !== claim && claimGroup(other.type) === group && other.start >= sentenceStart && other.end <= sentenceEnd)
  const previous = sameKind.filter((other) => other.end <= claim.start).at(-1)
  const next = sameKind.find((other) => other.start >= claim.end)
  const from = Math.max(previous?.end ?? sentenceStart, lastMark(CLAUSE_MARK, text, claim.start) + 1)
  const to = Math.min(next?.start ?? sentenceEnd, nextMark(CLAUSE_MARK, text, claim.end))
  const colon = text.slice(sentenceStart, claim.start).search(/[:：]/u)
  const topicEnd = colon < 0 ? sentenceStart : sentenceStart + colon
  const inSlot = (other: Claim): boolean => other !== claim && ((other.start >= from && other.end <= to) || (other.start >= sentenceStart && other.end <= topicEnd))
  const slot: AmountSlot = { durations: [], days: [] }
  for (const other of claims) {
    if (!inSlot(other)) continue
    if (other.value.kind === 'duration') slot.durations.push(other.value.minutes)
    if (other.value.kind === 'weekday' && other.value.status !== 'closed') slot.days.push(...other.value.days)
  }
  const unit = RATE_AFTER.exec(text.slice(claim.end, claim.end + 16))?.[1] ?? (() => {
    const before = RATE_BEFORE.exec(text.slice(Math.max(0, claim.start - 12), claim.start))
    return before?.[1] ?? before?.[2]
  })()
  const minutes = unit === undefined ? undefined : UNIT_MINUTES[unit.toLowerCase()]
  if (minutes !== undefined) slot.durations.push(minutes)
  return slot
}

/** Key words that give the rate unit of a fact's amount (`daily_rate_yen`, `per_day`, `monthly`). */
const KEY_RATE: ReadonlyArray<readonly [RegExp, number]> = [
  [/(?:^|_)(?:daily|per_day|a_day|day_rate)(?:_|$)/u, DAY_MINUTES],
  [/(?:^|_)(?:hourly|per_hour|an_hour)(?:_|$)/u, 60],
  [/(?:^|_)(?:weekly|per_week)(?:_|$)/u, 7 * DAY_MINUTES],
  [/(?:^|_)(?:monthly|per_month)(?:_|$)/u, 30 * DAY_MINUTES],
]

/**
 * The slot a fact's keys give its amount: the durations and days its key words name
 * (`compact_6_hours_yen` → 360 minutes, `standard_room_sunday_to_friday` → Sunday to Friday,
 * `daily_rate_yen` → a day).
 */
export function keySlot(keys: readonly string[]): AmountSlot {
  const joined = keys.join('_').toLowerCase()
  const slot: AmountSlot = { durations: [], days: [] }
  // Minutes and hours only: a key's days name a plan ("baby_100_days" is the 100-day celebration), not its length.
  for (const match of joined.matchAll(/(?:^|_)(\d+)_?(minutes?|mins?|hours?)(?=_|$)/gu)) slot.durations.push(Number(match[1]) * (match[2]?.startsWith('h') ? 60 : 1))
  // "daily" in `daily_rate_yen` is the rate's unit, not every day of the week.
  for (const claim of extractClaims(joined.replace(/_/gu, ' '))) {
    if (claim.value.kind === 'weekday' && claim.value.status !== 'closed' && claim.value.days.length < 7) slot.days.push(...claim.value.days)
  }
  for (const [pattern, minutes] of KEY_RATE) if (pattern.test(joined)) slot.durations.push(minutes)
  return slot
}

/**
 * True when a knowledge amount's slot is another tier than the one the reply states: both name a
 * duration (or both days) and none of them is the same ("a 30-minute session" against "Personal
 * training (60 minutes)"; "on Sunday to Friday nights" against "Saturdays: ¥26,000").
 */
export function otherSlot(said: AmountSlot, known: AmountSlot): boolean {
  if (said.durations.length > 0 && known.durations.length > 0 && !said.durations.some((minutes) => known.durations.includes(minutes))) return true
  return said.days.length > 0 && known.days.length > 0 && !said.days.some((day) => known.days.includes(day))
}
