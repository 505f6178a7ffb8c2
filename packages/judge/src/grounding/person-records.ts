import { keyDays, type KnowledgeEntry, type KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import { isStopWord, normalizeText, stemWord } from '../internal/normalize-text.ts'
import { dayParts, daysSaid, EVERY_DAY, workingDays } from './days-said.ts'
import { isSurnameReading, japaneseSurnames } from './japanese-surnames.ts'
import { namesStaffRole, roleTerms } from './staff-roles.ts'
import { GENERAL_TERMS } from './subject-terms.ts'
import { BARE_NAME, nameWords, PERSON_NAME } from './person-names.ts'
import { textPersonSpans } from './text-person-spans.ts'
import { extractNormalizedClaims } from '../claims/extract-claims.ts'
import { normalizeSpokenForms } from '../internal/normalize-spoken-forms.ts'

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

const NOT_ROLES = new Set(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'holiday', 'weekday', 'weekend', 'hours', 'name', 'days', 'day', 'every', 'only', 'role', 'mrs', 'miss', 'open', 'morning', 'afternoon', 'evening', 'night', 'daytime'])
/** Short day names and ranges of them ("mon", "thu-sun"): days, not roles. */
const SHORT_DAYS = /^(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[-–]?)+$/u
/** Keys that give the days someone is off (`day_off: Monday`, `休み`), not the days they work. */
const DAYS_OFF_KEY = /(?:^|[._])(?:off|days_off|day_off|closed|rest|holidays?_off)$|休/u

/** The readings and kanji of the family names a text says (青木 → {aoki, 青木}). */
function surnamesOf(text: string): Set<string> {
  return new Set(japaneseSurnames(text).flatMap((surname) => [surname.reading, surname.name]))
}

function rolesOf(text: string, index: KnowledgeIndex, names: Set<string>): Set<string> {
  const roles = new Set<string>()
  const stems = new Set([...names].map(stemWord))
  for (const term of roleTerms(text, index.vocabulary)) if (!names.has(term) && !stems.has(term) && !NOT_ROLES.has(term) && !SHORT_DAYS.test(term)) roles.add(term)
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
    const keyed = keyedPerson(parent, members, index)
    if (keyed) {
      people.push(keyed)
      continue
    }
    // `staff: { director: Dr. Haruka Tanaka, hygienist: Yui Yamamoto }`: beside a titled name, a bare name is a person too.
    // So is one keyed by its own name (`marcus: Marcus, head mechanic`).
    const staffGroup = members.some((member) => PERSON_NAME.test(member.value))
    // `on_duty: { weekdays: Dr. Mori, saturday: Dr. Sato, sunday: Dr. Mori }`: one person under several keys is one record.
    const byName = new Map<string, PersonRecord>()
    for (const member of members) {
      const match = PERSON_NAME.exec(member.value)
      const bare = (member.value.split(/\s+[-–—]\s+|[,(（、;:：—–]/u)[0] ?? '').trim()
      const leaf = member.path.slice(member.path.lastIndexOf('.') + 1)
      // `marcus: Marcus, …`, `priya_nair: Priya Nair, …`: a key that spells the name.
      const ownKey = [normalizeText(bare.split(/\s+/u)[0] ?? ''), normalizeText(bare).replace(/\s+/gu, '_')].includes(normalizeText(leaf))
      if (member.path.endsWith('.name') || !(match || ((staffGroup || ownKey) && BARE_NAME.test(bare) && !notAName(bare)))) continue
      const names = nameWords(match?.[1] ?? bare)
      // `staff.arai: Ms. Arai, estimates, Monday to Friday`: a key that is the name says no role; the value's other words do.
      const keyIsName = names.has(normalizeText(leaf)) || ownKey
      const roles = rolesOf(`${keyIsName ? '' : leaf.replace(/_/gu, ' ')} ${member.value}`, index, names)
      // `staff.concierge_days: Tuesday to Saturday` beside `staff.concierge`.
      const sibling = members.find((other) => other !== member && other.path.startsWith(`${member.path}_`) && factDays(other))
      const keyDaysSaid = daysSaid(member.value) ? undefined : keyDays(leaf)
      const person = keyDaysSaid ? { names, roles, entry: member, days: keyDaysSaid, daysEntry: member } : withDays({ names, roles, entry: member }, daysSaid(member.value) ? member : sibling)
      const key = [...names].sort().join(' ')
      const same = byName.get(key)
      if (!same) {
        byName.set(key, person)
        people.push(person)
        continue
      }
      for (const role of person.roles) same.roles.add(role)
      if (person.days) Object.assign(same, { days: [...new Set([...(same.days ?? []), ...person.days])].sort((left, right) => left - right), daysEntry: same.daysEntry ?? person.daysEntry })
    }
  }
  return people
}

