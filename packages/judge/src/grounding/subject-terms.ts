import { isStopWord, normalizeText, stemWord } from '../internal/normalize-text.ts'
import { rememberRecent } from '../internal/remember-recent.ts'
import { crossLingualReader, type CrossLingualReader } from './cross-lingual-terms.ts'
import { japaneseSurnames } from './japanese-surnames.ts'
import { SERVICE_VOCABULARY } from './service-vocabulary.ts'
import { validateVocabulary, type Vocabulary } from './validate-vocabulary.ts'


/**
 * Bilingual vocabulary of subjects most businesses share: each English word or Japanese term
 * on the right maps to the canonical term on the left, so a reply's "料金" and a fact path's
 * "prices_yen" meet as "price". Words not listed stand for themselves (stemmed). Trade words
 * (a clinic's treatments, a restaurant's dishes) come from the knowledge base's `vocabulary`
 * section and the `vocabulary` option.
 */
const GENERAL_VOCABULARY: Vocabulary = {
  price: ['price', 'prices', 'cost', 'costs', 'fee', 'fees', 'charge', 'charges', '料金', '値段', '価格', '費用', 'いくら', '円'],
  hours: ['hours', 'open', 'opening', 'close', 'closing', 'closes', 'opens', 'time', '営業', '診療時間', '営業時間', '開い', '閉ま', '何時'],
  sunday: ['sunday', '日曜'],
  monday: ['monday', '月曜'],
  tuesday: ['tuesday', '火曜'],
  wednesday: ['wednesday', '水曜'],
  thursday: ['thursday', '木曜'],
  friday: ['friday', '金曜'],
  saturday: ['saturday', '土曜'],
  holiday: ['holiday', 'holidays', '祝日', '祝'],
  lunch: ['lunch', '昼休み', 'お昼', '昼'],
  break: ['break', '休憩'],
  phone: ['phone', 'telephone', 'number', 'call', '電話', '番号'],
  address: ['address', 'located', 'location', 'where', '住所', '所在地', '場所'],
  access: ['access', 'foot', 'walk', 'walking', 'station', 'exit', '徒歩', '駅', 'アクセス', '出口'],
  name: ['name', 'called', '名前', '名称'],
  cancellation: ['cancellation', 'cancel', 'cancellations', 'cancelling', 'canceling', 'キャンセル', '取り消し'],
  notice: ['notice', 'before', 'advance', '前', '前日'],
  late: ['late', '直前', '当日'],
  appointment: ['appointment', 'appointments', 'booking', 'book', 'reservation', '予約'],
  slot: ['slot', 'slots', 'session', '枠'],
  staff: ['staff', 'team', 'スタッフ'],
  insurance: ['insurance', 'insured', 'covered', 'coverage', '保険'],
  // Private as opposed to public or national (insurance, hospitals): 民間.
  private: ['private', '民間'],
  parking: ['parking', 'park', 'car', '駐車', 'パーキング'],
  pet: ['pet', 'pets', 'animal', 'animals', 'ペット', '動物'],
  smoking: ['smoking', 'smoke', 'smoker', 'cigarette', '喫煙', '禁煙', 'タバコ', 'たばこ'],
  payment: ['payment', 'pay', 'paying', 'cash', 'credit', 'cheque', 'cheques', 'personal check', 'personal checks', 'by check', '支払', '現金', '決済', '小切手', 'クレジット'],
  children: ['children', 'child', 'kids', 'kid', 'お子様', '子供', '子ども'],
  age: ['age', 'old', '歳', '才'],
}

