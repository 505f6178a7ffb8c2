import { isChitChat } from './chit-chat.ts'
import { tagWords } from './tag-words.ts'

/** Clause boundaries inside an English sentence: punctuation, and "so" before a new clause. */
const CLAUSE_BREAK = /[,;:–—]|\s(?=(?:and )?so\s)/u
/** Words a directive may open with before its verb ("so aim for …", "just book early", "definitely try …"). */
const OPENING = /^\s*(?:(?:so|and|then|just|also|definitely|maybe|perhaps|really|honestly|do|please)\s+)*/iu
/**
 * A suggestion said about the listener's choice rather than the world ("spring might be a drier
 * bet", "you might want to book", "I'd recommend the north side", "it's worth a visit").
 */
const SUGGESTION = /\b(?:might|may|could|would)\s+be\s+(?:a|an|the|your)\s+(?:\p{L}+\s+)?(?:bet|idea|choice|option|pick|plan|move)\b|^\s*(?:honestly,?\s+)?i(?:'d| would)\s+(?:probably\s+|definitely\s+|just\s+)?\p{L}+|^\s*(?:(?:it's|it is|definitely|well)\s+)?worth\s+\p{L}+ing\b|^\s*(?:could|might|may)\s+be\b|\byou(?:'d| would| might| may)\s+(?:want|like)\s+to\b|\byou(?:\s+should|'d better)\b|\bi(?:'d| would)\s+(?:recommend|suggest|say|go)\b|\b(?:it's|it is)\s+(?:worth|best to|a good idea)\b|\bmake sure\b|\bdon't forget\b/iu
/**
 * The speaker's or the listener's feelings and wishes ("I love the idea that…", "which blows my
 * mind", "you'd love it", "my favourite kind of video", "fingers crossed", "hope you get…"): how
 * someone feels about a fact, not a fact. Hedges that carry a fact ("I think it opened in 1850")
 * are not among them.
 */
const FEELING = /\b(?:i|we)(?:'d|'m| would| am)?\s+(?:really\s+|just\s+|absolutely\s+|totally\s+|also\s+)?(?:love|adore|enjoy|hate|hope|wish|bet)\b|\bmy (?:own )?(?:favou?rite|kind of)\b|\byou(?:'d|'ll| would| will)\s+(?:love|like|enjoy|adore)\b|\b(?:blows?|blew) (?:my|your) mind\b|\bmakes? you feel\b|\b(?:surprised|amazed|amazes|surprises|fascinates|fascinated) me\b|\bfingers crossed\b|^\s*(?:i\s+)?hope (?:you|it|they|we)\b|\bwho knew\b|\bif you ask me\b|\bdon't you think\b/iu
/**
 * A guess or inference of the speaker's ("It must take a lot of practice", "That must have been
 * fun", "I guess they're used to it", "I imagine it's cold"): epistemic "must" about "it"/"that"/
 * "you" and verbs of guessing say what the speaker supposes, not what the knowledge states.
 */
const SPECULATION = /^\s*(?:(?:and|but|so|oh|wow)[\s,]+)*(?:(?:it|that|this|you|they)\s+must\s+(?:be|have|take|feel|get|look|sound|make)\b|i\s+(?:guess|imagine|suppose|bet|reckon)\b)/iu
/** Most words of an exclamation without a verb ("Common myth!", "Nature's wardrobe change!"): a reaction. */
const MAX_EXCLAMATION_WORDS = 6
/** Words that may follow an imperative verb and cannot be a verb of a subject before them ("pack a jacket", "book early", "aim for"). */
const AFTER_IMPERATIVE = new Set(['DET', 'PRON', 'ADP', 'ADV', 'ADJ', 'PART', 'NUM', 'SCONJ', 'CCONJ'])
/** "…, so aim for the summer": a directive given as the consequence of what was said before. */
const CONSEQUENCE = /^\s*(?:and\s+)?so\b/iu
/** A condition before a directive ("if you have tattoos, check first"). */
const CONDITION = /^\s*(?:(?:and|but|also|so)\s+)?(?:if|unless|when|whenever|in case)\b/iu
/** A condition about the listener ("if you like old floors too, …", "if that matters for you"): the antecedent asserts nothing. */
const LISTENER_CONDITION = /^\s*(?:(?:and|but|also|so)\s+)?(?:if|whenever|in case)\s+(?:you|that|this)\b/iu
/** Subordinate clauses after a directive may state a fact of their own ("go in May, when the blossoms bloom"). */
const SUBORDINATE = /\b(?:when|because|since|as|which|where|while|who|that)\b/iu

