import { japaneseSurnames } from './japanese-surnames.ts'
import type { PersonRecord } from './person-records.ts'

/** One of the knowledge's people named in a text, and where. */
export interface PersonMention {
  person: PersonRecord
  text: string
  start: number
  end: number
}

const patterns = new WeakMap<readonly PersonRecord[], { pattern: RegExp; byWord: Map<string, PersonRecord[]> }>()

function prepare(people: readonly PersonRecord[]): { pattern: RegExp; byWord: Map<string, PersonRecord[]> } {
  let ready = patterns.get(people)
  if (!ready) {
    const byWord = new Map<string, PersonRecord[]>()
    for (const person of people) for (const name of person.names) if (/^[a-z][a-z'’-]+$/u.test(name)) byWord.set(name, [...(byWord.get(name) ?? []), person])
    const words = [...byWord.keys()].map((word) => `${(word[0] ?? '').toUpperCase()}${word.slice(1)}`.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    // Names are said capitalised ("Sato teaches on Wednesdays", "ask for Ms. Aiko Mori"): a lower-case word is not one.
    ready = { pattern: new RegExp(words.length > 0 ? `(?<![\\p{L}])(?:${words.join('|')})(?![\\p{L}])` : '(?!)', 'gu'), byWord }
    patterns.set(people, ready)
  }
  return ready
}

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
  const { pattern, byWord } = prepare(people)
  const mentions: PersonMention[] = []
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const owners = byWord.get(match[0].toLowerCase()) ?? []
    const person = owners[0]
    if (owners.length !== 1 || !person) continue
    const last = mentions.at(-1)
    // "Aiko Mori": given and family name of one person.
    if (last && last.person === person && /^\s+$/u.test(text.slice(last.end, match.index))) {
      last.end = match.index + match[0].length
      last.text = text.slice(last.start, last.end)
      continue
    }
    mentions.push({ person, text: match[0], start: match.index, end: match.index + match[0].length })
  }
  pattern.lastIndex = 0
  if (/[\p{sc=Han}]/u.test(text)) {
    for (const surname of japaneseSurnames(text)) {
      const owners = people.filter((person) => person.names.has(surname.reading) || person.names.has(surname.name))
      const person = owners[0]
      if (owners.length === 1 && person) mentions.push({ person, text: surname.name, start: surname.start, end: surname.end })
    }
    mentions.sort((left, right) => left.start - right.start)
  }
  return mentions
}