/** Group keys that hold people, beside the staff lexicon's roles ("stylists", "teachers"). */
const STAFF_GROUP = /^(?:staff|team|people|crew|employees|vets|doctors|dentists|physicians|スタッフ|担当)$/u
/** Leaf keys that say what someone does. */
const DUTY_KEY = /(?:^|_)(?:role|roles|specialty|speciality|specialties|teaches|handles|duties|skills?|languages?|担当|専門)$/u

/**
 * A person keyed by their own name without a `name` field (`stylists.tanaka: { specialty: colour,
 * days: Tuesday to Saturday }`): a group under a key that holds staff, or keyed by a Japanese
 * family name's reading, whose fields give days or duties.
 */
function keyedPerson(parent: string, members: readonly KnowledgeEntry[], index: KnowledgeIndex): PersonRecord | undefined {
  const keys = parent.split('.').slice(1)
  const own = (keys.at(-1) ?? '').toLowerCase().replace(/^(?:mr|mrs|ms|dr|coach|chef)_/u, '')
  const group = (keys.at(-2) ?? '').toLowerCase().replace(/_/gu, ' ')
  if (keys.length < 2 || !/^[a-z]{2,}$/u.test(own) || !(isSurnameReading(own) || STAFF_GROUP.test(group) || namesStaffRole(group)) || namesStaffRole(own)) return undefined
  const duties = members.filter((member) => DUTY_KEY.test(member.path.slice(member.path.lastIndexOf('.') + 1)))
  const dayMember = members.find((member) => factDays(member))
  const first = duties[0] ?? dayMember
  if (!first) return undefined
  const names = new Set([own])
  const roles = new Set<string>()
  for (const member of members) if (!factDays(member)) for (const role of rolesOf(`${member.path.slice(parent.length + 1)} ${member.value}`, index, names)) roles.add(role)
  return withDays({ names, roles, entry: first }, dayMember)
}

/** What a line's words before its people say of days, when that is all they say ("Saturdays: Dr. Sato", "On weekends, the vet is"). */
function headDays(head: string): ReturnType<typeof dayParts> {
  if (head === '') return undefined
  const parts = dayParts(head)
  return parts && extractNormalizedClaims(normalizeSpokenForms(head)).every((claim) => claim.value.kind === 'weekday' || claim.type === 'name') ? parts : undefined
}

/**
 * People of free-text knowledge: each person a line names ("Dr. Kawai (rabbits and ferrets, Tuesdays …)",
 * "Stylists: Ms. Aoki (colour, Tue–Sat), Mr. Ueda (perms)", "Saturdays: Dr. Sato"). One person on
 * several lines is one record: the days every line gives them, less the days a line gives as
 * their days off ("Ms. Aoki is off on Wednesdays").
 */
function textPeople(index: KnowledgeIndex): PersonRecord[] {
  const people: PersonRecord[] = []
  const said = new Map<PersonRecord, { working: Set<number>; off: Set<number> }>()
  const lines = [...new Map(index.entries.filter((entry) => entry.kind !== 'fact').map((entry) => [entry.path, entry])).values()]
  // The names some line gives a person; then each line read again knowing them.
  const known = new Set(lines.flatMap((entry) => textPersonSpans(entry.value).flatMap((span) => [...span.names])))
  for (const entry of lines) {
    const spans = textPersonSpans(entry.value, known)
    for (const span of spans) {
      const parts = dayParts(span.own) ?? headDays(span.head)
      const roles = rolesOf(`${span.head} ${span.own}`, index, span.names)
      // One person on two lines ("Ms. Kato … / 日本語スタッフ Kato（火曜・木曜）" or a later line about them): one record.
      let person = people.find((known) => [...span.names].some((name) => known.names.has(name)))
      if (person) for (const role of roles) person.roles.add(role)
      else {
        person = { names: span.names, roles, entry }
        people.push(person)
      }
      if (!parts) continue
      const days = said.get(person) ?? { working: new Set<number>(), off: new Set<number>() }
      for (const day of parts.working) days.working.add(day)
      for (const day of parts.off) days.off.add(day)
      said.set(person, days)
      person.daysEntry ??= entry
    }
  }
  for (const [person, days] of said) {
    const worked = workingDays(days.working, days.off)
    if (worked.length > 0) person.days = worked
    else delete person.daysEntry
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
