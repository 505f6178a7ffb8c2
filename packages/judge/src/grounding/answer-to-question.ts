import { normalizeText } from '../internal/normalize-text.ts'
import { splitSentences } from '../knowledge/knowledge-index.ts'
import type { Clause } from './statement-clauses.ts'
import { clausesOf, statementTerms } from './statement-clauses.ts'
import { statementPolarity } from './statement-polarity.ts'
import { GENERAL_SUBJECTS, type ResolvedVocabulary } from './subject-terms.ts'

/** A reply sentence that starts by answering yes ("Yes, …", "Of course", "We do.", 「はい、…」) or no ("No, …", "We don't.", 「いいえ」); "We are open Monday to Friday" is no yes. */
const YES = /^(?:(?:yes|yeah|yep|yup|sure|sure thing|of course|certainly|absolutely|definitely|indeed|you bet|no problem|for sure|that's right|はい|ええ|もちろん(?:です|でございます)?)(?=[\s,、.。!！]|$)|(?:we (?:sure |certainly |definitely |absolutely |surely )?(?:do|can|are|have)|it is|they are|there is|there are|that's (?:fine|ok|okay|no problem))(?=[,.!—-]|\s*$))/iu
const NO = /^(?:no|nope|not yet|not really|unfortunately not|sadly not|i'm afraid not|we don't|we do not|we can't|we cannot|いいえ|いえ)(?=[,、.。!！—-]|\s*$)/iu

/** A cheap first look at the sentence's first word before it is normalised. */
const MAYBE_ANSWER = /^\s*(?:yes|yeah|yep|yup|sure|of|certainly|absolutely|definitely|indeed|you|for|that|we|it|they|there|no|nope|not|unfortunately|sadly|i|はい|ええ|もちろん|いいえ|いえ|ｙ|ｎ)/iu

/** A question the caller can be answered yes or no (English: an auxiliary first; "Any parking?"). */
const ENGLISH_YES_NO = /^(?:(?:so|and|also|then|oh|um|hi|hello|hey|ok|okay|great|thanks|sorry|excuse me|quick question)[\s,]+)*(?:do|does|did|is|are|was|were|can|could|may|might|will|would|have|has|should|shall|am|any)\b/iu
/** Japanese: ends in か (or ？) and asks no wh-question. */
const JAPANESE_YES_NO = /(?:か|[?？])\s*[。.]?\s*$/u
const WH_WORD = /\b(?:what|when|where|which|who|whom|whose|why|how)\b|何|なに|なん|いつ|どこ|どちら|どっち|どれ|どの|どう|どんな|どなた|誰|だれ|なぜ|いくら|いくつ|何時|何歳|何名|何人/iu
/** "Do I need …?", "必要ですか": no means "not needed", which says nothing about whether it is offered. */
const ASKS_NEED = /\b(?:need|needs|required|require|requires|have to|has to|must|necessary|mandatory)\b|必要|要ります|いりますか/iu
/** "Cash or card?": yes answers nothing; "Are A and B both …?", "the same …?": no denies only one part. */
const ALTERNATIVES = /\b(?:or|both|same|either|neither|each)\b|または|それとも|か、|両方|どちらも|同じ/iu

/** Days and times that narrow a question ("on Sundays", 「土日も」, 「夜」). */
const QUALIFIER = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|\b(?:weekends?|weekdays?|holidays?|today|tonight|tomorrow|mornings?|evenings?|nights?|late|early)\b|曜|土日|平日|週末|祝|今日|本日|明日|今夜|朝|夜|夕方|夕|午前|午後|時/iu

/** "your office", "your shop": the business itself, not a subject of the answer. */
const THE_BUSINESS = /\byour (?:office|shop|store|clinic|hospital|hotel|gym|bakery|salon|restaurant|place|location|building|premises)\b|(?:そちら|御社|貴社|お店|店舗さん)(?:に|へ|で|まで|の)?/giu
/** Verbs a caller asks with ("Can I bring …", "Can I use …") that say nothing about the subject. */
const ASKING_VERBS = ['bring', 'brought', 'come', 'drive', 'get', 'go', 'keep', 'use', 'make', 'take', 'put', 'stay', 'visit', 'want', 'like', 'ask']

/** Asking whether something exists or is offered: "Do you have a gym?", "Is there …?", 「大浴場はありますか」. */
const EXISTENCE_QUESTION = /\b(?:do you (?:have|offer|sell|provide|carry|serve|do|run|rent)|is there|are there|have you got|any)\b|(?:あります|ございます|やって(?:い|おり)ます)か/iu

/**
 * Exclusive focus ("we only take cash", 「訪問でのお見積りのみ」, 「会員だけ」): saying that only Y holds
 * denies the alternatives the caller asked about (the exhaustive reading of focus particles).
 * Not the だけ of 「いただけます」 or 「だけど」.
 */
const EXCLUSIVE = /\b(?:only|exclusively|solely|nothing but)\b|のみ|(?<!た)だけ(?!ど)|に限り|に限ら|限定/iu

/**
 * A Japanese polar question is most often answered by echoing its predicate rather than with
 * はい / いいえ (「大浴場は使えますか」 — 「大浴場はご利用いただけません」): a sentence that ends in a
 * predicate of ability or permission. Not one of existence (「近くにコインパーキングがございます」 to
 * 「駐車場はありますか」 offers something else).
 */
const JAPANESE_ECHO = /(?:いただけ|でき|使え|入れ|預け|持ち込め|お受けでき|承れ)(?:ます|ません)[。！!]?\s*$|(?:可能|不可|大丈夫|OK|ok)(?:です|でございます)?[。！!]?\s*$/u

/** A third person's yes ("He is.", "She does, yes."): a pronoun and an auxiliary, or a yes after them. */
const THIRD_PERSON_YES = /^(?:he|she|they)(?:'s|\s+(?:is|does|can|will|has|works|do|are))\b(?!\s+(?:not|never)\b)(?!n't)|,\s*yes\b/iu

/** Whether a reply sentence answers yes: "Yes, …", "Of course", 「はい、…」, "He is, yes.", "She does." */
export function answersYes(sentence: string): boolean {
  const start = normalizeText(sentence).trim()
  return YES.test(start) || (THIRD_PERSON_YES.test(start) && !NO.test(start))
}

/** Whether the caller's last words are a plain yes/no question ("Is Mr. Ito in on Tuesday?", 「田中さんは火曜日いますか」). */
export function isYesNoQuestion(callerSaid: string): boolean {
  return yesNoQuestion(callerSaid) !== undefined
}

/** The caller's last yes/no question, or undefined. */
function yesNoQuestion(callerSaid: string): string | undefined {
  // "Is Mr. Ito in on Tuesday?": a title's point ends no sentence.
  const sentences = splitSentences(normalizeText(callerSaid).replace(/\b(mrs?|ms|mx|dr|prof)\./gu, '$1'))
  const last = sentences.at(-1)
  if (last === undefined) return undefined
  const english = /[a-z]/u.test(last) && !/[\p{sc=Hiragana}\p{sc=Han}]/u.test(last)
  if (english ? !ENGLISH_YES_NO.test(last) : !JAPANESE_YES_NO.test(last)) return undefined
  if (WH_WORD.test(last) || ASKS_NEED.test(last) || ALTERNATIVES.test(last)) return undefined
  // A question in the negative ("Isn't it free?", 「ありませんか」) is answered both ways in practice.
  if (statementPolarity(last) === 'negative') return undefined
  return last
}

/** What a yes/no answer to the caller's question asserts, and whether the question asked if something exists or is offered. */
export interface AnsweredQuestion {
  clause: Clause
  asksExistence: boolean
}

/**
 * The proposition a reply sentence asserts by answering the caller's yes/no question: "Can I
 * bring my dog?" answered "Yes, …" asserts the question's subject in the affirmative, answered
 * "No, …" in the negative. Undefined when the sentence does not start with yes or no, or the
 * caller did not ask a plain yes/no question (wh-questions, "do I need …?", "A or B?",
 * questions in the negative).
 *
 * @example
 * answeredQuestion('Can I reserve a parking space?', 'Of course, I can do that.', vocabulary)
 * // { clause: { said: {reserv, parking, space}, polarity: 'positive' }, asksExistence: false }
 */
export function answeredQuestion(callerSaid: string | undefined, sentence: string, vocabulary: ResolvedVocabulary): AnsweredQuestion | undefined {
  if (callerSaid === undefined) return undefined
  const start = MAYBE_ANSWER.test(sentence) ? normalizeText(sentence).trim() : ''
  const yes = YES.test(start)
  if (!yes && !NO.test(start)) {
    if (EXCLUSIVE.test(sentence)) return exclusiveAnswer(callerSaid, sentence, vocabulary)
    return JAPANESE_ECHO.test(sentence) ? echoAnswer(callerSaid, sentence, vocabulary) : undefined
  }
  const question = yesNoQuestion(callerSaid)
  if (question === undefined) return undefined
  // "No" to "Can daytime members come at weekends?" may deny only the weekends, which are no subject term.
  if (!yes && QUALIFIER.test(question)) return undefined
  const said = questionTerms(question, vocabulary)
  if (said.size === 0) return undefined
  return { clause: { said, polarity: yes ? 'positive' : 'negative' }, asksExistence: EXISTENCE_QUESTION.test(question) }
}

function questionTerms(question: string, vocabulary: ResolvedVocabulary): Set<string> {
  const said = statementTerms(question.replace(THE_BUSINESS, ' '), vocabulary)
  for (const verb of ASKING_VERBS) said.delete(verb)
  return said
}

/**
 * "Do you accept credit cards?" — "Sorry, we only take cash or bank transfer.": an affirmation
 * restricted by "only" that names what the question is about in general (payment) but not the
 * specific thing asked (cards) answers no. Not when the reply names every specific term of the
 * question ("cards are only for purchases over ¥1,000" restricts cards, it does not deny them),
 * names nothing of it, denies something itself, or the question narrows a day or a time.
 */
function exclusiveAnswer(callerSaid: string, sentence: string, vocabulary: ResolvedVocabulary): AnsweredQuestion | undefined {
  // Its own clauses, not an apology before them (「申し訳ございません、…のみ」), must affirm.
  if (clausesOf(sentence, vocabulary).some((clause) => clause.polarity === 'negative')) return undefined
  const question = yesNoQuestion(callerSaid)
  if (question === undefined || QUALIFIER.test(question)) return undefined
  const said = questionTerms(question, vocabulary)
  const reply = statementTerms(sentence, vocabulary)
  const specific = [...said].filter((term) => !GENERAL_SUBJECTS.has(term))
  if (specific.length === 0 || specific.every((term) => reply.has(term)) || ![...said].some((term) => reply.has(term))) return undefined
  return { clause: { said, polarity: 'negative' }, asksExistence: false }
}

/**
 * 「犬を連れて行ってもいいですか」 — 「店内は犬の同伴はできません」: a denied echo of the question's
 * predicate (JAPANESE_ECHO) that names what the question is about answers no to the whole
 * question. Not when it names nothing of the question, or the question narrows a day or a time.
 * An affirmed echo is not read as a yes: it may affirm a narrower thing than the question asked
 * (「シールで隠していただければご利用いただけます」 puts a condition on it).
 */
function echoAnswer(callerSaid: string, sentence: string, vocabulary: ResolvedVocabulary): AnsweredQuestion | undefined {
  const question = yesNoQuestion(callerSaid)
  if (question === undefined || !/[\p{sc=Hiragana}\p{sc=Han}]/u.test(question)) return undefined
  const said = questionTerms(question, vocabulary)
  const reply = statementTerms(sentence, vocabulary)
  if (said.size === 0 || ![...said].some((term) => reply.has(term))) return undefined
  const polarity = clausesOf(sentence, vocabulary).some((clause) => clause.polarity === 'negative') ? 'negative' : 'positive'
  if (polarity === 'positive' || QUALIFIER.test(question)) return undefined
  return { clause: { said, polarity }, asksExistence: false }
}
