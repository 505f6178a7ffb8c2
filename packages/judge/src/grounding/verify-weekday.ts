import type { Claim } from '../claims/claim.ts'
import type { KnowledgeEntry, KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import type { ClaimCheck } from './claim-check.ts'
import { bestScoring, WEEKDAY_TERMS } from './best-scoring.ts'
import { agreesWithAny, fromEntry, result } from './claim-result.ts'

/** Words that only say which days (weekdays, weekends, daily, 平日, 毎日): a line of them names no subject of its own. */
const DAY_WORDS = new Set(['hours', 'weekday', 'weekend', 'daily', 'week', 'public', 'national', 'closed', 'close', '平日', '週末', '土日', '祝日', '祝祭日', '毎日', '年中無休', '無休', '定休日', '休診日', '休業日'])

type WeekdayValue = Extract<Claim['value'], { kind: 'weekday' }>

const NO_VALUES: readonly WeekdayValue[] = []
const valuesOf = new WeakMap<KnowledgeEntry, readonly WeekdayValue[]>()

/** The weekday values an entry states (remembered per entry: every weekday claim of every reply asks). */
function weekdayValues(entry: KnowledgeEntry): readonly WeekdayValue[] {
  let values = valuesOf.get(entry)
  if (!values) {
    const found = entry.claims.flatMap((claim) => (claim.value.kind === 'weekday' ? [claim.value] : []))
    values = found.length > 0 ? found : NO_VALUES
    valuesOf.set(entry, values)
  }
  return values
}

/** An open or closed day of the business: not a denial ("Mr. Sato is not in on Wednesdays" closes nothing). */
function saysForBusiness(value: WeekdayValue): boolean {
  return value.status !== 'neutral' && value.negated !== true
}

interface DayEntries {
  /** Entries that give someone's or something's days (a neutral weekday value and a subject). */
  owners: KnowledgeEntry[]
  /** Entries that give open or closed days. */
  known: KnowledgeEntry[]
  /** Of those, the ones that give the business's own days (not a denial: "Mr. Sato is not in on Wednesdays"), and of these the ones about no subject of their own. */
  businessWide: KnowledgeEntry[]
  general: KnowledgeEntry[]
}
const dayEntriesOf = new WeakMap<KnowledgeIndex, DayEntries>()

/** A fact's days are keyed by whom they belong to (`coaches.ito.days`): leaf and parent keys together. */
function ownerSubject(entry: KnowledgeEntry): Set<string> {
  return entry.kind === 'fact' ? entry.terms : entry.leafTerms.size > 0 ? entry.leafTerms : entry.parentTerms
}

/** The index's entries that state days, sorted once per index. */
function dayEntries(index: KnowledgeIndex): DayEntries {
  let found = dayEntriesOf.get(index)
  if (!found) {
    const stating = index.entries.filter((entry) => weekdayValues(entry).length > 0)
    const known = stating.filter((entry) => weekdayValues(entry).some((value) => value.status !== 'neutral'))
    const businessWide = known.filter((entry) => weekdayValues(entry).some(saysForBusiness))
    found = {
      owners: stating.filter((entry) => ownerSubject(entry).size > 0 && weekdayValues(entry).some((value) => value.status === 'neutral')),
      known,
      businessWide,
      general: businessWide.filter((entry) => ownSubject(entry).length === 0),
    }
    dayEntriesOf.set(index, found)
  }
  return found
}

/** What an entry is about beyond days and hours (`restaurant` for `restaurant.closed: Mondays`; nothing for `hours.monday`). */
function ownSubject(entry: KnowledgeEntry): string[] {
  const terms = entry.kind === 'fact' ? [...entry.leafTerms, ...entry.parentTerms] : [...entry.valueTerms]
  return terms.filter((term) => !WEEKDAY_TERMS.has(term) && !DAY_WORDS.has(term))
}

/** Entries that give someone's or something's days ("Coach Sato … Mondays and Fridays only") and relate to the subject. */
function daysEntries(about: Set<string>, index: KnowledgeIndex): KnowledgeEntry[] {
  if (about.size === 0) return []
  return bestScoring(dayEntries(index).owners, about, ownerSubject)
}

/**
 * Verifies a weekday claim, subject-aware:
 * - about someone or something the knowledge gives days for ("Coach Sato … Mondays and Fridays
 *   only", "Gluten-free bread: Saturdays only"): a day said to be theirs must be one of them
 *   ("only on weekends": and no others), a day said to be a closing day of theirs must not;
 * - said open or closed: the entries that give open or closed days of what the reply is about
 *   (`restaurant.closed: Mondays`) decide, else those of the business's own hours; a day the
 *   subject's entry does not name has the other status (not a closing day: open; not an opening
 *   day: closed);
 * - a denial ("we don't do moves on Sundays") is `unsettled`: a person's (`checkPersonDays`) is
 *   read before, and which words of the clause another denies is not read here;
 * - a day said with no status is supported.
 */
export function verifyWeekday(claim: Claim, terms: Set<string>, index: KnowledgeIndex, contextClaims: Claim[]): ClaimCheck {
  if (claim.value.kind !== 'weekday') return result(claim, 'unsupported')
  const { days, status, negated } = claim.value
  const value = claim.value
  const about = new Set([...terms].filter((term) => !WEEKDAY_TERMS.has(term) && !DAY_WORDS.has(term)))
  // A denial the person check did not take ("we don't do moves on Sundays", "no surcharge on weekdays"): which of
  // the clause's words it denies is not read here, so it settles nothing.
  if (negated) return result(claim, 'unsettled')
  const owners = daysEntries(about, index)
  if (owners.length > 0) {
    const owns = (entry: KnowledgeEntry, day: number): boolean => weekdayValues(entry).some((value) => value.status === 'neutral' && value.days.includes(day))
    // "only on weekends": the subject's days must be those and no others.
    const only = value.only
    const onlyThose = (entry: KnowledgeEntry): boolean => !only || weekdayValues(entry).every((known) => known.status !== 'neutral' || known.days.every((day) => only.includes(day)))
    const fits = status === 'closed' ? owners.find((entry) => days.every((day) => !owns(entry, day))) : owners.find((entry) => days.every((day) => owns(entry, day)) && onlyThose(entry))
    return fits ? result(claim, 'supported', fromEntry(fits)) : result(claim, 'contradicted', fromEntry(owners[0] as KnowledgeEntry))
  }
  const { known, businessWide, general } = dayEntries(index)
  if (status === 'neutral') {
    const entry = known.find((candidate) => weekdayValues(candidate).some((value) => value.days.some((day) => days.includes(day))))
    return result(claim, 'supported', entry ? fromEntry(entry) : undefined)
  }
  const related = about.size > 0 ? bestScoring(known, about, (entry) => entry.terms) : []
  // The business's own days: a denial in the knowledge ("Mr. Sato is not in on Wednesdays") closes nothing.
  const says = (value: WeekdayValue): boolean => (related.length > 0 ? value.status !== 'neutral' : saysForBusiness(value))
  const candidates = related.length > 0 ? related : about.size > 0 || general.length > 0 ? general : businessWide
  let support: KnowledgeEntry | undefined
  for (const day of days) {
    const entry = candidates.find((candidate) => weekdayValues(candidate).some((value) => says(value) && value.days.includes(day)))
    if (!entry) {
      // The subject's own entry lists its days: a day it does not name has the other status. "Dinner at Kaze,
      // except Tuesdays" when Kaze closes on Mondays (a closing-days entry: the others are open); "no lunch on
      // Saturdays" when lunch is served on weekdays (an opening-days entry: the others are closed).
      const listing = related[0]
      if (listing) {
        const implied = weekdayValues(listing).some((value) => value.status === 'closed') ? 'open' : 'closed'
        if (implied !== status) return result(claim, 'contradicted', fromEntry(listing))
        support = listing
        continue
      }
      if (agreesWithAny(claim, contextClaims)) return result(claim, 'supported', { source: 'context' })
      // "We're open every day" where the knowledge gives no day's status for it: nothing to settle it with.
      return result(claim, days.length >= 7 || candidates.length === 0 ? 'unsettled' : 'unsupported')
    }
    const knownStatus = weekdayValues(entry).find((value) => says(value) && value.days.includes(day))
    if (knownStatus && knownStatus.status !== status) return result(claim, 'contradicted', fromEntry(entry))
    support = entry
  }
  return result(claim, 'supported', support ? fromEntry(support) : undefined)
}
