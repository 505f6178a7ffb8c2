import type { Claim } from '../claims/claim.ts'
import { contentWords, stemWord } from '../internal/normalize-text.ts'
import type { KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import type { ClaimCheck } from './claim-check.ts'
import { checkAlternativesAnswer } from './check-alternatives-answer.ts'
import { dialogueActOf } from './dialogue-act.ts'
import { unlinkedName, unlinkedPair } from './check-entity-links.ts'
import { unqualifiedAnswer } from './check-answer-kind.ts'
import { checkBothAnswer } from './check-both-answer.ts'
import { novelWords } from './novel-words.ts'
import { withoutUnasserted } from './unasserted-clauses.ts'
import { statesPersonalExperience } from './personal-experience.ts'
import { isChitChat } from './chit-chat.ts'
import { otherAgent } from './check-relation-slot.ts'
import { splitSentences } from '../knowledge/knowledge-index.ts'
import { readSentences } from './check-statements.ts'

function unsupported(text: string, evidence?: ClaimCheck['evidence']): ClaimCheck {
  return { text, type: 'statement', status: 'unsupported', supported: false, ...(evidence ? { evidence } : {}), checkedBy: 'rules' }
}

/**
 * Words of how people talk on the phone, not of what a business offers: an answer may use
 * them although the knowledge does not ("We'd love to see you", "it's a great option").
 */
const CONVERSATIONAL = new Set(
  (
    'great good nice lovely happy glad love like want need know think help sure course definitely absolutely really actually ' +
    'just also usually typically generally currently always still right now today tomorrow here there thing things something anything ' +
    'everything way lot bit quite pretty welcome visit come see look forward call ask let make take give find check tell say talk ' +
    'available offer provide option options anytime time whenever well fine perfect yes yeah ok okay sorry unfortunately however ' +
    'please thank thanks hello hi bye goodbye enjoy wonderful awesome recommend suggest book booking reserve reservation appointment ' +
    'session sessions class classes lesson lessons service services plan plans visit visits customer customers member members guest guests ' +
    // Verbs that only link a subject to its schedule, price or place ("Coach Sato teaches on Mondays", "it costs ¥500").
    'teach teaches instruct instructs run runs lead leads work works host hosts hold holds start starts begin begins finish finishes end ends last lasts ' +
    'cost costs charge charges pay include includes cover covers bring park stay arrive leave wait speak located locate situated ' +
    // Function words, adverbs and light verbs a paraphrase adds without adding a fact.
    'much many lot lots even though although while whereas since because unless except besides plus per via within without ' +
    'away back either neither else another other others same such whole entire main certain least little bit kind sort ' +
    'first second third next last previous following half quarter double twice early late soon recently ' +
    'get gets got getting go goes went gone going come comes came coming make makes made take takes took taken give gives gave given ' +
    'keep keeps kept put puts set let lets say says said tell tells told see sees saw seen seem seems seemed become becomes became ' +
    'use uses used using need needs needed want wants wanted like likes liked try tries tried reach reached know knows knew known ' +
    'think thinks thought mean means meant feel feels felt hold holds held happen happens happened consider considered allow allowed ' +
    'possible able valid extra additional usual regular afraid mostly mainly especially actually basically simply fact'
  )
    .split(' ')
    .map(stemWord),
)

/** Knowledge of at least this many lines is a fact sheet, not prose. */
const FACT_SHEET_LINES = 3

/** Weight of new words (see novelWords) at which a reply to prose knowledge states something the knowledge does not: one new noun, name or adjective. */
const NOVEL_WEIGHT_LIMIT = 1
/**
 * In a longer reply the limit grows with what the reply adds to the conversation (its content
 * words the caller did not say): one new noun among ten grounded words is most often a reworded
 * reference ("their diet" for what they feed on), an invented detail comes with its own words.
 */
const NOVEL_WEIGHT_PER_ADDED_WORD = 0.2

/** "the year" right before a year ("in the year 1700"). */
const YEAR_BEFORE = /\b(?:the\s+)?year\s+$/iu
/** The rate an amount is counted in, right after it ("98 kilometres an hour", "15 litres per day"): part of the value. */
const RATE_AFTER = /^\s+(?:an?|per|each)\s+(?:second|minute|hour|day|week|month|year|night)\b/iu

interface AnswerWord {
  stem: string
}

/** A claim-bearing sentence of the reply (values left out) and how many names it states. */
interface AnswerSentence {
  text: string
  names: number
}

/** Content words of the reply's claim-bearing sentences, with the text of its value claims (checked on their own; against prose, with their rate) left out; and those sentences. */
function answerWords(text: string, claims: Claim[], prose: boolean): { words: AnswerWord[]; sentences: AnswerSentence[] } {
  let withoutValues = text
  for (const claim of [...claims].sort((left, right) => right.start - left.start)) {
    if (claim.type === 'name') continue
    // "around the year 1700": the word that names the value's own kind belongs to the value.
    const kind = claim.type === 'year' || claim.type === 'number' ? YEAR_BEFORE.exec(withoutValues.slice(0, claim.start)) : null
    const start = kind ? kind.index : claim.start
    const rate = !prose || claim.type === 'year' || claim.type === 'date' ? null : RATE_AFTER.exec(withoutValues.slice(claim.end))
    const end = claim.end + (rate ? rate[0].length : 0)
    withoutValues = `${withoutValues.slice(0, start)} ${' '.repeat(end - start - 1)}${withoutValues.slice(end)}`
  }
  const words: AnswerWord[] = []
  const sentences: AnswerSentence[] = []
  let cursor = 0
  for (const sentence of splitSentences(withoutValues)) {
    const start = Math.max(cursor, withoutValues.indexOf(sentence, cursor))
    cursor = start + sentence.length
    if (dialogueActOf(sentence) || isChitChat(sentence)) continue
    sentences.push({ text: sentence, names: claims.filter((claim) => claim.type === 'name' && claim.start >= start && claim.start < cursor).length })
    for (const word of contentWords(sentence)) {
      // Contractions ("we're", "aren't") are function words.
      if (/['’]/u.test(word) || word.length < 3) continue
      const stem = stemWord(word)
      if (!CONVERSATIONAL.has(stem)) words.push({ stem })
    }
  }
  return { words, sentences }
}

/**
 * Answer-level checks for free-text knowledge, in order:
 * 1. every content word of the reply's claim-bearing sentences (not greetings, offers,
 *    questions or short reactions; not its values, which are checked as claims; not
 *    conversational words) must occur in the knowledge or the caller's words, or mean a subject
 *    the knowledge names; against prose, what is left is weighed (see novelWords) against a
 *    limit that grows with the reply's length, and a first-person experience is unsupported;
 * 2. names the question offered must be linked to each other in the knowledge (see unlinkedName),
 *    so must two names one reply sentence relates (unlinkedPair), and the answer to a "what X" /
 *    "which X" question must be an X where the knowledge says so (unqualifiedAnswer);
 * 3. "Yes, both" to "Are A and B both P?" needs P in the knowledge about each (see checkBothAnswer);
 *    a reply to an either/or question ("Who was born first, A or B?") must pick the option
 *    the knowledge's years or numbers favour (see checkAlternativesAnswer);
 * 4. a sentence-long reply (three content words or more) to an open question must add
 *    something beyond the question's own words (restating the question answers nothing).
 * Returns the failing check, or undefined when the reply passes all four.
 */
export function checkFreeTextAnswer(text: string, claims: Claim[], index: KnowledgeIndex, context: string): ClaimCheck | undefined {
  // Prose knowledge is what the assistant knows: an experience of its own is not in it.
  const experience = index.lines < FACT_SHEET_LINES ? splitSentences(text).find((sentence) => !dialogueActOf(sentence) && statesPersonalExperience(sentence)) : undefined
  if (experience !== undefined) return unsupported(experience)
  const knowledgeWords = index.contentStems
  const questionWords = new Set(contentWords(context).map(stemWord))
  const answer = answerWords(text, claims, index.lines < FACT_SHEET_LINES)
  const words = answer.words.map((word) => word.stem)
  const missing = answer.words.filter(({ stem }) => !knowledgeWords.has(stem) && !questionWords.has(stem) && !index.knownTerms.has(index.vocabulary.words.get(stem) ?? stem))
  if (missing.length > 0) {
    // A fact sheet (knowledge kept as lines: "Personal training (45 minutes): ¥6,000") is checked
    // entry by entry; a reply's own words around its facts are how it talks, not facts: unsettled.
    if (index.lines >= FACT_SHEET_LINES) return { ...unsupported(missing.map((word) => word.stem).join(' ')), status: 'unsettled' }
    // Prose: what the light stems missed is compared again by lemma, stem and meaning, and weighed
    // by part of speech; reworded adverbs, general words and evaluations alone do not add up to a new fact.
    const candidates = new Set(missing.map((word) => word.stem))
    const novel = answer.sentences.flatMap((sentence) => novelWords(withoutUnasserted(sentence.text), candidates, [index.haystack, context], { relatesNames: sentence.names >= 2 }))
    const added = answer.words.filter((word) => !questionWords.has(word.stem)).length
    if (novel.reduce((sum, word) => sum + word.weight, 0) >= Math.max(NOVEL_WEIGHT_LIMIT, NOVEL_WEIGHT_PER_ADDED_WORD * added)) return unsupported(novel.map((word) => word.word).join(' '))
  }
  const unlinked = unlinkedName(claims, index, context)
  if (unlinked !== undefined) return unsupported(text)
  const pair = unlinkedPair(claims, readSentences(text), index)
  if (pair !== undefined) return unsupported(pair.join(' / '))
  const unqualified = index.lines < FACT_SHEET_LINES ? unqualifiedAnswer(claims, index, context) : undefined
  if (unqualified !== undefined) return unsupported(text)
  const agent = otherAgent(claims, index, context, text)
  if (agent !== undefined) return { ...unsupported(text), status: 'contradicted', evidence: { source: 'knowledge', value: agent } }
  if (checkBothAnswer(text, index, context) === 'contradicted') return { ...unsupported(text), status: 'contradicted' }
  const alternatives = checkAlternativesAnswer(text, index, context)
  if (alternatives === 'contradicted') return { ...unsupported(text), status: 'contradicted' }
  if (alternatives === 'not-applicable' && !/^\s*(?:yes|no)\b/iu.test(text) && !/\bor\b/iu.test(context) && words.length >= 3 && words.every((word) => questionWords.has(word))) {
    return unsupported(text)
  }
  return undefined
}
