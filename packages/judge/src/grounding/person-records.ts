import type { KnowledgeEntry, KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import { isStopWord, normalizeText, stemWord } from '../internal/normalize-text.ts'
import { daysSaid, EVERY_DAY } from './days-said.ts'
import { japaneseSurnames } from './japanese-surnames.ts'
import { namesStaffRole, roleTerms } from './staff-roles.ts'
import { GENERAL_TERMS } from './subject-terms.ts'
import { BARE_NAME, nameWords, PERSON_NAME } from './person-names.ts'
import { textPersonSpans } from './text-person-spans.ts'

/** Someone the knowledge names, with what they do: `Dr. Kawai (rabbits and ferrets, …)` → {kawai} → {rabbit, ferret}. */
export interface PersonRecord {
  /** Their name's own words, lower case (`kawai`; `aiko`, `mori`), and a Japanese name's kanji. */
  names: Set<string>
  /** The subject terms of what they do or handle (days and hours left out). */
  roles: Set<string>
  /** The days they work (0 = Sunday … 6 = Saturday, 7 = holidays), when the knowledge says. */
  days?: number[]
  /** The entry that says it (evidence of a contradiction). */
  entry: KnowledgeEntry
  /** The entry that gives their days (evidence of a day said wrongly). */
  daysEntry?: KnowledgeEntry
}

const NOT_ROLES = new Set(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'holiday', 'weekday', 'weekend', 'hours', 'name', 'days', 'day', 'every', 'only', 'role', 'mrs', 'miss', 'open'])
/** Keys that give the days someone is off (`day_off: Monday`, `休み`), not the days they work. */
const DAYS_OFF_KEY = /(?:^|[._])(?:off|days_off|day_off|closed|rest|holidays?_off)$|休/u

/** The readings and kanji of the family names a text says (青木 → {aoki, 青木}). */
function surnamesOf(text: string): Set<string> {
  return new Set(japaneseSurnames(text).flatMap((surname) => [surname.reading, surname.name]))
}

function rolesOf(text: string, index: KnowledgeIndex, names: Set<string>): Set<string> {
  const roles = new Set<string>()
  const stems = new Set([...names].map(stemWord))
  for (const term of roleTerms(text, index.vocabulary)) if (!names.has(term) && !stems.has(term) && !NOT_ROLES.has(term)) roles.add(term)
  return roles
}

/** "English", "Reception", "Two": an untitled value under staff that is a role, a language or a common word, not a name. */
function notAName(value: string): boolean {
  return namesStaffRole(value) || value.split(/\s+/u).some((word) => GENERAL_TERMS.words.has(stemWord(normalizeText(word))) || isStopWord(normalizeText(word)))
}

/** Days a fact gives: those it names, or under a days-off key every other day. */
function factDays(entry: KnowledgeEntry): number[] | undefined {
  const days = daysSaid(entry.value)
  if (!days || !DAYS_OFF_KEY.test(entry.path)) return days
  return EVERY_DAY.filter((day) => !days.includes(day))
}

function withDays(person: PersonRecord, entry: KnowledgeEntry | undefined): PersonRecord {
  const days = entry ? factDays(entry) : undefined
  return days ? { ...person, days, daysEntry: entry } : person
}

