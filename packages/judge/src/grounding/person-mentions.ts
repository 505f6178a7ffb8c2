import { japaneseSurnames } from './japanese-surnames.ts'
import { englishKey, katakanaKey } from './loanword-key.ts'
import type { PersonRecord } from './person-records.ts'

/** One of the knowledge's people named in a text, and where. */
export interface PersonMention {
  person: PersonRecord
  text: string
  start: number
  end: number
}

const prepared = new WeakMap<readonly PersonRecord[], Array<[string, PersonRecord]>>()

/** Each English name word as it is said (capitalised) with the one person it names (a name two people share tells neither apart). */
function nameIndex(people: readonly PersonRecord[]): Array<[string, PersonRecord]> {
  let names = prepared.get(people)
  if (!names) {
    const byName = new Map<string, PersonRecord[]>()
    // Names are said capitalised ("Sato teaches on Wednesdays", "ask for Ms. Aiko Mori"): a lower-case word is not one.
    for (const person of people) for (const name of person.names) if (/^[a-z][a-z'’-]+$/u.test(name)) {
      const said = `${(name[0] ?? '').toUpperCase()}${name.slice(1)}`
      byName.set(said, [...(byName.get(said) ?? []), person])
    }
    names = [...byName].flatMap(([said, owners]): Array<[string, PersonRecord]> => (owners.length === 1 && owners[0] ? [[said, owners[0]]] : []))
    prepared.set(people, names)
  }
  return names
}

const LETTER = /\p{L}/u

/**
 * Where a text names the knowledge's people: an English name with or without its title and
 * given name ("Ms. Mori", "Aiko Mori", "Mori"), a Japanese family name in kanji (森は…, 河合先生)
 * met by its reading. A name two people share tells neither apart and is left out; the given
 * and family name of one person side by side are one mention.
 *
 * @example
 * personMentions('Sato teaches on Wednesdays', people) // [{ person: <Coach Sato>, text: 'Sato', start: 0, end: 4 }]
 */
export function personMentions(text: string, people: readonly PersonRecord[]): PersonMention[] {
  if (people.length === 0) return []
  // The day and role checks read the same reply: the last answer is kept.
  if (last.text === text && last.people === people) return last.mentions.map((mention) => ({ ...mention }))
  const mentions = readMentions(text, people)
  Object.assign(last, { text, people, mentions: mentions.map((mention) => ({ ...mention })) })
  return mentions
}

const last: { text: string; people: readonly PersonRecord[] | undefined; mentions: PersonMention[] } = { text: '', people: undefined, mentions: [] }

function readMentions(text: string, people: readonly PersonRecord[]): PersonMention[] {
  const found: Array<{ person: PersonRecord; start: number; end: number }> = []
  for (const [said, person] of nameIndex(people)) {
    for (let at = text.indexOf(said); at >= 0; at = text.indexOf(said, at + 1)) {
      if (!LETTER.test(text[at - 1] ?? '') && !LETTER.test(text[at + said.length] ?? '')) found.push({ person, start: at, end: at + said.length })
    }
  }
  found.sort((left, right) => left.start - right.start)
  const mentions: PersonMention[] = []
  for (const hit of found) {
    const last = mentions.at(-1)
    // "Aiko Mori": given and family name of one person.
    if (last && last.person === hit.person && /^\s+$/u.test(text.slice(last.end, hit.start))) {
      last.end = hit.end
      last.text = text.slice(last.start, last.end)
      continue
    }
    mentions.push({ person: hit.person, text: text.slice(hit.start, hit.end), start: hit.start, end: hit.end })
  }
  if (/[\p{sc=Katakana}]/u.test(text)) mentions.push(...katakanaMentions(text, people))
  if (/[\p{sc=Han}\p{sc=Katakana}]/u.test(text)) {
    for (const surname of japaneseSurnames(text)) {
      const owners = people.filter((person) => person.names.has(surname.reading) || person.names.has(surname.name))
      const person = owners[0]
      if (owners.length === 1 && person) mentions.push({ person, text: surname.name, start: surname.start, end: surname.end })
    }
    mentions.sort((left, right) => left.start - right.start)
  }
  return mentions
}

/** A katakana name followed by what follows a person's name: a title (さん, 先生, コーチ) or a particle (は, が, も, に, と). */
const KATAKANA_NAME = /([\p{sc=Katakana}ー]{2,8})(?=さん|様|先生|コーチ|トレーナー|は|が|も|に|と|より|から|です|でございます)/gu

/**
 * A name's consonant key with シ and "s" as one sound: Japanese has no "si", so a name's si, ci
 * and sh are all written シ (Lucia ルシア, Alicia アリシア, Garcia ガルシア, Shota ショウタ).
 */
function nameKey(key: string): string {
  return key.replace(/S/gu, 's')
}

const keysByPeople = new WeakMap<readonly PersonRecord[], Map<string, PersonRecord[]>>()

/**
 * Japanese writes a foreign name in katakana (マーカス for Marcus, プリヤ for Priya, ケンタ for
 * Kenta): a katakana word in a name's place meets a person whose English name has the same
 * consonant key (the gairaigo transcription, see loanword-key).
 */
function katakanaMentions(text: string, people: readonly PersonRecord[]): PersonMention[] {
  let keys = keysByPeople.get(people)
  if (!keys) {
    keys = new Map()
    for (const person of people) for (const name of person.names) if (/^[a-z]+$/u.test(name)) {
      const key = nameKey(englishKey(name))
      if (key !== '') keys.set(key, [...new Set([...(keys.get(key) ?? []), person])])
    }
    keysByPeople.set(people, keys)
  }
  if (keys.size === 0) return []
  const mentions: PersonMention[] = []
  for (const match of text.matchAll(KATAKANA_NAME)) {
    const word = match[1] ?? ''
    const owners = keys.get(nameKey(katakanaKey(word)))
    const person = owners?.[0]
    if (owners?.length === 1 && person) mentions.push({ person, text: word, start: match.index, end: match.index + word.length })
  }
  return mentions
}
