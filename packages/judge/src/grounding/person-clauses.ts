import type { ReplySentence } from './check-statements.ts'

/** Where a clause ends inside a sentence: a semicolon, a Japanese comma, a conjunction (", and", ", so", ので、, が、). */
const CLAUSE_BREAK = /[;；、。]|,\s*(?:and|but|so|while|whereas|though|although)\s|\s(?:but|while|whereas)\s|ので|から、|けど|が、/giu
/** Where a clause's phrases part (commas): a negation belongs to the phrase it is in. */
const PHRASE_BREAK = /[,，、]/u
/**
 * Negators, a closed class in both languages: "not", "n't", "no", "never", "except", "off"
 * ("she's off on Mondays"); ません, ない, 不在, 休み, 以外, 除く ("土曜日はおりません").
 */
export const NEGATED = /\b(?:not|no|never|except|off)\b|n['’]t\b|ません|ない|不在|休み|以外|除[きく]/iu

/** A third-person pronoun: the clause is about the person named before it ("so she's not in on Mondays"). */
export const PRONOUN = /\b(?:he|she|him|her|his|he's|she's)\b|彼女?/iu
/**
 * Japanese leaves out a subject the listener knows; いる/おる (be, of the animate), 出勤 (come
 * to work), 勤務 (be on duty), 在籍, 担当, 伺う say that it is a person: 「水曜日はおりません」.
 */
export const ANIMATE_VERB = /おり(?:ます|ません)|い(?:ます|ません|らっしゃ)|出勤|勤務|在籍|担当|伺|来(?:ます|られ)/u

/** A clause of a reply sentence, with the mentions (of people) in it. */
export interface Clause<Mention extends { start: number }> {
  text: string
  start: number
  end: number
  mentions: Mention[]
}

/** A sentence cut into clauses (a semicolon, a Japanese comma, a conjunction), each with the mentions it holds. */
export function clausesOf<Mention extends { start: number }>(sentence: ReplySentence, mentions: readonly Mention[]): Array<Clause<Mention>> {
  const clauses: Array<Clause<Mention>> = []
  let from = 0
  CLAUSE_BREAK.lastIndex = 0
  for (let cut = CLAUSE_BREAK.exec(sentence.text); ; cut = CLAUSE_BREAK.exec(sentence.text)) {
    const to = cut ? cut.index + cut[0].length : sentence.text.length
    const start = sentence.start + from
    const end = sentence.start + to
    if (to > from) clauses.push({ text: sentence.text.slice(from, to), start, end, mentions: mentions.filter((mention) => mention.start >= start && mention.start < end) })
    from = to
    if (!cut) break
  }
  CLAUSE_BREAK.lastIndex = 0
  return clauses
}


/** Whether the phrase of a clause that holds `position` (a text position) is negated ("so not on Saturdays", 「土曜日はおりません」). */
export function negatedAt(clause: { text: string; start: number }, position: number): boolean {
  const at = position - clause.start
  const before = clause.text.slice(0, at).split(PHRASE_BREAK).at(-1) ?? ''
  const after = clause.text.slice(at).split(PHRASE_BREAK)[0] ?? ''
  return NEGATED.test(`${before}${after}`)
}

/** The part of a clause that is one person's: from their name to the next person's. */
export interface PersonPart<Mention extends { start: number }> {
  text: string
  start: number
  end: number
  mentions: Mention[]
}

/**
 * A clause that names several people, cut at each one's name ("Ms. Tanaka does colour and Mr.
 * Ito does perms" → "Ms. Tanaka does colour and ", "Mr. Ito does perms"), with the words before
 * the first name (`lead`: "On Sundays you can see "). A part that says nothing of its own shares
 * what the lead and the next part that says something say ("Ms. Tanaka and Mr. Ito are both in on
 * Sundays"): see sharedPredicate.
 */
export function partsByPerson<Mention extends { start: number }>(clause: Clause<Mention>, same: (left: Mention, right: Mention) => boolean): { lead: PersonPart<Mention>; parts: Array<PersonPart<Mention>> } {
  const starts: number[] = []
  let previous: Mention | undefined
  for (const mention of clause.mentions) {
    if (!previous || !same(previous, mention)) starts.push(mention.start)
    previous = mention
  }
  const part = (start: number, end: number): PersonPart<Mention> => ({ text: clause.text.slice(start - clause.start, end - clause.start), start, end, mentions: clause.mentions.filter((mention) => mention.start >= start && mention.start < end) })
  return { lead: part(clause.start, starts[0] ?? clause.end), parts: starts.map((start, at) => part(start, starts[at + 1] ?? clause.end)) }
}

/** The parts whose words say what part `at` says: its own when `says` finds anything there, else the lead and the first later part that says something. */
export function sharedPredicate<Mention extends { start: number }, Said>(lead: PersonPart<Mention>, parts: ReadonlyArray<PersonPart<Mention>>, at: number, says: (part: PersonPart<Mention>) => Said[]): Said[] {
  const own = says(parts[at] as PersonPart<Mention>)
  if (own.length > 0) return own
  const next = parts.slice(at + 1).find((part) => says(part).length > 0)
  return [...says(lead), ...(next ? says(next) : [])]
}