/** People of a knowledge base: a fact group with a `name` (`vets.kawai.{name, role, days}`) or a role key whose value is a titled name (`staff.concierge: Ms. Aiko Mori`). */
function structuredPeople(index: KnowledgeIndex): PersonRecord[] {
  const people: PersonRecord[] = []
  const groups = new Map<string, KnowledgeEntry[]>()
  for (const entry of index.entries) {
    if (entry.kind !== 'fact') continue
    const parent = entry.path.slice(0, entry.path.lastIndexOf('.'))
    groups.set(parent, [...(groups.get(parent) ?? []), entry])
  }
  for (const [parent, members] of groups) {
    const named = members.find((member) => member.path.endsWith('.name') && (PERSON_NAME.test(member.value) || (member.path.split('.').length > 3 && (BARE_NAME.test(member.value) || surnamesOf(member.value).size > 0))))
    if (named) {
      const names = new Set([...nameWords(named.value), ...surnamesOf(named.value)])
      // `vets.kawai.name`: the key above `name` is the person's; `japanese_speaking_staff.name`: it is their role.
      const keys = parent.split('.').slice(1)
      const personal = keys.length > 1
      if (personal) names.add(normalizeText(keys.at(-1) ?? ''))
      const roles = new Set<string>()
      const others = members.filter((member) => member !== named)
      for (const member of others) if (!factDays(member)) for (const role of rolesOf(`${member.path.slice(parent.length + 1)} ${member.value}`, index, names)) roles.add(role)
      for (const role of rolesOf((personal ? keys.slice(0, -1) : keys).join(' ').replace(/_/gu, ' '), index, names)) roles.add(role)
      people.push(withDays({ names, roles, entry: named }, others.find((member) => factDays(member))))
      continue
    }
    // `staff: { director: Dr. Haruka Tanaka, hygienist: Yui Yamamoto }`: beside a titled name, a bare name is a person too.
    // So is one keyed by its own name (`marcus: Marcus, head mechanic`).
    const staffGroup = members.some((member) => PERSON_NAME.test(member.value))
    for (const member of members) {
      const match = PERSON_NAME.exec(member.value)
      const bare = /^[^,(（、]+/u.exec(member.value)?.[0].trim() ?? ''
      const ownKey = normalizeText(bare.split(/\s+/u)[0] ?? '') === normalizeText(member.path.slice(member.path.lastIndexOf('.') + 1))
      if (member.path.endsWith('.name') || !(match || ((staffGroup || ownKey) && BARE_NAME.test(bare) && !notAName(bare)))) continue
      const names = nameWords(match?.[1] ?? bare)
      const leaf = member.path.slice(member.path.lastIndexOf('.') + 1)
      // `staff.arai: Ms. Arai, estimates, Monday to Friday`: a key that is the name says no role; the value's other words do.
      const keyIsName = names.has(normalizeText(leaf))
      const roles = rolesOf(`${keyIsName ? '' : leaf.replace(/_/gu, ' ')} ${member.value}`, index, names)
      // `staff.concierge_days: Tuesday to Saturday` beside `staff.concierge`.
      const sibling = members.find((other) => other !== member && other.path.startsWith(`${member.path}_`) && factDays(other))
      people.push(withDays({ names, roles, entry: member }, daysSaid(member.value) ? member : sibling))
    }
  }
  return people
}

/** People of free-text knowledge: each person a line names ("Dr. Kawai (rabbits and ferrets, Tuesdays …)", "Stylists: Ms. Aoki (colour, Tue–Sat), Mr. Ueda (perms)"). */
function textPeople(index: KnowledgeIndex): PersonRecord[] {
  const people: PersonRecord[] = []
  const seen = new Set<string>()
  for (const entry of index.entries) {
    if (entry.kind === 'fact' || seen.has(entry.path)) continue
    seen.add(entry.path)
    const spans = textPersonSpans(entry.value)
    for (const span of spans) {
      const days = daysSaid(span.own)
      const roles = rolesOf(`${span.head} ${span.own}`, index, span.names)
      const same = people.find((person) => [...span.names].some((name) => person.names.has(name)))
      if (same) {
        // One person on two lines ("Ms. Kato … / 日本語スタッフ Kato（火曜・木曜）" or a later line about them): one record.
        for (const role of roles) same.roles.add(role)
        if (!same.days && days) Object.assign(same, { days, daysEntry: entry })
        continue
      }
      people.push({ names: span.names, roles, entry, ...(days ? { days, daysEntry: entry } : {}) })
    }
  }
  return people
}

/** Free text of this many lines or more is a business's fact sheet. */
const FACT_SHEET_LINES = 3
const cache = new WeakMap<KnowledgeIndex, PersonRecord[]>()

/** The people a knowledge base or free-text knowledge names, each with what they do and their days (read once per index). */
export function personRecords(index: KnowledgeIndex): PersonRecord[] {
  let people = cache.get(index)
  if (!people) {
    // Prose (a paragraph or two: an encyclopedia's) names people of the world, not staff to tell apart.
    people = index.structured ? structuredPeople(index) : index.lines >= FACT_SHEET_LINES ? textPeople(index) : []
    cache.set(index, people)
  }
  return people
}
