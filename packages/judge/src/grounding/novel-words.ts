import { stemWord } from '../internal/normalize-text.ts'
import { holdsVariantOf, withoutAccents } from './name-variants.ts'
import { tagWords, type TaggedWord } from './tag-words.ts'
import { meaningsOf, meansTheSame, type WordNetMeanings } from './wordnet-relations.ts'

/** A reply word that neither the knowledge nor the dialogue so far holds, with how much it weighs as new content. */
export interface NovelWord {
  word: string
  partOfSpeech: string
  /** 1 for a noun, name, adjective, number or verb; less for an adverb or a general word (how a paraphrase rewords). */
  weight: number
}

/**
 * How much a new word of each part of speech weighs. A new noun, name, adjective or number is
 * how an invented detail shows ("vinegar", "hardwood", "extinct", "a cub"). A faithful
 * paraphrase rewords with new verbs and adverbs ("flowing downhill" for "move downhill", "locked
 * up in" for "stored in", "exactly", "strongly"): they weigh little, except a verb between two
 * names (see RELATING_VERB_WEIGHT).
 */
const PART_OF_SPEECH_WEIGHT: Readonly<Record<string, number>> = { NOUN: 1, PROPN: 1, ADJ: 1, NUM: 1, VERB: 0.3, ADV: 0.2 }

/** A new verb in a sentence that names two things or more asserts how they relate ("Ann Lee also appeared on Night Court"): a fact. */
const RELATING_VERB_WEIGHT = 1

/**
 * Nouns and adjectives too general to state a fact of their own ("a big part of it", "people
 * often", "nobody lives there", "lots of things"): they weigh 0.3.
 */
const GENERAL_WORDS = new Set(
  (
    'thing stuff part piece bit lot lots kind sort type way point side end turn case fact matter example ' +
    'people person one ones nobody somebody someone everybody everyone anybody anyone nothing something everything anything ' +
    'big small little large huge tiny great good bad whole same different various several certain real true main ' +
    'own other new old long short high low early late place world ' +
    // Pronouns and the numeral adjective: "none across the river", "a single litre" (one litre).
    'none single'
  ).split(' '),
)

/** Comparative and superlative forms ("longer", "higher", "oldest"); a few words only look like one. */
const COMPARATIVE = /^\p{L}{2,}(?:er|est)$/u
const NOT_COMPARATIVE = new Set('ever never however rather together whatever whenever forever over under after other either neither whether another further interest honest modest'.split(' '))
/**
 * Comparatives that, without "than" after them, are adverbs of time ("it catches up later", "a
 * few weeks later", "sooner or later"): they order events, they compare no quantity.
 */
const TIME_COMPARATIVE = new Set(['later', 'earlier', 'sooner'])

/**
 * "close to 5,900 metres", "near 40 litres": an approximator before a value (blanked in the
 * text read here, so a gap of spaces follows "to") hedges the number, it states no closeness.
 */
const APPROXIMATOR = /^(?:close|near)$/u

/**
 * Words that only evaluate or react ("fascinating", "such a fun project", "lucky you"): chit-chat,
 * not a checkable claim.
 */
const EVALUATIVE_WORDS = new Set(
  (
    'fascinating amazing interesting neat cool incredible impressive remarkable beautiful magical fun exciting special fantastic ' +
    'brilliant stunning gorgeous delicious lucky wonderful lovely awesome nice glad happy sure curious clever smart wild crazy ' +
    'unusual surprising surprised weird strange funny cute adorable tasty favourite favorite fortunate unfortunate sad shame ' +
    // Sentence adverbs of the speaker's attitude ("Surprisingly, none …", "Interestingly, …").
    'surprisingly interestingly amazingly remarkably luckily fortunately unfortunately sadly oddly strangely funnily curiously incredibly thankfully'
  ).split(' '),
)

/**
 * A small synonym resource: words that name the same thing in a paraphrase ("the father keeps the
 * egg warm" for "the male keeps it warm"; "the biggest moon" for "the largest"). Each group is one meaning.
 */
const SYNONYM_GROUPS: ReadonlyArray<readonly string[]> = [
  ['male', 'man', 'father', 'dad', 'boy', 'son', 'husband', 'bull', 'he', 'him', 'his'],
  ['female', 'woman', 'mother', 'mom', 'mum', 'girl', 'daughter', 'wife', 'cow', 'she', 'her'],
  ['big', 'large', 'huge', 'giant', 'enormous', 'great', 'vast', 'massive'],
  ['small', 'little', 'tiny', 'minor'],
  ['tall', 'high'],
  ['fast', 'quick', 'rapid', 'swift', 'speedy'],
]

