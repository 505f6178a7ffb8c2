import type { Claim } from '../claims/claim.ts'
import { normalizeText } from '../internal/normalize-text.ts'
import type { KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import type { ClaimCheck } from './claim-check.ts'
import type { ReplySentence } from './check-statements.ts'
import { japaneseSurnames } from './japanese-surnames.ts'
import { nameWords, PERSON_NAME } from './person-names.ts'
import { personRecords, type PersonRecord } from './person-records.ts'
import { subjectTerms } from './subject-terms.ts'

/** Where a clause of a sentence that names two people ends. */
const CLAUSE_BREAK = /[;、。]|,\s*(?:and|but|while)\s|\s(?:but|while|whereas)\s|が、/iu

interface Mention {
  text: string
  words: Set<string>
  /** Position in the reply text. */
  start: number
  /** The people of the knowledge the name is (none for a name it does not know). */
  own: PersonRecord[]
}

const TITLED = /^(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?\s/u
const JAPANESE_SCRIPT = /[\p{sc=Han}\p{sc=Katakana}]/u

/**
 * The people a reply names that the check can say something about: a name of the knowledge's
 * people (when others exist to compare with), or an unknown name said as a person's (with a title,
 * or a Japanese family name), which is someone the knowledge does not give the role to.
 */
function mentionsIn(text: string, claims: readonly Claim[], people: readonly PersonRecord[], names: readonly string[]): Mention[] {
  const mentions: Mention[] = []
  const add = (said: string, words: Set<string>, start: number, person: boolean): void => {
    const own = people.filter((record) => shares(record.names, words) > 0)
    // Nobody else to give the role to (a clinic with one dentist): nothing to contradict.
    if ((own.length === 0 && !person) || own.length === people.length) return
    mentions.push({ text: said, words, start, own })
  }
  for (const claim of claims) {
    if (claim.type !== 'name' || JAPANESE_SCRIPT.test(claim.text)) continue
    const titled = PERSON_NAME.test(claim.text) || TITLED.test(claim.text)
    // Most names are the business's or a place's: one the knowledge's people do not share a word with, said without a title, is skipped unread.
    if (!titled && !names.some((name) => claim.text.toLowerCase().includes(name))) continue
    add(claim.text, nameWords(claim.value.kind === 'text' ? claim.value.text : claim.text), claim.start, titled)
  }
  if (JAPANESE_SCRIPT.test(text)) for (const surname of japaneseSurnames(text)) add(surname.name, new Set([surname.reading]), surname.start, true)
  return mentions
}

function shares(left: Set<string>, right: Set<string>): number {
  let count = 0
  for (const term of left) if (right.has(term)) count += 1
  return count
}

/** What the check needs of the knowledge, prepared once per index. */
interface Prepared {
  people: PersonRecord[]
  /** Role terms that tell the people apart (not every person's). */
  telling: Set<string>
  /** A quick test for a clause that may name one of those roles (most name none). */
  mayName: RegExp
  /** Every word of the people's names. */
  names: string[]
}

const prepared = new WeakMap<KnowledgeIndex, Prepared>()

function prepare(index: KnowledgeIndex): Prepared {
  let ready = prepared.get(index)
  if (!ready) {
    const people = personRecords(index)
    const counts = new Map<string, number>()
    for (const person of people) for (const role of person.roles) counts.set(role, (counts.get(role) ?? 0) + 1)
    // Terms every person shares ("coach", "staff") tell no one apart.
    const telling = new Set([...counts].filter(([, count]) => people.length === 1 || count < people.length).map(([role]) => role))
    ready = { people, telling, mayName: roleWords(index, telling), names: [...new Set(people.flatMap((person) => [...person.names]))] }
    prepared.set(index, ready)
  }
  return ready
}

/**
 * "Coach Ito runs our boxing classes" when the knowledge says Coach Kimura teaches boxing;
 * 「英語対応は中村が担当しております」 when Mr. Ono handles English-speaking customers: a reply
 * that says someone does what the knowledge gives to another person is contradicted, with that
 * person's entry as evidence. What a person does is read from the sentence (the clause, when it
 * names two people) as the terms that tell the knowledge's people apart; a name the caller said
 * is the caller's, not staff.
 */
export function checkPersonRoles(text: string, claims: readonly Claim[], sentences: readonly ReplySentence[], index: KnowledgeIndex, contextText: string): ClaimCheck[] {
  const { people, telling, mayName, names } = prepare(index)
  if (telling.size === 0) return []
  const found = mentionsIn(text, claims, people, names)
  if (found.length === 0) return []
  const caller = normalizeText(contextText)
  const mentions = found.filter((mention) => ![...mention.words].some((word) => caller.includes(word)) && !caller.includes(mention.text))
  const checks: ClaimCheck[] = []
  for (const sentence of sentences) {
    const inSentence = mentions.filter((mention) => mention.start >= sentence.start && mention.start < sentence.end)
    if (inSentence.length === 0 || sentence.act === 'question') continue
    const clauses = inSentence.length === 1 ? [{ text: sentence.text, mentions: inSentence }] : splitClauses(sentence, inSentence)
    for (const clause of clauses) {
      const mention = clause.mentions[0]
      if (clause.mentions.length !== 1 || !mention || !mayName.test(normalizeText(clause.text))) continue
      const roles = new Set([...subjectTerms(clause.text, index.vocabulary)].filter((term) => telling.has(term) && !mention.words.has(term)))
      if (roles.size === 0 || mention.own.some((person) => shares(person.roles, roles) > 0)) continue
      const other = bestOther(people, mention.own, roles)
      if (other) checks.push({ text: mention.text, type: 'name', status: 'contradicted', supported: false, evidence: { source: 'knowledge', path: other.entry.path, value: other.entry.value }, checkedBy: 'rules' })
    }
  }
  return checks
}

const roleWordsCache = new WeakMap<KnowledgeIndex, RegExp>()

/** A quick test for a clause that may name one of the roles (any word the vocabulary reads as one): most name none. */
function roleWords(index: KnowledgeIndex, roles: Set<string>): RegExp {
  let pattern = roleWordsCache.get(index)
  if (!pattern) {
    const words = new Set<string>(roles)
    for (const [word, canonical] of index.vocabulary.words) if (roles.has(canonical)) words.add(word)
    for (const [term, canonical] of index.vocabulary.terms) if (roles.has(canonical)) words.add(term)
    const escaped = [...words].filter((word) => word !== '').map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    pattern = new RegExp(escaped.join('|') || '(?!)', 'u')
    roleWordsCache.set(index, pattern)
  }
  return pattern
}

function bestOther(people: readonly PersonRecord[], own: readonly PersonRecord[], roles: Set<string>): PersonRecord | undefined {
  let best: PersonRecord | undefined
  let bestShared = 0
  for (const person of people) {
    if (own.includes(person)) continue
    const shared = shares(person.roles, roles)
    if (shared > bestShared) {
      best = person
      bestShared = shared
    }
  }
  return best
}

function splitClauses(sentence: ReplySentence, mentions: readonly Mention[]): Array<{ text: string; mentions: Mention[] }> {
  const clauses: Array<{ text: string; mentions: Mention[] }> = []
  let from = 0
  let rest = sentence.text
  while (rest !== '') {
    const cut = CLAUSE_BREAK.exec(rest)
    const end = cut ? cut.index + cut[0].length : rest.length
    const to = from + end
    clauses.push({ text: sentence.text.slice(from, to), mentions: mentions.filter((mention) => mention.start >= sentence.start + from && mention.start < sentence.start + to) })
    from = to
    rest = rest.slice(end)
  }
  return clauses
}
