import type { KnowledgeEntry, KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import { normalizeText } from '../internal/normalize-text.ts'
import { japaneseSurnames } from './japanese-surnames.ts'
import { subjectTerms } from './subject-terms.ts'

/** Someone the knowledge names, with what they do: `Dr. Kawai (rabbits and ferrets, …)` → {kawai} → {rabbit, ferret}. */
export interface PersonRecord {
  /** Their name's own words, lower case (`kawai`; `aiko`, `mori`). */
  names: Set<string>
  /** The subject terms of what they do or handle (days and hours left out). */
  roles: Set<string>
  /** The entry that says it (evidence of a contradiction). */
  entry: KnowledgeEntry
}

const TITLES = 'Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Professor|Doctor|Coach|Chef|Nurse|Instructor|Trainer|Captain|Stylist|Barber|Therapist|Hygienist|Dentist|Teacher|Manager|Owner|Sommelier|Pharmacist|Director'
/** Titles said before a name (Dr. Kawai, Coach Ito, Chef Mori, Stylist Aoki). */
export const TITLE = new RegExp(`^(?:${TITLES.toLowerCase()})\\.?$`, 'u')
const TITLED = `(?:${TITLES})\\.?\\s+((?:\\p{Lu}[\\p{L}'’-]+)(?:\\s+\\p{Lu}[\\p{L}'’-]+)?)`
/** A name of one to three capitalised words, or a Japanese family name, as a `name` fact's value ("Aiko Mori", 青木). */
const BARE_NAME = /^(?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$/u
/** A titled name in English ("Ms. Aiko Mori", "Coach Ito"); group 1 is the name without the title. */
export const PERSON_NAME = new RegExp(`\\b${TITLED}`, 'u')
const PERSON_NAMES = new RegExp(`\\b${TITLED}`, 'gu')
const NOT_ROLES = new Set(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'holiday', 'hours', 'name', 'days', 'day', 'every', 'only', 'role'])

/** The readings and kanji of the family names a text says (青木 → {aoki, 青木}). */
function surnamesOf(text: string): Set<string> {
  return new Set(japaneseSurnames(text).flatMap((surname) => [surname.reading, surname.name]))
}

/** A name's own words, lower case, without titles ("Coach Ito" → {ito}). */
export function nameWords(name: string): Set<string> {
  return new Set(normalizeText(name).split(/[\s.]+/u).filter((word) => word.length > 1 && !TITLE.test(word)))
}

function rolesOf(text: string, index: KnowledgeIndex, names: Set<string>): Set<string> {
  const roles = new Set<string>()
  for (const term of subjectTerms(text, index.vocabulary)) if (!names.has(term) && !NOT_ROLES.has(term)) roles.add(term)
  return roles
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
      for (const member of members) if (member !== named) for (const role of rolesOf(`${member.path.slice(parent.length + 1)} ${member.value}`, index, names)) roles.add(role)
      for (const role of rolesOf((personal ? keys.slice(0, -1) : keys).join(' ').replace(/_/gu, ' '), index, names)) roles.add(role)
      people.push({ names, roles, entry: named })
      continue
    }
    // `staff: { director: Dr. Haruka Tanaka, hygienist: Yui Yamamoto }`: beside a titled name, a bare name is a person too.
    const staffGroup = members.some((member) => PERSON_NAME.test(member.value))
    for (const member of members) {
      const match = PERSON_NAME.exec(member.value)
      if (member.path.endsWith('.name') || !(match || (staffGroup && BARE_NAME.test(member.value)))) continue
      const names = nameWords(match?.[1] ?? member.value)
      people.push({ names, roles: new Set([...member.leafTerms].filter((term) => !NOT_ROLES.has(term))), entry: member })
    }
  }
  return people
}

/** People of free-text knowledge: a line that names a titled person ("Dr. Kawai (rabbits and ferrets, Tuesdays …)"). */
function textPeople(index: KnowledgeIndex): PersonRecord[] {
  const people: PersonRecord[] = []
  const seen = new Set<string>()
  for (const entry of index.entries) {
    if (entry.kind === 'fact' || seen.has(entry.path)) continue
    seen.add(entry.path)
    const matches = [...entry.value.matchAll(PERSON_NAMES)]
    const japanese = japaneseSurnames(entry.value)
    // One person per line: a line naming two people says nothing this check can tell apart.
    const names = matches.length === 1 ? nameWords(matches[0]?.[1] ?? '') : matches.length === 0 && japanese.length === 1 ? new Set([japanese[0]?.reading ?? '', japanese[0]?.name ?? '']) : undefined
    if (!names) continue
    people.push({ names, roles: rolesOf(entry.value, index, names), entry })
  }
  return people
}

const cache = new WeakMap<KnowledgeIndex, PersonRecord[]>()

/** The people a knowledge base or free-text knowledge names, each with what they do (read once per index). */
export function personRecords(index: KnowledgeIndex): PersonRecord[] {
  let people = cache.get(index)
  if (!people) {
    people = index.structured ? structuredPeople(index) : textPeople(index)
    cache.set(index, people)
  }
  return people
}