const SYNONYMS = new Map<string, number>()
SYNONYM_GROUPS.forEach((group, at) => {
  for (const word of group) SYNONYMS.set(word, at)
})

/** Shortest stem compared by prefix ("tang" with "tangy", "permanent" with "permanently"). */
const MIN_PREFIX = 4
/**
 * Derivational endings that keep a word's meaning (adjective, adverb, abstract noun: "tangy",
 * "permanently", "sourness", "eruption"). Not agent or instrument endings: a "director" is
 * not "directed", a "player" not "play".
 */
const SAME_MEANING_SUFFIX = /^(?:y|ly|ily|ally|ness|ion|ation|ition|al|ic|ical|ity|ous|ive|ment)$/u

/** Every form of the words of a grounding text (the knowledge, the dialogue so far): word, lemma, Porter2 stem, light stem, meaning group. */
export interface GroundingForms {
  words: Set<string>
  meanings: Set<number>
  /** Lemmas of its content words, and of each two in a row ("iron oxide"): looked up in WordNet when a reply word is new. */
  lemmas: string[]
  /** Their WordNet senses and what stands above them, read on first need. */
  wordNet?: WordNetMeanings
}

const ASCII_WORD = /^[\x20-\x7e]*$/u

/** Parts of speech whose words WordNet relates (it has no pronouns, determiners or names of its own kind). */
const CONTENT_PARTS = new Set(['NOUN', 'VERB', 'ADJ', 'ADV', 'PROPN'])

const formsCache = new Map<string, GroundingForms>()
const MAX_CACHED = 256

function formsOf(text: string): GroundingForms {
  const cached = formsCache.get(text)
  if (cached) return cached
  const forms: GroundingForms = { words: new Set(), meanings: new Set(), lemmas: [] }
  let previous: string | undefined
  for (const word of tagWords(text)) {
    for (const form of [word.value, word.normal, word.lemma, word.stem, stemWord(word.value)]) forms.words.add(form)
    // "tromso" meets "tromsø": a word in Latin letters also stands without its accents.
    if (!ASCII_WORD.test(word.value)) forms.words.add(withoutAccents(word.value))
    const meaning = SYNONYMS.get(word.lemma) ?? SYNONYMS.get(word.normal)
    if (meaning !== undefined) forms.meanings.add(meaning)
    const content = CONTENT_PARTS.has(word.partOfSpeech) ? word.lemma : undefined
    if (content !== undefined) forms.lemmas.push(content, ...(previous !== undefined ? [`${previous} ${content}`] : []))
    previous = content
  }
  if (formsCache.size >= MAX_CACHED) formsCache.clear()
  formsCache.set(text, forms)
  return forms
}

function prefixMatch(form: string, known: Set<string>): boolean {
  if (form.length < MIN_PREFIX) return false
  for (const other of known) {
    if (other.length < MIN_PREFIX || other[0] !== form[0]) continue
    const [short, long] = other.length < form.length ? [other, form] : [form, other]
    if (long.startsWith(short) && SAME_MEANING_SUFFIX.test(long.slice(short.length))) return true
  }
  return false
}

/**
 * The other degree forms of a comparative or superlative ("faster" → fastest; "biggest" →
 * bigger; "happier" → happiest): "nothing on land is faster" says what "the fastest land
 * animal" says.
 */
function otherDegrees(value: string): string[] {
  const match = /^(\p{L}{2,}?)(er|est)$/u.exec(value)
  if (!match || NOT_COMPARATIVE.has(value)) return []
  const stem = match[1] as string
  const other = match[2] === 'er' ? 'est' : 'er'
  return [`${stem}${other}`]
}

