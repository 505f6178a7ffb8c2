import type { Claim } from '../claims/claim.ts'

const UNIT_MINUTES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:minutes?|mins?)$/u, 1],
  [/^(?:hours?|hrs?)$/u, 60],
  [/^days?$/u, 1440],
  [/^weeks?$/u, 10080],
  [/^months?$/u, 43200],
]
const UNIT = '(minutes?|mins?|hours?|hrs?|days?|weeks?|months?)'
/** A number and its unit inside a key: `30_minutes_yen`, `compact_6_hours_yen`, `per_30_minutes`, `from_2_days_before_percent`. */
const NUMBERED_UNIT = new RegExp(`(?:^|_)(\\d+(?:\\.\\d+)?)_?${UNIT}(?=_|$)`, 'gu')
/** A unit the value counts: `usual_wait_minutes: 15`, `free_until_days_before: 3`, `max_months: 3`, `hours_notice: 48` (not "per day": a rate). */
const COUNTED_UNIT = new RegExp(`(?<!(?:^|_)(?:per|a|an|each))(?:^|_)${UNIT}(?=_|$)`, 'gu')
/** A rate's period in a key (`daily_rate_yen`, `city_bike_per_day`, `membership_monthly_yen`): the value is for one such period. */
const RATE_PERIOD: ReadonlyArray<readonly [RegExp, number]> = [
  [/(?:^|_)(?:hourly|per_hour)(?=_|$)/u, 60],
  [/(?:^|_)(?:daily|per_day)(?=_|$)/u, 1440],
  [/(?:^|_)(?:weekly|per_week)(?=_|$)/u, 10080],
  [/(?:^|_)(?:monthly|per_month)(?=_|$)/u, 43200],
]
/** Words of a key that measure a duration back from an event (a deadline, notice). */
const OFFSET_WORD = /(?:^|_)(?:before|ahead|advance|notice|prior|lead)(?=_|$)/u
/** Beside an offset: the time past the deadline ("from 2 days before"), a ceiling. */
const PAST_DEADLINE_WORD = /(?:^|_)(?:from|after|within)(?=_|$)/u
/** Beside an offset: the deadline itself ("free until 3 days before", notice), a floor. */
const DEADLINE_WORD = /(?:^|_)(?:until|till|up_to|by|at_least|min|minimum|ahead|advance|notice|lead)(?=_|$)/u
const AT_MOST_WORD = /(?:^|_)(?:max|maximum|up_to|within|longest|limit)(?=_|$)/u
const AT_LEAST_WORD = /(?:^|_)(?:min|minimum|at_least|shortest)(?=_|$)/u

function unitMinutes(unit: string): number {
  return UNIT_MINUTES.find(([pattern]) => pattern.test(unit))?.[1] ?? 0
}

/** The bound a key's words give its duration (see durationBound, which reads the same from text). */
export function keyBound(key: string): Pick<Extract<Claim['value'], { kind: 'duration' }>, 'limit' | 'offset'> {
  if (OFFSET_WORD.test(key)) {
    if (PAST_DEADLINE_WORD.test(key)) return { limit: 'max', offset: true }
    return DEADLINE_WORD.test(key) ? { limit: 'min', offset: true } : { offset: true }
  }
  if (AT_MOST_WORD.test(key)) return { limit: 'max' }
  if (AT_LEAST_WORD.test(key)) return { limit: 'min' }
  return {}
}

function durationClaim(text: string, minutes: number, key: string): Claim {
  return { text, type: 'duration', value: { kind: 'duration', minutes, ...keyBound(key) }, start: 0, end: text.length }
}

/**
 * The durations a fact's keys state beside its value: a number with its unit in any key of the path
 * (`personal_training.30_minutes_yen: 4000` is a price for 30 minutes, `room_charge_per_30_minutes_yen`
 * one per 30 minutes, `from_2_days_before_percent: 20` a share charged from 2 days before). Minutes and
 * hours always; days, weeks and months only as offsets (`…_days_before`): `baby_100_days` names a plan. A rate's
 * period is one such duration (`daily_rate_yen.compact: 5500` is ¥5,500 for 24 hours, `hourly` for one hour).
 * The key's words say whether the duration is a bound or an offset, as the same words do in text.
 */
export function numberedKeyDurations(path: readonly string[], text: string): Claim[] {
  const claims: Claim[] = []
  for (const segment of path) {
    const key = segment.toLowerCase()
    for (const match of key.matchAll(NUMBERED_UNIT)) {
      const unit = match[2] ?? ''
      if (unitMinutes(unit) >= 1440 && !OFFSET_WORD.test(key.slice((match.index ?? 0) + match[0].length))) continue
      claims.push(durationClaim(text, Number(match[1]) * unitMinutes(unit), key))
    }
    for (const [pattern, minutes] of RATE_PERIOD) if (pattern.test(key)) claims.push(durationClaim(text, minutes, ''))
  }
  return claims
}

/**
 * A number under a key that names a unit and no number counts that unit: `usual_wait_minutes: 15`,
 * `order_ahead_hours: 72` (a floor: more notice is fine), `free_until_days_before: 3` (an offset with
 * its deadline), `max_months: 3` (a ceiling), `half_day_hours: 4` (the last unit is the value's).
 * Undefined when the key names no unit, or when its value counts something else (`…_percent`, a price).
 */
export function countedKeyDuration(leafKey: string, value: number, text: string): Claim | undefined {
  const key = leafKey.toLowerCase()
  if (/\d/u.test(key) || /(?:^|_)(?:percent|rate|ratio|fee|price|cost|count|times|people|spaces)(?=_|$)/u.test(key)) return undefined
  const unit = [...key.matchAll(COUNTED_UNIT)].at(-1)?.[1]
  return unit === undefined ? undefined : durationClaim(text, value * unitMinutes(unit), key)
}