/** A vocabulary ready for look-ups: single English words by stem, other terms (Japanese, phrases) by containment. */
export interface ResolvedVocabulary {
  words: ReadonlyMap<string, string>
  /** [term, canonical, term is all ASCII] */
  terms: ReadonlyArray<readonly [string, string, boolean]>
  /** ASCII phrases that start with a word, by that word ("front desk" under "front"): looked up per word of a text. */
  asciiPhrasesByFirstWord: ReadonlyMap<string, ReadonlyArray<readonly [string, string, boolean]>>
  /** The canonical terms themselves (`follow_up_consultation`): a fact key that spells one means it. */
  canonicals: ReadonlySet<string>
  /** Positions in `terms` by the term's first character: a text is scanned once instead of once per term. */
  termsByFirstChar: ReadonlyMap<string, readonly number[]>
  /** With one knowledge's English words (withKnowledgeWords): the ones a Japanese text names. */
  crossLingual?: CrossLingualReader
}

const ASCII = /^[\x20-\x7e]*$/u

/**
 * Merges `vocabularies` in order: each adds its words (a term always means itself too), and a
 * word listed under another term by an earlier one takes the later term.
 */
function resolve(vocabularies: Vocabulary[]): ResolvedVocabulary {
  const words = new Map<string, string>()
  const terms = new Map<string, readonly [string, string, boolean]>()
  const canonicals = new Set<string>()
  for (const vocabulary of vocabularies) {
    for (const [canonical, list] of Object.entries(vocabulary)) {
      const term = normalizeText(canonical).trim()
      canonicals.add(term)
      for (const word of [canonical, ...list]) {
        const normalized = normalizeText(word).trim()
        if (/^[a-z][a-z-]*$/u.test(normalized)) words.set(stemWord(normalized), term)
        else if (normalized !== '') terms.set(normalized, [normalized, term, ASCII.test(normalized)])
      }
    }
  }
  const all = [...terms.values()]
  const byFirstWord = new Map<string, Array<readonly [string, string, boolean]>>()
  for (const entry of all) {
    const first = /^[a-z][a-z'-]*/u.exec(entry[0])?.[0]
    if (!entry[2] || first === undefined) continue
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), entry])
  }
  const byFirstChar = new Map<string, number[]>()
  all.forEach(([term], position) => {
    const first = term[0] as string
    byFirstChar.set(first, [...(byFirstChar.get(first) ?? []), position])
  })
  return { words, terms: all, asciiPhrasesByFirstWord: byFirstWord, canonicals, termsByFirstChar: byFirstChar }
}

export const GENERAL_TERMS: ResolvedVocabulary = resolve([GENERAL_VOCABULARY, SERVICE_VOCABULARY])
/** The general subjects most businesses share (price, hours, payment, parking …): kinds, broader than a trade's own words. */
export const GENERAL_SUBJECTS: ReadonlySet<string> = new Set(Object.keys(GENERAL_VOCABULARY))
const resolved = new WeakMap<Vocabulary, ResolvedVocabulary>()

/**
 * The vocabulary that reads subjects: the general vocabulary, then the knowledge base's
 * `vocabulary` section, then the `vocabulary` option; each extends the one before, and where
 * two list the same word under different terms the later one wins. Each is checked (the
 * error names the section or the option). With no knowledge-base section the result is
 * cached per option object; with one, the caller caches it (per knowledge base).
 */
export function resolveVocabulary(vocabulary: Vocabulary | undefined, knowledgeVocabulary?: Vocabulary): ResolvedVocabulary {
  if (knowledgeVocabulary !== undefined) {
    const layers = [GENERAL_VOCABULARY, SERVICE_VOCABULARY, validateVocabulary(knowledgeVocabulary, 'the knowledge base\'s "vocabulary" section')]
    if (vocabulary !== undefined) layers.push(validateVocabulary(vocabulary, 'the "vocabulary" option'))
    return resolve(layers)
  }
  if (vocabulary === undefined) return GENERAL_TERMS
  let result = resolved.get(vocabulary)
  if (!result) {
    result = resolve([GENERAL_VOCABULARY, SERVICE_VOCABULARY, validateVocabulary(vocabulary, 'the "vocabulary" option')])
    resolved.set(vocabulary, result)
  }
  return result
}