function isKnown(word: TaggedWord, grounding: readonly GroundingForms[]): boolean {
  const meaning = SYNONYMS.get(word.lemma) ?? SYNONYMS.get(word.normal)
  const degrees = word.partOfSpeech === 'ADJ' || word.partOfSpeech === 'ADV' ? otherDegrees(word.value) : []
  for (const forms of grounding) {
    if (forms.words.has(word.value) || forms.words.has(word.normal) || forms.words.has(word.lemma) || forms.words.has(word.stem)) return true
    if (degrees.some((degree) => forms.words.has(degree))) return true
    if (meaning !== undefined && forms.meanings.has(meaning)) return true
    if (prefixMatch(word.stem, forms.words) || prefixMatch(word.lemma, forms.words)) return true
    // "Italian" for "Italy", "Earth" for "the world": a name in another form.
    if ((word.partOfSpeech === 'PROPN' || word.partOfSpeech === 'ADJ' || word.partOfSpeech === 'NOUN') && holdsVariantOf(word.value, forms.words)) return true
  }
  // A synonym, an adjective of the same cluster or a more general word, in WordNet ("lineage" /
  // "line", "microscopic" / "tiny", "soup" / "dish"): read only for words no cheaper form matched.
  if (!CONTENT_PARTS.has(word.partOfSpeech) || word.partOfSpeech === 'PROPN') return false
  for (const forms of grounding) {
    forms.wordNet ??= meaningsOf(forms.lemmas)
    if (meansTheSame(word.lemma, forms.wordNet) || (word.normal !== word.lemma && meansTheSame(word.normal, forms.wordNet))) return true
  }
  return false
}

/** Particles that make a phrasal verb of the word before them ("shot up", "gives off", "wore away"). */
const PARTICLE = /^(?:up|down|out|off|away|back|over)$/u

/**
 * The part of speech a word weighs as: its tag, except that a participle ("mixed", "locked",
 * "flowing") or a word a particle follows ("prices shot up") is read as the verb it comes from,
 * whatever the tagger made of it.
 */
function weighedAs(word: TaggedWord, next: TaggedWord | undefined): string {
  if (word.partOfSpeech !== 'NOUN' && word.partOfSpeech !== 'ADJ') return word.partOfSpeech
  if (/\p{L}{3,}(?:ed|ing)$/u.test(word.value) && !/(?:eed|ling|ring|ning|ding)$/u.test(word.value)) return 'VERB'
  return next?.partOfSpeech === 'ADP' && PARTICLE.test(next.value) ? 'VERB' : word.partOfSpeech
}

/**
 * The words of `text` (reply sentences that may state a fact, values already left out) that are
 * new against the grounding texts, weighed by what they can carry (`relatesNames`: the sentence
 * names two things or more, so a new verb relates them): `candidates` are the light
 * stems a cheaper look-up already found missing (only those are tagged and compared again, by
 * lemma, Porter2 stem, shared prefix and meaning group). Evaluative words weigh nothing.
 *
 * @example
 * novelWords('The father keeps it warm for two months.', new Set(['father']), ['The male keeps the egg warm.'])
 * // [] — "father" means the male
 */
export function novelWords(text: string, candidates: ReadonlySet<string>, groundingTexts: readonly string[], options: { relatesNames?: boolean } = {}): NovelWord[] {
  const grounding = groundingTexts.filter((item) => item !== '').map(formsOf)
  const novel: NovelWord[] = []
  const words = tagWords(text)
  for (const [at, word] of words.entries()) {
    if (!candidates.has(stemWord(word.value)) || EVALUATIVE_WORDS.has(word.lemma) || EVALUATIVE_WORDS.has(word.normal)) continue
    // "such an elegant instrument", "what a clever trick": the adjective of an exclamative degree evaluates.
    if (word.partOfSpeech === 'ADJ' && words[at - 1] !== undefined && /^an?$/u.test(words[at - 1]?.value ?? '') && /^(?:such|what)$/u.test(words[at - 2]?.value ?? '')) continue
    if (APPROXIMATOR.test(word.value) && words[at + 1]?.value === 'to' && new RegExp(`\\b${word.value}\\s+to\\s{3,}`, 'iu').test(text)) continue
    if (isKnown(word, grounding)) continue
    const partOfSpeech = weighedAs(word, words[at + 1])
    const weight = partOfSpeech === 'VERB' && options.relatesNames === true ? RELATING_VERB_WEIGHT : (PART_OF_SPEECH_WEIGHT[partOfSpeech] ?? 0)
    if (weight === 0) continue
    // A comparison ("longer", "the highest") is a fact however general its adjective.
    const compared =
      (word.partOfSpeech === 'ADJ' || word.partOfSpeech === 'ADV') && COMPARATIVE.test(word.value) && !NOT_COMPARATIVE.has(word.value) && (!TIME_COMPARATIVE.has(word.value) || words[at + 1]?.value === 'than')
    const general = !compared && (GENERAL_WORDS.has(word.lemma) || GENERAL_WORDS.has(word.normal) || TIME_COMPARATIVE.has(word.value))
    novel.push({ word: word.value, partOfSpeech: word.partOfSpeech, weight: compared ? 1 : general ? Math.min(weight, 0.3) : weight })
  }
  return novel
}
