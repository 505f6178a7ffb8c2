/**
 * Endings that make a people's or language's name (a demonym) of a place's name: Italy →
 * Italian, Japan → Japanese, Mexico → Mexican, Iceland → Icelandic, Sweden → Swedish, Korea →
 * Korean. English forms most demonyms this way (a suffix on the place's stem, its last vowel
 * dropped); the irregular ones (France → French, the Netherlands → Dutch) are left out.
 */
const DEMONYM_ENDING = /^(?:n|an|ian|ean|ese|ish|ic|i|ite)s?$/u
/** What a place's name may lose before the demonym's ending: its final vowel, "-en" (Sweden), nothing. */
const PLACE_ENDING = /^(?:a|e|o|y|en)?$/u
/** Shortest stem two names must share (Rom-e / Rom-an: three letters, in a short name). */
const MIN_STEM = 3
/** Names shorter than this need a stem of four letters ("Ind-ia" / "Ind-iana" would not do with three). */
const SHORT_NAME = 5

/**
 * Demonyms English does not form with a suffix on the place's stem (a closed list of the
 * language): demonym → its place's names.
 */
const IRREGULAR_DEMONYMS: ReadonlyMap<string, readonly string[]> = new Map(
  (
    'french:france dutch:netherlands,holland greek:greece british:britain,uk spanish:spain welsh:wales swiss:switzerland ' +
    'danish:denmark finnish:finland polish:poland turkish:turkey scottish:scotland scots:scotland irish:ireland english:england ' +
    'norwegian:norway peruvian:peru portuguese:portugal thai:thailand filipino:philippines venetian:venice arab:arabia arabic:arabia ' +
    'viennese:vienna neapolitan:naples muscovite:moscow parisian:paris'
  )
    .split(' ')
    .map((pair) => {
      const [demonym = '', places = ''] = pair.split(':')
      return [demonym, places.split(',')] as const
    }),
)

/**
 * Common nouns a name may stand for in speech: "the deepest lake on Earth" says "in the
 * world". Each group is one meaning.
 */
const SAME_AS_NAME: ReadonlyArray<readonly string[]> = [['earth', 'world', 'globe']]

function commonPrefix(left: string, right: string): number {
  let at = 0
  while (at < left.length && at < right.length && left[at] === right[at]) at += 1
  return at
}

/**
 * True when `demonym` (lower case) is the demonym of `place`: "italian" of "italy", "japanese"
 * of "japan", "roman" of "rome". One way only: someone Italian is from Italy, but a text that
 * says "Italian" (a language, a style) does not place anything in Italy.
 *
 * @example
 * isDemonymOf('italian', 'italy')      // true
 * isDemonymOf('italy', 'italian')      // false
 * isDemonymOf('austrian', 'australia') // false
 */
export function isDemonymOf(demonym: string, place: string): boolean {
  if (demonym === place) return false
  if (IRREGULAR_DEMONYMS.get(demonym)?.includes(place) === true) return true
  const shared = commonPrefix(demonym, place)
  if (shared < MIN_STEM || (shared < 4 && Math.min(demonym.length, place.length) >= SHORT_NAME)) return false
  return DEMONYM_ENDING.test(demonym.slice(shared)) && PLACE_ENDING.test(place.slice(shared))
}

const WORD = /\p{L}+/gu

/**
 * Generic heads of place names ("Mount Everest", "Lake Baikal", "the Amazon River"): the head
 * classifies, the rest names; "Everest" names what "Mount Everest" names. Abbreviations are the word.
 */
const GENERIC_HEAD = /\b(?:mount|mt\.?|lake|river|sea|ocean|island|islands|bay|desert|cape|city|falls|valley|canyon|glacier|peninsula|strait|gulf|national park)\b/gu
const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bst\.?(?=\s)/gu, 'saint'],
  [/\bmt\.?(?=\s)/gu, 'mount'],
  [/\bft\.?(?=\s)/gu, 'fort'],
]