/** Words too generic or too unit-like to say what a claim is about. */
const NOT_SUBJECTS = new Set(
  'free yen jpy usd dollar minute day week month year am pm we our you your us it is are be a an the and or but to of in on at for from with by as that this there here can will would just also about around than less more per each every only then what which how much many plus minus'.split(' '),
)

/** Katakana words and kanji compounds (two characters or more): Japanese has no spaces, so these runs stand for its words. */
const JAPANESE_WORD = /[\p{sc=Katakana}ー]{2,}|\p{sc=Han}{2,}/gu
/** Runs that only name a time, a day, a count or a politeness prefix (午前, 月曜日, 毎週, 予約可能) are not subjects of their own. */
const NOT_JAPANESE_SUBJECT = /^(?:[日月火水木金土曜午前後時分半毎週円万千百十回名人様御可能以上以下程度]|最大|最小|最長|最短|最低|最高|上限|下限|以内|未満|約)+$/u

const JAPANESE_DAY_WORDS = new Set(['平日', '週末', '土日', '祝日', '祝祭日', '毎日', '本日', '今日', '明日'])

function addJapaneseTerms(text: string, terms: Set<string>): void {
  JAPANESE_WORD.lastIndex = 0
  for (let match = JAPANESE_WORD.exec(text); match !== null; match = JAPANESE_WORD.exec(text)) {
    if (!NOT_JAPANESE_SUBJECT.test(match[0]) && !JAPANESE_DAY_WORDS.has(match[0])) terms.add(match[0])
  }
  JAPANESE_WORD.lastIndex = 0
}

const HAN = /\p{sc=Han}/u

/**
 * Whether a one-character term a Japanese text holds stands alone there: a one-kanji term heads no
 * compound (個, piece, is not in 個室, a private room; 円 not in 円形); it may end one (中目黒駅, 1泊).
 */
function headsNoCompound(text: string, term: string): boolean {
  if (!HAN.test(term)) return true
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) if (!HAN.test(text[at + 1] ?? '')) return true
  return false
}

/** The vocabulary's terms that `text` contains, in the vocabulary's order: one pass over the text, looking terms up by their first character. */
function containedTerms(text: string, vocabulary: ResolvedVocabulary): Array<readonly [string, string, boolean]> {
  const found: number[] = []
  for (let at = 0; at < text.length; at += 1) {
    for (const position of vocabulary.termsByFirstChar.get(text[at] as string) ?? []) {
      if (!found.includes(position) && text.startsWith((vocabulary.terms[position] as readonly [string, string, boolean])[0], at)) found.push(position)
    }
  }
  return found.sort((left, right) => left - right).map((position) => vocabulary.terms[position] as readonly [string, string, boolean])
}

/**
 * Whether the vocabulary's Japanese terms cover `word` end to end (ツインルーム: ツイン + ルーム): such a
 * word keeps the vocabulary's reading. A word with a part the vocabulary does not read
 * (コインパーキング: コイン), or read only by a one-kanji term heading a compound (個室: 個 is not
 * "piece" there), is also translated.
 */
function readsWhole(word: string, vocabulary: ResolvedVocabulary): boolean {
  const covered = new Uint8Array(word.length)
  for (const [term] of containedTerms(word, vocabulary)) {
    if (term.length === 1 && !headsNoCompound(word, term)) continue
    for (let at = word.indexOf(term); at >= 0; at = word.indexOf(term, at + 1)) covered.fill(1, at, at + term.length)
  }
  return covered.every((flag) => flag === 1)
}

const readers = new WeakMap<ResolvedVocabulary, (text: string) => readonly string[]>()

/** Canonical subject terms found in a piece of text (English words and Japanese terms); a new set each call (the terms of recent texts are remembered per vocabulary). */
export function subjectTerms(text: string, vocabulary: ResolvedVocabulary = GENERAL_TERMS): Set<string> {
  let read = readers.get(vocabulary)
  if (!read) {
    read = rememberRecent((said) => [...readSubjectTerms(said, vocabulary)])
    readers.set(vocabulary, read)
  }
  return new Set(read(text))
}

