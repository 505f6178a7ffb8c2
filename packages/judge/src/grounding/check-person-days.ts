import type { Claim } from '../claims/claim.ts'
import type { KnowledgeEntry, KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import type { ClaimCheck } from './claim-check.ts'
import type { ReplySentence } from './check-statements.ts'
import { SAYS_EVERY_DAY } from './days-said.ts'
import { ANIMATE_VERB, clausesOf, NEGATED, negatedAt, partsByPerson, PRONOUN, sharedPredicate } from './person-clauses.ts'
import { answersYes, isYesNoQuestion } from './answer-to-question.ts'
import { extractNormalizedClaims } from '../claims/extract-claims.ts'
import { normalizeSpokenForms } from '../internal/normalize-spoken-forms.ts'
import { personMentions, type PersonMention } from './person-mentions.ts'
import { personRecords, type PersonRecord } from './person-records.ts'

/** What the reply says about people's days: a verdict per weekday claim said of someone, and "every day" said of someone who is not. */
export interface PersonDayChecks {
  byClaim: Map<Claim, ClaimCheck>
  extra: ClaimCheck[]
}

/** A clause with a subject of its own (the business, the caller): its days are not the person's. */
const OWN_SUBJECT = /\b(?:we|we're|we've|we'll|our|you|you're|you'll|it|it's|they|they're)\b|営業|開店|閉店|定休|休業|休診|診療|当店|当院|弊社/iu

/** Words of an exception ("except", 以外, 除く). */
const EXCEPTION = /\bexcept(?:\s+for)?\b|以外|除[きく]/giu

function onePerson(mentions: readonly PersonMention[]): PersonRecord | undefined {
  const people = new Set(mentions.map((mention) => mention.person))
  return people.size === 1 ? mentions[0]?.person : undefined
}

function check(text: string, status: 'supported' | 'contradicted', entry: KnowledgeEntry): ClaimCheck {
  return { text, type: 'weekday', status, supported: status === 'supported', evidence: { source: 'knowledge', path: entry.path, value: entry.value }, checkedBy: 'rules' }
}

/**
 * Days said of one of the knowledge's people ("Ms. Mori works Tuesday through Saturday, so
 * she's not in on Mondays", 「森は日曜日も勤務しております」) are checked against that person's
 * days, not the business's: a day they work, said as one, is supported, as not one ("not in on
 * Mondays", 「水曜日はおりません」) contradicted, and the reverse. The person is the one a clause
 * names; a clause that names nobody is about the person of the clause or sentence before it when
 * a pronoun or a Japanese verb of a person's presence says so (a clause of the same sentence
 * without a subject of its own, too), and a reply that names nobody, about the one person the
 * caller asked about. Claims said of nobody, or of someone whose days the knowledge does not
 * give, are left to the other checks.
 */
export function checkPersonDays(text: string, claims: readonly Claim[], sentences: readonly ReplySentence[], index: KnowledgeIndex, callerText: string): PersonDayChecks {
  const result: PersonDayChecks = { byClaim: new Map(), extra: [] }
  const people = personRecords(index)
  if (!people.some((person) => person.days !== undefined)) return result
  const mentions = personMentions(text, people)
  const asked = mentions.length === 0 && callerText !== '' ? onePerson(personMentions(callerText, people)) : undefined
  let current = asked
  if (mentions.length === 0 && !current) return result
  // A day denied for someone (`negated`: "she's not in on Mondays") is theirs to check; a business's closing day is not.
  const days = claims.filter((claim) => claim.value.kind === 'weekday' && (claim.value.status !== 'closed' || claim.value.negated === true))
  const offDays = claims.filter((claim) => claim.value.kind === 'weekday' && claim.value.status === 'closed' && claim.value.negated !== true)
  const judge = (person: PersonRecord | undefined, clause: { text: string; start: number; end: number }, said: readonly Claim[]): void => {
    const known = person?.days
    const entry = person?.daysEntry ?? person?.entry
    if (!known || !entry) return
    for (const claim of said) {
      if (claim.value.kind !== 'weekday') continue
      // 「火曜日以外は毎日」: "every day" said with an exception leaves the excepted days out.
      const excepted = SAYS_EVERY_DAY.test(claim.text) ? said.filter((other) => other !== claim && other.value.kind === 'weekday' && other.value.status === 'closed').flatMap((other) => (other.value.kind === 'weekday' ? other.value.days : [])) : []
      const works = claim.value.days.filter((day) => !excepted.includes(day)).map((day) => known.includes(day))
      // "every day except Tuesdays", 「火曜日以外は毎日」: the exception is already out of "every day"'s days; it denies no part of it.
      const read = SAYS_EVERY_DAY.test(claim.text) ? { ...clause, text: clause.text.replace(EXCEPTION, (word) => ' '.repeat(word.length)) } : clause
      const agrees = claim.value.status === 'closed' || negatedAt(read, claim.start) ? works.every((day) => !day) : works.every(Boolean)
      // Said of several people ("Ms. Tanaka and Mr. Ito are in on Sundays"), a day wrong for one of them is wrong.
      if (result.byClaim.get(claim)?.status !== 'contradicted') result.byClaim.set(claim, check(claim.text, agrees ? 'supported' : 'contradicted', entry))
    }
    const everyDay = SAYS_EVERY_DAY.exec(clause.text)
    if (everyDay && !NEGATED.test(clause.text) && [0, 1, 2, 3, 4, 5, 6].some((day) => !known.includes(day))) result.extra.push(check(everyDay[0], 'contradicted', entry))
  }
  for (const sentence of sentences) {
    if (sentence.act === 'question') continue
    let inSentence: PersonRecord | undefined
    for (const clause of clausesOf(sentence, mentions)) {
      const within = (claim: Claim, part: { start: number; end: number }): boolean => claim.start >= part.start && claim.start < part.end
      if (new Set(clause.mentions.map((mention) => mention.person)).size > 1) {
        // "Ms. Tanaka and Mr. Ito are both in on Sundays", "On Sundays you can see Mr. Ito or Ms. Suzuki": each person's part, or what they share.
        const { lead, parts } = partsByPerson(clause, (left, right) => left.person === right.person)
        const said = (part: { start: number; end: number }): Claim[] => [...days, ...offDays].filter((claim) => within(claim, part))
        parts.forEach((part, at) => judge(part.mentions[0]?.person, clause, sharedPredicate(lead, parts, at, said)))
        current = parts.at(-1)?.mentions[0]?.person
        inSentence = current
        continue
      }
      let person: PersonRecord | undefined
      if (clause.mentions.length > 0) {
        person = onePerson(clause.mentions)
        current = person
        inSentence = person
      } else if (current && (PRONOUN.test(clause.text) || ANIMATE_VERB.test(clause.text) || (inSentence === current && !OWN_SUBJECT.test(clause.text)))) {
        person = current
      }
      // "Wednesday is her day off", 「田中は水曜日がお休みです」: a day off said of someone a clause names is theirs too.
      const own = clause.mentions.length > 0 || PRONOUN.test(clause.text) || ANIMATE_VERB.test(clause.text)
      if (person) judge(person, clause, (own ? [...days, ...offDays] : days).filter((claim) => within(claim, clause)))
    }
  }
  // "Is Mr. Ito in on Tuesday?" — "Yes, he is.": a yes that says no day itself affirms the days the caller asked about.
  const first = sentences.find((sentence) => answersYes(sentence.text) || (sentence.act !== 'greeting' && sentence.act !== 'acknowledgement'))
  if (asked && first && !days.some((claim) => claim.start < first.end) && answersYes(first.text) && isYesNoQuestion(callerText)) {
    const question = extractNormalizedClaims(normalizeSpokenForms(callerText)).filter((claim) => claim.value.kind === 'weekday' && claim.value.status !== 'closed')
    judge(asked, { text: '', start: 0, end: 0 }, question)
    for (const claim of question) {
      const found = result.byClaim.get(claim)
      if (found) {
        result.byClaim.delete(claim)
        result.extra.push(found)
      }
    }
  }
  return result
}
