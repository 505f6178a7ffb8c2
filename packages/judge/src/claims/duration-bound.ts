import type { Claim } from './claim.ts'

/** A hedge between a bound word and its duration: "up to about an hour", "at least roughly 3 days". */
const HEDGE = '(?:\\s+(?:about|around|roughly|approximately))?'
/** Words before a duration that make it a ceiling: "up to 3 months", "within 7 days", 最大3か月, 最長. */
const AT_MOST_BEFORE = new RegExp(`(?:\\bup\\s+to|\\bwithin|\\bat\\s+most|\\bno\\s+(?:more|longer)\\s+than|\\bless\\s+than|\\bmax(?:imum)?(?:\\s+of)?|\\bunder|最大|最長|長くて)${HEDGE}\\s*$`, 'iu')
/** Words before a duration that make it a floor: "at least 72 hours", "more than three days", 最低, 少なくとも. */
const AT_LEAST_BEFORE = new RegExp(`(?:\\bat\\s+least|\\bminimum(?:\\s+of)?|\\bmore\\s+than|\\bover|\\bno\\s+less\\s+than|最低|少なくとも)${HEDGE}\\s*$`, 'iu')
const AT_MOST_AFTER = /^\s*(?:以内|まで|以下|未満|or\s+(?:less|under|shorter)\b|max(?:imum)?\b|at\s+most\b|tops\b)/iu
const AT_LEAST_AFTER = /^\s*(?:以上|or\s+(?:more|longer)\b|at\s+least\b|minimum\b)/iu
/**
 * Words after a duration that measure it back from an event: "3 days before", "72 hours ahead",
 * "two weeks' notice", "in advance", 3日前. Such a duration is an offset: a deadline counts it.
 */
const OFFSET_AFTER = /^(?:['’]s?)?\s*(?:before(?:hand)?|ahead|in\s+advance|prior|earlier|notice|(?:以上)?前)/iu
/** Offsets of notice: more notice is always fine, so "72 hours ahead", "two weeks' notice" are floors. */
const NOTICE_AFTER = /^(?:['’]s?)?\s*(?:ahead|in\s+advance|beforehand|notice)/iu
/** Before an offset: the deadline the offset must reach at least ("until 3 days before", "by", "no later than"). */
const DEADLINE_BEFORE = new RegExp(`(?:\\buntil|\\btill|\\bup\\s+to|\\bby|\\bno\\s+later\\s+than|\\bat\\s+least|\\bmore\\s+than|\\bover)${HEDGE}\\s*$`, 'iu')
/** After an offset: まで, までに, 以上前 (the offset is a floor). */
const DEADLINE_AFTER = /^(?:['’]s?)?\s*(?:以上前|前\s*(?:まで|までに))/u
/** Before or after an offset: the time after the deadline ("from 2 days before", "within", 3日前を過ぎると, 以降). */
const PAST_DEADLINE_BEFORE = new RegExp(`(?:\\bfrom|\\bwithin|\\bafter|\\bless\\s+than|\\bunder|\\bstarting)${HEDGE}\\s*$`, 'iu')
const PAST_DEADLINE_AFTER = /^(?:['’]s?)?\s*(?:before|前)\s*(?:を?過ぎ|以降|から|以内|を?切)/iu

/** How a duration is said: as a ceiling (`max`), a floor (`min`) or an exact length; `offset` when measured back from an event. */
export interface DurationBound {
  limit?: 'max' | 'min'
  offset?: true
}

/**
 * Whether the duration at `start`–`end` of `text` is a bound and an offset. A ceiling ("up to 3
 * months", 3か月以内) or a floor ("at least 72 hours") bounds a length. An offset ("3 days
 * before", "two weeks' notice", 3日前) counts back from an event; its deadline makes it a floor
 * ("free until 3 days before": cancelling 3 days before or earlier; 3日前まで) and the time past
 * the deadline a ceiling ("from 2 days before it's 20%", 3日前を過ぎると). Words of notice
 * ("72 hours ahead", "in advance", "notice") make an offset a floor too: more notice is fine.
 * The same reading serves replies and knowledge text.
 */
export function durationBound(text: string, start: number, end: number): DurationBound {
  const before = text.slice(Math.max(0, start - 28), start)
  const after = text.slice(end, end + 14)
  if (OFFSET_AFTER.test(after)) {
    if (DEADLINE_AFTER.test(after) || DEADLINE_BEFORE.test(before)) return { limit: 'min', offset: true }
    if (PAST_DEADLINE_AFTER.test(after) || PAST_DEADLINE_BEFORE.test(before)) return { limit: 'max', offset: true }
    return NOTICE_AFTER.test(after) ? { limit: 'min', offset: true } : { offset: true }
  }
  if (AT_MOST_BEFORE.test(before) || AT_MOST_AFTER.test(after)) return { limit: 'max' }
  if (AT_LEAST_BEFORE.test(before) || AT_LEAST_AFTER.test(after)) return { limit: 'min' }
  return {}
}

/** Marks each duration claim of `text` said as a bound or an offset (see durationBound). */
export function readDurationBounds(text: string, claims: Claim[]): void {
  for (const claim of claims) {
    if (claim.value.kind !== 'duration') continue
    const bound = durationBound(text, claim.start, claim.end)
    if (bound.limit) claim.value.limit = bound.limit
    if (bound.offset) claim.value.offset = true
  }
}
