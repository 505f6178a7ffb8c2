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
 * so 月 (month) or 日 (day) alone in a word is not a day.
 */
const KANJI_DAY_RUN = /(?<![\p{sc=Han}])[月火水木金土日祝](?:曜日?)?(?:\s*[・、〜~～\-–]?\s*[月火水木金土日祝](?:曜日?)?)+(?![\p{sc=Han}])/gu

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

/**
 * The days a line of knowledge gives someone: its weekday words ("Mondays and Fridays only",
 * "weekdays", 平日, 土日), a range ("Tuesday to Saturday", 金曜から月曜), every day ("every day
 * we are open", 毎日), or the one-kanji days of a schedule (火・木, 火〜土). Undefined when it
 * names none. Days a line gives as closed ("closed on Mondays") are not anyone's days.
 *
 * @example
 * daysSaid('Coach Sato (yoga and pilates, Mondays and Fridays only)') // [1, 5]
 */
export function daysSaid(text: string): number[] | undefined {
  if (SAYS_EVERY_DAY.test(text)) return [...EVERY_DAY]
  const days = new Set<number>()
  for (const claim of weekdayClaims(extractNormalizedClaims(normalizeSpokenForms(text)))) {
    if (claim.value.kind === 'weekday' && claim.value.status !== 'closed') for (const day of claim.value.days) days.add(day)
  }
  for (const match of text.matchAll(KANJI_DAY_RUN)) for (const day of kanjiDays(match[0])) days.add(day)
  return days.size > 0 ? [...days].sort((left, right) => left - right) : undefined
}
