import type { Claim } from '../claims/claim.ts'
import { extractNormalizedClaims } from '../claims/extract-claims.ts'
import { normalizeSpokenForms } from '../internal/normalize-spoken-forms.ts'

/** Every day of the week and holidays (0 = Sunday … 6 = Saturday, 7 = holidays). */
export const EVERY_DAY: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7]

/** "every day", "daily", "seven days a week", 毎日, 年中無休: no day is left out. */
export const SAYS_EVERY_DAY = /\b(?:every\s+day|everyday|daily|seven\s+days\s+a\s+week|7\s+days\s+a\s+week|all\s+week)\b|毎日|年中無休|全日/iu

const KANJI_DAYS: Readonly<Record<string, number>> = { 日: 0, 月: 1, 火: 2, 水: 3, 木: 4, 金: 5, 土: 6, 祝: 7 }
/**
 * Japanese schedules write days as one kanji each: 火・木 (Tuesday and Thursday), 火〜土 (Tuesday
 * to Saturday), 月水金. Read only as a run of two or more day kanji joined by ・、〜 or nothing,
 * so 月 (month) or 日 (day) alone in a word is not a day, nor the 日 of 水曜日.
 */
const KANJI_DAY_RUN = /(?<![\p{sc=Han}])[月火水木金土日祝](?:曜日?)?(?:\s*[・、〜~～\-–]?\s*(?<!曜)[月火水木金土日祝](?:曜日?)?)+(?![\p{sc=Han}])/gu

function kanjiDays(run: string): number[] {
  const marks = [...run.matchAll(/[月火水木金土日祝]|[〜~～\-–]/gu)].map((match) => match[0])
  const days: number[] = []
  for (let at = 0; at < marks.length; at += 1) {
    const day = KANJI_DAYS[marks[at] ?? '']
    if (day === undefined) continue
    const previous = KANJI_DAYS[marks[at - 2] ?? '']
    // 火〜土: every day from the one before the dash to this one, round the week.
    if (/[〜~～\-–]/u.test(marks[at - 1] ?? '') && previous !== undefined && previous < 7 && day < 7) for (let next = (previous + 1) % 7; next !== day; next = (next + 1) % 7) days.push(next)
    days.push(day)
  }
  return days
}

/** The weekday claims of a text (the day words a claim reader finds), without values of other kinds. */
export function weekdayClaims(claims: readonly Claim[]): Claim[] {
  return claims.filter((claim) => claim.value.kind === 'weekday')
}

/** Words before days that make them someone's days off ("off on Wednesdays", "not in on Mondays", "away on Fridays"). */
const OFF_BEFORE = /\b(?:off|not in|not working|away|absent|unavailable)\s+(?:on\s+)?$/iu
/** Words after days that make them days off ("Wednesdays off", 水曜休み, 水曜日はお休み). */
const OFF_AFTER = /^\s*(?:off\b|(?:は|が)?お?休み)/u
/** One day kanji said as a day off (水休み, 火曜休み): a schedule's short form. */
const KANJI_DAY_OFF = /(?<![\p{sc=Han}])([月火水木金土日])(?:曜日?)?(?:は|が)?お?休み/gu
const WEEK: readonly number[] = [0, 1, 2, 3, 4, 5, 6]
const WEEKDAY_SHIFT = /\bweekday\s+(?:lunch|dinner|morning|afternoon|evening|night|shift)(?:es|s)?\b/iu

/** The days a text gives as someone's (working) and as their days off, each as said; undefined when it names none. */
export function dayParts(text: string): { working: number[]; off: number[] } | undefined {
  const working = new Set<number>()
  const off = new Set<number>()
  const normalized = normalizeSpokenForms(text)
  for (const claim of weekdayClaims(extractNormalizedClaims(normalized))) {
    if (claim.value.kind !== 'weekday') continue
    const isOff = claim.value.status === 'closed' || OFF_BEFORE.test(normalized.slice(Math.max(0, claim.start - 24), claim.start)) || OFF_AFTER.test(normalized.slice(claim.end))
    for (const day of claim.value.days) (isOff ? off : working).add(day)
  }
  if (SAYS_EVERY_DAY.test(text)) for (const day of EVERY_DAY) working.add(day)
  // "weekday lunches", "weekday evenings": a shift on each weekday.
  if (WEEKDAY_SHIFT.test(text)) for (const day of [1, 2, 3, 4, 5]) working.add(day)
  for (const match of text.matchAll(KANJI_DAY_RUN)) for (const day of kanjiDays(match[0])) (OFF_AFTER.test(text.slice(match.index + match[0].length)) ? off : working).add(day)
  for (const match of text.matchAll(KANJI_DAY_OFF)) off.add(KANJI_DAYS[match[1] ?? ''] ?? 0)
  if (working.size === 0 && off.size === 0) return undefined
  return { working: [...working], off: [...off] }
}

/** The days someone works, from what lines say: the days named as theirs (a whole week when only days off are named), less their days off. */
export function workingDays(working: Iterable<number>, off: Iterable<number>): number[] {
  const named = new Set(working)
  const without = new Set(off)
  return [...(named.size > 0 ? named : WEEK)].filter((day) => !without.has(day)).sort((left, right) => left - right)
}

/**
 * The days a line of knowledge gives someone: its weekday words ("Mondays and Fridays only",
 * "weekdays", 平日, 土日), a range ("Tuesday to Saturday", 金曜から月曜), every day ("every day
 * we are open", 毎日), or the one-kanji days of a schedule (火・木, 火〜土), less the days it gives
 * as their days off ("every day except Mondays", "off on Wednesdays", 水曜休み: a line that names
 * only days off gives every other day of the week). Undefined when it names none.
 *
 * @example
 * daysSaid('Coach Sato (yoga and pilates, Mondays and Fridays only)') // [1, 5]
 * daysSaid('Ms. Aoki is off on Wednesdays') // [0, 1, 2, 4, 5, 6]
 */
export function daysSaid(text: string): number[] | undefined {
  const parts = dayParts(text)
  if (!parts) return undefined
  const days = workingDays(parts.working, parts.off)
  return days.length > 0 ? days : undefined
}