/** The name with its abbreviations spelt out ("St. Petersburg" → "saint petersburg"). */
function spelledOut(name: string): string {
  return ABBREVIATIONS.reduce((text, [pattern, word]) => text.replace(pattern, word), name)
}

/** Whether the text names the name without its generic head, or with its abbreviations spelt out the other way. */
function namesWithoutHead(name: string, text: string): boolean {
  const spelled = spelledOut(name)
  if (spelled !== name && text.includes(spelled)) return true
  const core = spelled.replace(GENERIC_HEAD, ' ').replace(/\s+/gu, ' ').trim()
  return core.length >= 3 && core !== spelled && new RegExp(`(?<!\\p{L})${core.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?!\\p{L})`, 'u').test(spelledOut(text))
}

/** Whether a set of words (lower case) holds another form of a one-word name: the place of a demonym, or the common noun it stands for. */
export function holdsVariantOf(name: string, words: ReadonlySet<string>): boolean {
  const group = SAME_AS_NAME.find((same) => same.includes(name))
  if (group?.some((word) => word !== name && words.has(word))) return true
  if (name.length < MIN_STEM) return false
  for (const place of IRREGULAR_DEMONYMS.get(name) ?? []) if (words.has(place)) return true
  for (const word of words) if (word[0] === name[0] && isDemonymOf(name, word)) return true
  return false
}

/**
 * Whether a grounding text (lower case) names what a name (lower case) names, in another form:
 * without accents ("Tromso" for "Tromsø"), without a generic head or with an abbreviation
 * spelt out ("Mount Fuji" for "Fuji", "St. Lucia" for "Saint Lucia"), or, for a one-word name, the place of a demonym
 * ("Italian" against "invented in Italy") or the common noun it stands for ("on Earth" against
 * "in the world").
 *
 * @example
 * namesVariantOf('italian', 'the piano was invented in italy') // true
 * namesVariantOf('tromso', 'the lights over tromsø')          // true
 */
export function namesVariantOf(name: string, text: string): boolean {
  // "Tromso" for "Tromsø", "Cote d'Ivoire" for "Côte d'Ivoire": letters without their accents.
  if (LATIN_NAME.test(name) && (/[^\x20-\x7e\s]/u.test(name) || /[^\x20-\x7e\s]/u.test(text)) && withoutAccents(text).includes(withoutAccents(name))) return true
  // "Mount Kilimanjaro" for "Kilimanjaro", "St. Lucia" for "Saint Lucia".
  if (/\s/u.test(name) && namesWithoutHead(name, text)) return true
  if (!/^\p{L}+$/u.test(name)) return false
  const group = SAME_AS_NAME.find((words) => words.includes(name))
  if (group?.some((word) => word !== name && new RegExp(`\\b${word}\\b`, 'u').test(text))) return true
  for (const place of IRREGULAR_DEMONYMS.get(name) ?? []) if (new RegExp(`\\b${place}\\b`, 'u').test(text)) return true
  const stem = name.slice(0, MIN_STEM)
  if (!text.includes(stem)) return false
  for (const match of text.matchAll(WORD)) if (match[0].startsWith(stem) && isDemonymOf(name, match[0])) return true
  return false
}

/** A name in Latin letters (accents folded only there: a Japanese kana's voicing mark is no accent). */
const LATIN_NAME = /^[\p{sc=Latin}\s'’.-]+$/u

let lastText = ''
let lastPlain = ''

/** A text with its letters' accents and other combining marks left out ("Tromsø" → "Tromso"); the last text's is remembered (the knowledge, name after name). */
export function withoutAccents(text: string): string {
  if (text === lastText) return lastPlain
  const plain = text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/ø/gu, 'o').replace(/æ/gu, 'ae').replace(/ß/gu, 'ss')
  if (text.length > 40) {
    lastText = text
    lastPlain = plain
  }
  return plain
}
