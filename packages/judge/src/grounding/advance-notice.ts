import type { Claim } from '../claims/claim.ts'

/**
 * How many days before the booked day a text says something applies: "3 days before", 3日前 → 3;
 * "the day before", 前日 → 1; "on the day", "same day", 当日 → 0; "48 hours before", 48時間前 → 2.
 * The tiers of a cancellation or change policy are said this way in every trade.
 */
const NOTICE = /(\d+(?:\.\d+)?)\s*(days?|日|hours?|時間|weeks?|週間)\s*(?:before|prior|ahead|out|in advance|beforehand|前)|\b(?:the\s+)?day\s+before\b|前日|\bon\s+the\s+day\b|\bsame[-\s]day\b|\bday\s+of\b|当日/giu
/** Words after a tier that start the next, closer one: "after that 50%", それ以降は50%. */
const AFTER_THAT = /\b(?:after\s+(?:that|this|which)|thereafter|later)\b|それ以降|以降|以後/iu

function daysOf(count: number, unit: string): number {
  if (/^(?:hours?|時間)$/iu.test(unit)) return Math.ceil(count / 24)
  if (/^(?:weeks?|週間)$/iu.test(unit)) return count * 7
  return count
}

/** Every notice (days before) a text names, in order. */
export function noticeDays(text: string): number[] {
  const days: number[] = []
  for (const match of text.matchAll(NOTICE)) {
    if (match[1] !== undefined) days.push(daysOf(Number(match[1]), match[2] ?? ''))
    else days.push(/before|前日/iu.test(match[0]) ? 1 : 0)
  }
  return days
}

/**
 * The notice a tier's value in a policy line starts at: the earliest one named since the value before it
 * ("free up to 3 days before; from 2 days before 20%; on the day 50%": 20% → 2, 50% → 0; "2 days before
 * and the day before 50%" → 2), one day
 * closer when the words after it say "after that" ("free until 3 days before; after that 50%": 50% → 2).
 */
export function tierNotice(stretch: string): number | undefined {
  const days = noticeDays(stretch)
  const last = days.at(-1)
  if (last === undefined) return undefined
  const lastAt = [...stretch.matchAll(NOTICE)].at(-1)
  const after = lastAt === undefined ? '' : stretch.slice((lastAt.index ?? 0) + lastAt[0].length)
  // "2 days before and the day before 50%": the tier starts at its earliest notice.
  return AFTER_THAT.test(after) ? Math.max(0, last - 1) : Math.max(...days)
}

/** A share of an amount (20%), or a bare number said after one in its sentence ("20%, the day before 30"). */
export function isShare(claim: Claim, sentenceBefore: string): boolean {
  if (claim.value.kind !== 'number' || claim.type !== 'number') return false
  return claim.value.unit === '%' || (claim.value.unit === undefined && /\d%/u.test(sentenceBefore))
}

/**
 * The tier a notice falls in, among tiers given by the notice they start at: the latest one that has
 * started ("from 2 days before" covers the day before when no tier starts then), else the earliest.
 */
export function tierFor<Tier extends { notice: number }>(tiers: readonly Tier[], days: number): Tier | undefined {
  let match: Tier | undefined
  for (const tier of tiers) if (tier.notice >= days && (match === undefined || tier.notice < match.notice)) match = tier
  if (match) return match
  for (const tier of tiers) if (match === undefined || tier.notice > match.notice) match = tier
  return match
}
