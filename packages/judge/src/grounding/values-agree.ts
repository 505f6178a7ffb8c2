import type { ClaimValue } from '../claims/claim.ts'

/** How a claimed value relates to a known value of the same kind. */
export type Agreement = 'equal' | 'within' | 'different' | 'incomparable'

function numericValues(value: ClaimValue): number[] {
  switch (value.kind) {
    case 'money':
      return [value.amount]
    case 'number':
      return [value.value]
    case 'duration':
      return [value.minutes, value.minutes / 60, value.minutes / 1440]
    case 'date':
      return [value.year, value.day].filter((part): part is number => part !== undefined)
    default:
      return []
  }
}

/** The minutes a clock time may mean: "6" or "6時" said without am/pm is 06:00 or 18:00. */
function clockReadings(value: { minutes: number; twelveHour?: boolean }): number[] {
  return value.twelveHour ? [value.minutes, value.minutes + 720] : [value.minutes]
}

/** The time on a 24-hour clock face: midnight said as 0:00 and written as 24:00 are one time. */
function onClock(minutes: number): number {
  return minutes % 1440
}

/**
 * A number against a known limit: an exact number inside it agrees ("3名でも" under "up to 4
 * guests", "18" over "at least 16"), one outside it differs; a limit must be the same limit
 * (最大6名 against "up to 4" differs), and the other kind of limit is another statement.
 */
function withinLimit(claimed: Extract<ClaimValue, { kind: 'number' }>, known: Extract<ClaimValue, { kind: 'number' }>): Agreement {
  if (claimed.limit !== undefined) return claimed.limit !== known.limit ? 'incomparable' : claimed.value === known.value ? 'equal' : 'different'
  const inside = known.limit === 'max' ? claimed.value <= known.value : claimed.value >= known.value
  return inside ? 'equal' : 'different'
}

/**
 * A duration against a known one: the same length agrees, whatever bound either is said with ("free up
 * to three days before" and `free_until_days_before: 3`). An exact length inside a known ceiling or
 * floor of the same kind (both offsets or both lengths) is `within`: "cancelling a week before is
 * free" under "free until 3 days before", "a two-month pause" under "up to 3 months". Anything else
 * differs ("up to six months" against "up to 3 months", "free for an hour" against 30 free minutes).
 */
function durationsAgree(claimed: Extract<ClaimValue, { kind: 'duration' }>, known: Extract<ClaimValue, { kind: 'duration' }>): Agreement {
  // A range ("1-2 days", 30分〜1時間) agrees with the same range, and holds a length inside it, said or known.
  if (claimed.lower !== undefined || known.lower !== undefined) {
    if (claimed.lower === known.lower && claimed.minutes === known.minutes) return 'equal'
    const [range, length] = known.lower !== undefined ? [known, claimed] : [claimed, known]
    return length.lower === undefined && length.minutes >= (range.lower ?? 0) && length.minutes <= range.minutes ? 'within' : 'different'
  }
  if (claimed.minutes === known.minutes) return 'equal'
  if (claimed.limit !== undefined || known.limit === undefined || (claimed.offset === true) !== (known.offset === true)) return 'different'
  return (known.limit === 'max' ? claimed.minutes < known.minutes : claimed.minutes > known.minutes) ? 'within' : 'different'
}

/** Compares a claimed value with a known one (a time inside a known range is `within`). */
export function valuesAgree(claimed: ClaimValue, known: ClaimValue): Agreement {
  if (claimed.kind === 'money' && known.kind === 'money') {
    if (claimed.currency && known.currency && claimed.currency !== known.currency) return 'different'
    return claimed.amount === known.amount ? 'equal' : 'different'
  }
  if (claimed.kind === 'time' && known.kind === 'time') {
    const knownReadings = clockReadings(known).map(onClock)
    return clockReadings(claimed).some((minutes) => knownReadings.includes(onClock(minutes))) ? 'equal' : 'different'
  }
  if (claimed.kind === 'time' && known.kind === 'time-range') {
    const readings = clockReadings(claimed)
    // An opening time meets the range's start, a closing time its end ("we open at 7" is not 8:00-19:00's 19:00).
    const ends = claimed.bound === 'start' ? [known.start] : claimed.bound === 'end' ? [known.end] : [known.start, known.end]
    if (readings.some((minutes) => ends.some((end) => onClock(minutes) === onClock(end)))) return 'equal'
    // A range past midnight ("23:00-05:00" is 23:00 to 29:00) holds the small hours of the next day too.
    return readings.some((minutes) => [minutes, minutes + 1440].some((time) => time > known.start && time < known.end)) ? 'within' : 'different'
  }
  if (claimed.kind === 'time-range' && known.kind === 'time-range') {
    // A stated range gives both ends (opening hours, a lunch break): anything but the same range differs.
    // Said without am or pm, the whole range may be 12 hours later, or only its end: "open 8 to 9" is 8:00-21:00.
    const shifts: Array<[number, number]> = claimed.twelveHour ? [[0, 0], [720, 720], [0, 720]] : [[0, 0]]
    return shifts.some(([early, late]) => onClock(claimed.start + early) === onClock(known.start) && onClock(claimed.end + late) === onClock(known.end)) ? 'equal' : 'different'
  }
  if (claimed.kind === 'time-range' && known.kind === 'time') return 'incomparable'
  if (claimed.kind === 'time' || claimed.kind === 'time-range') return known.kind === 'weekday' && known.status === 'closed' && known.negated !== true ? 'different' : 'incomparable'
  if (claimed.kind === 'duration' && known.kind === 'duration') return durationsAgree(claimed, known)
  if (claimed.kind === 'date' && known.kind === 'date') {
    const parts = (['year', 'month', 'day'] as const).filter((part) => claimed[part] !== undefined && known[part] !== undefined)
    if (parts.length === 0) return 'incomparable'
    return parts.every((part) => claimed[part] === known[part]) ? 'equal' : 'different'
  }
  if (claimed.kind === 'digits' && known.kind === 'digits') {
    if (claimed.digits === known.digits) return 'equal'
    const shorter = claimed.digits.length < known.digits.length ? claimed.digits : known.digits
    const longer = shorter === claimed.digits ? known.digits : claimed.digits
    return shorter.length >= 7 && longer.endsWith(shorter.replace(/^0/u, '')) ? 'equal' : 'different'
  }
  if (claimed.kind === 'number') {
    const known_ = numericValues(known)
    if (known_.length === 0) return 'incomparable'
    if (known.kind === 'number' && claimed.unit !== undefined && known.unit !== undefined && claimed.unit !== known.unit) return 'incomparable'
    if (known.kind === 'number' && known.limit !== undefined) return withinLimit(claimed, known)
    if (known_.includes(claimed.value)) return 'equal'
    return known.kind === 'number' && (claimed.unit === undefined || claimed.unit === known.unit || known.unit === undefined) ? 'different' : 'incomparable'
  }
  return 'incomparable'
}
