import type { Claim } from '../claims/claim.ts'
import type { KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import type { ClaimCheck } from './claim-check.ts'
import type { ReplySentence } from './check-statements.ts'
import { japaneseSurnames } from './japanese-surnames.ts'
import { answersYes, isYesNoQuestion } from './answer-to-question.ts'
import { ANIMATE_VERB, clausesOf, NEGATED, partsByPerson, PRONOUN, sharedPredicate } from './person-clauses.ts'
import { personMentions } from './person-mentions.ts'
import { nameWords, PERSON_NAME } from './person-names.ts'
import { personRecords, type PersonRecord } from './person-records.ts'
import { roleTerms, rolesMeet } from './staff-roles.ts'

interface Mention {
  text: string
  start: number
  /** The knowledge's person the name is, or undefined for a name it does not know (said as a person's). */
  person: PersonRecord | undefined
}

const TITLED = /^(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?\s/u
const JAPANESE_SCRIPT = /[\p{sc=Han}\p{sc=Katakana}]/u
/** The caller giving their own name ("This is Ken Ueda", "my name is …", 「上田と申します」): that name is the caller's, not staff. */
const SELF_INTRODUCTION = /\b(?:this is|my name is|i am|i'm|it's)\s+(?:(?:Dr|Mr|Mrs|Ms|Mx)\.?\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)|([\p{sc=Han}\p{sc=Katakana}ー]+)(?:と申します|です。?$|と言います)/gu
/** A question about who does something (who / which / 誰 / どなた / どの…): its answer names the person for the role it asks about. */
const WHO_QUESTION = /\b(?:who|whom|which)\b|誰|どなた|どの(?:方|スタッフ|先生|人)|どちら様/iu

/**
 * The people a reply names: the knowledge's people (with or without title, a family name alone,
 * in kanji), and a name the knowledge does not know said as a person's (with a title, or a
 * Japanese family name), which is someone the knowledge does not give the role to. Names the
 * caller introduced themself with are the caller's.
 */
function mentionsIn(text: string, claims: readonly Claim[], people: readonly PersonRecord[], callerText: string): Mention[] {
  const mentions: Mention[] = personMentions(text, people).map((mention) => ({ text: mention.text, start: mention.start, person: mention.person }))
  const known = (words: Set<string>): boolean => people.some((person) => [...words].some((word) => person.names.has(word)))
  for (const claim of claims) {
    if (claim.type !== 'name' || mentions.some((mention) => mention.start >= claim.start && mention.start < claim.end) || JAPANESE_SCRIPT.test(claim.text) || !(PERSON_NAME.test(claim.text) || TITLED.test(claim.text))) continue
    const words = nameWords(claim.value.kind === 'text' ? claim.value.text : claim.text)
    if (!known(words)) mentions.push({ text: claim.text, start: claim.start, person: undefined })
  }
  if (JAPANESE_SCRIPT.test(text)) for (const surname of japaneseSurnames(text)) if (!known(new Set([surname.reading, surname.name]))) mentions.push({ text: surname.name, start: surname.start, person: undefined })
  if (mentions.length === 0) return mentions
  const callerNames = introducedNames(callerText)
  return callerNames.size === 0 ? mentions : mentions.filter((mention) => ![...nameWords(mention.text)].some((word) => callerNames.has(word)) && !callerNames.has(mention.text))
}

const introduced = { text: '', names: new Set<string>() }

function introducedNames(callerText: string): Set<string> {
  if (introduced.text === callerText) return introduced.names
  const names = new Set<string>()
  Object.assign(introduced, { text: callerText, names })
  for (const match of callerText.matchAll(SELF_INTRODUCTION)) {
    if (match[1]) for (const word of nameWords(match[1])) names.add(word)
    for (const surname of japaneseSurnames(match[2] ?? '')) names.add(surname.name).add(surname.reading)
  }
  return names
}

/** Whether someone does a role: one of their role terms means it. */
function holds(person: PersonRecord, role: string): boolean {
  if (person.roles.has(role)) return true
  for (const own of person.roles) if (rolesMeet(own, role)) return true
  return false
}

/** What the check needs of the knowledge, prepared once per index. */
interface Prepared {
  people: PersonRecord[]
  /** Role terms some person holds and not everyone ("coach", "staff" tell no one apart). */
  telling: (role: string) => PersonRecord[] | undefined
}

const prepared = new WeakMap<KnowledgeIndex, Prepared>()

function prepare(index: KnowledgeIndex): Prepared {
  let ready = prepared.get(index)
  if (!ready) {
    const people = personRecords(index)
    const holders = new Map<string, PersonRecord[]>()
    const telling = (role: string): PersonRecord[] | undefined => {
      let found = holders.get(role)
      if (!found) {
        found = people.filter((person) => holds(person, role))
        holders.set(role, found)
      }
      return found.length > 0 && (people.length === 1 || found.length < people.length) ? found : undefined
    }
    ready = { people, telling }
    prepared.set(index, ready)
  }
  return ready
}

function contradiction(mention: Mention, other: PersonRecord): ClaimCheck {
  return { text: mention.text, type: 'name', status: 'contradicted', supported: false, evidence: { source: 'knowledge', path: other.entry.path, value: other.entry.value }, checkedBy: 'rules' }
}

/** An answer word that opens a reply ("No, that's Mr. Ito."): it denies the caller's guess, not what the clause says. */
const ANSWER_WORD = /^\s*(?:no|nope|yes|yeah|いいえ|いえ|はい)[,、.!]\s*/iu

/**
 * "Coach Ito runs our boxing classes" when the knowledge says Coach Kimura teaches boxing;
 * 「英語対応は中村が担当しております」 when Mr. Ono handles English-speaking customers: a reply
 * that says someone does what the knowledge gives to another person is contradicted, with that
 * person's entry as evidence. What a person does is read from their clause (see clausesOf) as
 * the role terms that tell the knowledge's people apart (roleTerms: "surgeon" is surgery, 院長
 * director); a role the person does not hold and only one other person does ("Mrs. Kanda, our
 * proprietress, speaks English" when only Mr. Ueno does) contradicts too. A clause that names
 * several people gives each their part ("Ms. Aoki does colour and Mr. Ueda perms"), or what they
 * share ("Ms. Aoki and Mr. Ueda both do colour"); a sentence that names nobody is about the
 * person named before it when a pronoun or a Japanese verb of a person's presence says so ("She
 * is our colour specialist."), or about the one person the caller asked of. A reply that only
 * names someone ("That's Mr. Okada") answers the caller's who-question, or a yes/no question
 * about someone ("Does Ms. Aoki do perms?" — "No, that's Mr. Ueda."): the role it asked about is
 * the one said; so does a plain yes ("Yes, she does."). A negated clause ("Mr. Okada doesn't
 * speak English") states no role.
 */
export function checkPersonRoles(text: string, claims: readonly Claim[], sentences: readonly ReplySentence[], index: KnowledgeIndex, contextText: string, lastCaller = ''): ClaimCheck[] {
  const { people, telling } = prepare(index)
  if (people.length === 0) return []
  const mentions = mentionsIn(text, claims, people, contextText)
  const callerPeople = lastCaller === '' ? [] : [...new Set(personMentions(lastCaller, people).map((mention) => mention.person))]
  const callerPerson = callerPeople.length === 1 ? callerPeople[0] : undefined
  if (mentions.length === 0 && !callerPerson) return []
  // What the caller asked about someone: "Which pharmacist speaks English?", "Does Ms. Aoki do perms?".
  const asked = WHO_QUESTION.test(lastCaller) || (callerPerson && isYesNoQuestion(lastCaller)) ? roleTerms(lastCaller, index.vocabulary) : undefined
  const checks: ClaimCheck[] = []
  const rolesIn = (said: string, named: Set<string>): string[] => [...roleTerms(said, index.vocabulary)].filter((role) => !named.has(role) && telling(role))
  const namedBy = (mention: Mention): Set<string> => new Set([...nameWords(mention.text), ...(mention.person?.names ?? [])])
  const judge = (mention: Mention, roles: readonly string[]): void => {
    if (roles.length === 0) return
    const person = mention.person
    const foreign = roles.filter((role) => !person || !holds(person, role))
    if (foreign.length === 0) return
    if (!person || foreign.length === roles.length) {
      const other = bestOther(people, person, foreign)
      if (other) checks.push(contradiction(mention, other))
      return
    }
    // They hold some of the roles said: a role only one other person holds is still not theirs.
    const only = foreign.map((role) => telling(role)).find((holders) => holders?.length === 1 && holders[0] !== person)?.[0]
    if (only) checks.push(contradiction(mention, only))
  }
  const negated = (said: string): boolean => NEGATED.test(said.replace(ANSWER_WORD, ''))
  // The person a sentence that names nobody is about: the one named before it, or the one the caller asked of.
  let current: Mention | undefined = callerPerson ? { text: [...callerPerson.names][0] ?? '', start: 0, person: callerPerson } : undefined
  let answered = false
  for (const sentence of sentences) {
    if (sentence.act === 'question') continue
    const inSentence = mentions.filter((mention) => mention.start >= sentence.start && mention.start < sentence.end)
    if (inSentence.length === 0) {
      const first = !answered
      answered = true
      if (!current || negated(sentence.text)) continue
      const named = namedBy(current)
      // "Does Ms. Aoki do perms?" — "Yes, she does.": a yes affirms what the caller asked of them.
      const yes = first && current.person === callerPerson && asked !== undefined && answersYes(sentence.text)
      if (!yes && !PRONOUN.test(sentence.text) && !ANIMATE_VERB.test(sentence.text)) continue
      const own = rolesIn(sentence.text, named)
      judge(current, own.length > 0 || !yes ? own : [...(asked ?? [])].filter((role) => !named.has(role) && telling(role)))
      continue
    }
    answered = true
    const clauses = new Set(inSentence.map((mention) => mention.person ?? mention.text)).size === 1 ? [{ text: sentence.text, start: sentence.start, end: sentence.end, mentions: inSentence }] : clausesOf(sentence, inSentence)
    for (const clause of clauses) {
      const mention = clause.mentions[0]
      if (!mention) continue
      if (new Set(clause.mentions.map((item) => item.person ?? item.text)).size > 1) {
        const { lead, parts } = partsByPerson(clause, (left, right) => (left.person ?? left.text) === (right.person ?? right.text))
        parts.forEach((part, at) => {
          const own = part.mentions[0]
          if (own && !negated(part.text)) judge(own, sharedPredicate(lead, parts, at, (said) => rolesIn(said.text, namedBy(own))))
        })
        current = parts.at(-1)?.mentions[0]
        continue
      }
      current = mention
      if (negated(clause.text)) continue
      const named = namedBy(mention)
      let roles = rolesIn(clause.text, named)
      // "Perms are ¥9,900, and Ms. Aoki can do one on Thursday": a clause that says nothing of its own does what its sentence names.
      if (roles.length === 0 && clauses.length > 1 && clauses.every((other) => other.mentions.every((item) => (item.person ?? item.text) === (mention.person ?? mention.text)))) roles = rolesIn(sentence.text, named)
      // "I believe that's Mr. Okada." after "Which pharmacist speaks English?": the answer takes the question's role.
      // Not a clause that gives the days of someone the knowledge gives days and no role ("Takada - Friday and Saturday
      // nights"): it says when they are in, and nothing says what they do not do.
      const presence = mention.person?.roles.size === 0 && claims.some((claim) => claim.value.kind === 'weekday' && claim.start >= clause.start && claim.start < clause.end)
      if (roles.length === 0 && asked && clause.mentions.length === 1 && !presence) roles = [...asked].filter((role) => !named.has(role) && telling(role))
      judge(mention, roles)
    }
  }
  return checks
}

function bestOther(people: readonly PersonRecord[], own: PersonRecord | undefined, roles: readonly string[]): PersonRecord | undefined {
  let best: PersonRecord | undefined
  let bestShared = 0
  for (const person of people) {
    if (person === own) continue
    const shared = roles.filter((role) => holds(person, role)).length
    if (shared > bestShared) {
      best = person
      bestShared = shared
    }
  }
  return best
}
