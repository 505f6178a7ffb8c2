import type { Claim } from '../claims/claim.ts'
import type { KnowledgeEntry, KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import type { ClaimCheck } from './claim-check.ts'
import type { ReplySentence } from './check-statements.ts'
import { SAYS_EVERY_DAY } from './days-said.ts'
import { clausesOf, NEGATED, negatedAt } from './person-clauses.ts'
import { personMentions, type PersonMention } from './person-mentions.ts'
import { personRecords, type PersonRecord } from './person-records.ts'

/** What the reply says about people's days: a verdict per weekday claim said of someone, and "every day" said of someone who is not. */
export interface PersonDayChecks {
  byClaim: Map<Claim, ClaimCheck>
  extra: ClaimCheck[]
}

/** A third-person pronoun: the clause is about the person named before it ("so she's not in on Mondays"). */
const PRONOUN = /\b(?:he|she|him|her|his|he's|she's)\b|彼女?/iu
/**
 * Japanese leaves out a subject the listener knows; いる/おる (be, of the animate), 出勤 (come
 * to work), 勤務 (be on duty), 在籍, 担当, 伺う say that it is a person: 「水曜日はおりません」.
 */
const ANIMATE_VERB = /おり(?:ます|ません)|い(?:ます|ません|らっしゃ)|出勤|勤務|在籍|担当|伺|来(?:ます|られ)/u
/** A clause with a subject of its own (the business, the caller): its days are not the person's. */
const OWN_SUBJECT = /\b(?:we|we're|we've|we'll|our|you|you're|you'll|it|it's|they|they're)\b|営業|開店|閉店|定休|休業|休診|診療|当店|当院|弊社/iu

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
  let current = mentions.length === 0 && callerText !== '' ? onePerson(personMentions(callerText, people)) : undefined
  if (mentions.length === 0 && !current) return result
  // A day denied for someone (`negated`: "she's not in on Mondays") is theirs to check; a business's closing day is not.
  const days = claims.filter((claim) => claim.value.kind === 'weekday' && (claim.value.status !== 'closed' || claim.value.negated === true))
  const offDays = claims.filter((claim) => claim.value.kind === 'weekday' && claim.value.status === 'closed' && claim.value.negated !== true)
  for (const sentence of sentences) {
    if (sentence.act === 'question') continue
    let inSentence: PersonRecord | undefined
    for (const clause of clausesOf(sentence, mentions)) {
      let person: PersonRecord | undefined
      if (clause.mentions.length > 0) {
        person = onePerson(clause.mentions)
        current = person
        inSentence = person
      } else if (current && (PRONOUN.test(clause.text) || ANIMATE_VERB.test(clause.text) || (inSentence === current && !OWN_SUBJECT.test(clause.text)))) {
        person = current
      }
      const known = person?.days
      const entry = person?.daysEntry ?? person?.entry
      if (!person || !known || !entry) continue
      // "Wednesday is her day off", 「田中は水曜日がお休みです」: a day off said of someone a clause names is theirs too.
      const own = clause.mentions.length > 0 || PRONOUN.test(clause.text) || ANIMATE_VERB.test(clause.text)
      for (const claim of own ? [...days, ...offDays] : days) {
        if (claim.start < clause.start || claim.start >= clause.end || claim.value.kind !== 'weekday') continue
        const works = claim.value.days.map((day) => known.includes(day))
        const agrees = claim.value.status === 'closed' || negatedAt(clause, claim.start) ? works.every((day) => !day) : works.every(Boolean)
        result.byClaim.set(claim, check(claim.text, agrees ? 'supported' : 'contradicted', entry))
      }
      const everyDay = SAYS_EVERY_DAY.exec(clause.text)
      if (everyDay && !NEGATED.test(clause.text) && [0, 1, 2, 3, 4, 5, 6].some((day) => !known.includes(day))) result.extra.push(check(everyDay[0], 'contradicted', entry))
    }
  }
  return result
}
