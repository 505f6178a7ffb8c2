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