function readSubjectTerms(text: string, vocabulary: ResolvedVocabulary): Set<string> {
  const normalized = normalizeText(text)
  const terms = new Set<string>()
  const ascii = ASCII.test(normalized)
  for (const word of normalized.match(/[a-z][a-z'-]*/gu) ?? []) {
    if (ascii) for (const [phrase, canonical] of vocabulary.asciiPhrasesByFirstWord.get(word) ?? []) if (normalized.includes(phrase)) terms.add(canonical)
    // Contractions ("aren't", "we're") are function words.
    const term = englishTerm(word, vocabulary)
    if (term !== undefined) terms.add(term)
  }
  // A text with Japanese may hold any term; an ASCII one only the phrases met word by word above.
  if (!ascii) {
    for (const [term, canonical] of containedTerms(normalized, vocabulary)) if (term.length > 1 || headsNoCompound(normalized, term)) terms.add(canonical)
    addJapaneseTerms(normalized, terms)
    if (vocabulary.crossLingual) for (const term of vocabulary.crossLingual(normalized)) terms.add(term)
    // 河合先生, 「小野は…」: a family name also stands for its reading, the way English knowledge writes it (kawai, ono).
    for (const surname of japaneseSurnames(normalized)) terms.add(surname.reading)
  }
  return terms
}

/** The subject term an English word stands for (stemmed, through the vocabulary), or undefined for a function or unit word. */
function englishTerm(word: string, vocabulary: ResolvedVocabulary): string | undefined {
  if (/'(?!s$)/u.test(word)) return undefined
  const stem = stemWord(word.replace(/'s$/u, ''))
  if (NOT_SUBJECTS.has(stem) || NOT_SUBJECTS.has(word) || isStopWord(word) || stem.length < 3) return undefined
  return vocabulary.words.get(stem) ?? stem
}

/**
 * The vocabulary extended for one knowledge: a Japanese text also names the English subject
 * terms of `knowledgeText` its words translate to or transcribe (月極めロッカー → month, locker;
 * see cross-lingual-terms.ts), so a Japanese reply meets English free text without a `vocabulary`
 * section. Built once per knowledge (the index caches it).
 */
export function withKnowledgeWords(vocabulary: ResolvedVocabulary, knowledgeText: string): ResolvedVocabulary {
  const words = new Set(normalizeText(knowledgeText).match(/[a-z][a-z'-]*/gu) ?? [])
  const ownTerms = (word: string): boolean => NOT_JAPANESE_SUBJECT.test(word) || JAPANESE_DAY_WORDS.has(word) || readsWhole(word, vocabulary)
  return { ...vocabulary, crossLingual: crossLingualReader(words, (word) => englishTerm(word, vocabulary), ownTerms) }
}

/** Canonical subject terms of a fact path segment such as `cancellation_notice_hours` (unit suffixes dropped). */
export function keyTerms(key: string, vocabulary: ResolvedVocabulary = GENERAL_TERMS): Set<string> {
  const parts = key.toLowerCase().split(/[_\-\s.]+/u).filter(Boolean)
  while (parts.length > 1 && /^(?:yen|jpy|usd|minutes?|hours?|days?|weeks?|percent|count)$/u.test(parts.at(-1) ?? '')) parts.pop()
  const terms = subjectTerms(parts.join(' '), vocabulary)
  // `follow_up_consultation`, `drop_in_visit`: words of the key that together spell a vocabulary term mean it.
  for (let from = 0; from < parts.length - 1; from += 1) {
    for (let to = from + 2; to <= parts.length; to += 1) {
      const span = parts.slice(from, to).join('_')
      if (vocabulary.canonicals.has(span)) terms.add(span)
    }
  }
  return terms
}