/**
 * True when a clause is an imperative: its first word (after "so", "just", "definitely"…) is a
 * verb in its base form with no subject before it ("Pack a jacket", "so aim for the summer",
 * "check first"). The tagger reads a bare verb at the start of a clause as a noun ("Pack" as a
 * bag), so the clause is tagged after "you", where only a verb fits; the next word must be
 * one a subject's verb cannot be ("Rust forms …" is a statement about rust).
 */
function isImperative(clause: string): boolean {
  const text = clause.replace(OPENING, '').trim()
  if (text === '' || !/^\p{L}/u.test(text)) return false
  const words = tagWords(`you ${text.toLowerCase()}`)
  const verb = words[1]
  if (verb === undefined || verb.partOfSpeech !== 'VERB' || verb.lemma !== verb.value) return false
  const next = words[2]
  // An object noun may follow ("bring sunscreen"), not a word in -s that may be the verb of a subject ("rust forms", "water flows").
  return next === undefined || AFTER_IMPERATIVE.has(next.partOfSpeech) || (next.partOfSpeech === 'NOUN' && !next.value.endsWith('s'))
}

/** A short fragment without a verb ("Common myth", "Nature's wardrobe change"). */
function isVerbless(body: string): boolean {
  const words = tagWords(body)
  return words.length > 0 && words.length <= MAX_EXCLAMATION_WORDS && !words.some((word) => word.partOfSpeech === 'VERB' || word.partOfSpeech === 'AUX')
}

/**
 * The sentence with the clauses that assert nothing blanked: imperatives ("Pack a jacket if
 * you go"), suggestions about the listener's choice ("spring might be a drier bet", "you might
 * want to book ahead"), feelings ("I love the idea that…", "which blows my mind"), short
 * reactions ("Makes sense, …", "No wonder, …") and verbless exclamations ("Common myth!").
 * Directives and expressives are not assertions (speech-act theory: they ask the listener to do
 * something or show how the speaker feels; nothing in them is true or false), so the words only
 * they use are no new fact of the reply. A subordinate clause after a directive ("…, when the
 * blossoms bloom") is kept.
 *
 * @example
 * withoutUnasserted('It gets cold at night, so pack a jacket.') // 'It gets cold at night,' + blanks
 */
export function withoutUnasserted(sentence: string): string {
  let result = ''
  let rest = sentence
  // A verb after a clause with a subject goes on with that subject ("They roast the seeds, then
  // ferment them"): an imperative opens the sentence, follows only openers, conditions or other
  // directives, or gives a consequence ("…, so aim for the summer").
  let opensSentence = true
  while (rest !== '') {
    const match = CLAUSE_BREAK.exec(rest)
    const end = match ? match.index + match[0].length : rest.length
    const clause = rest.slice(0, end)
    rest = rest.slice(end)
    const body = clause.replace(/[,;:–—.!?]+\s*$/u, '')
    const first = body.replace(OPENING, '').split(/\s+/u)[0] ?? ''
    const imperative: boolean = (opensSentence || CONSEQUENCE.test(body)) && isImperative(body)
    const exclamation: boolean = opensSentence && rest === '' && /!\s*$/u.test(clause) && isVerbless(body)
    const directive: boolean = FEELING.test(body) || SPECULATION.test(body) || exclamation || LISTENER_CONDITION.test(body) || (!SUBORDINATE.test(first) && (SUGGESTION.test(body) || imperative || isChitChat(body)))
    result += directive ? ' '.repeat(clause.length) : clause
    opensSentence = directive || CONDITION.test(body) || body.trim().split(/\s+/u).length <= 1
  }
  return result
}
