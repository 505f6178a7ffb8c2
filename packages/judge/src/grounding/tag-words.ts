import { createRequire } from 'node:module'
import type WinkFn from 'wink-nlp'
import type { Model } from 'wink-eng-lite-web-model'

/** A word of English text with its part of speech (Universal Dependencies tag), lemma and Porter2 stem, all lower case. */
export interface TaggedWord {
  /** The word as written, lower case ("colour"). */
  value: string
  /** wink-nlp's normal form (American spelling: "color"). */
  normal: string
  lemma: string
  stem: string
  /** `NOUN`, `PROPN`, `ADJ`, `VERB`, `ADV`, `NUM`, `PRON`, `DET`, `ADP`, `AUX`, `PUNCT`, … */
  partOfSpeech: string
}

type Wink = ReturnType<typeof WinkFn>

let wink: Wink | undefined

/**
 * wink-nlp with its light English model (MIT, ~4 MB, ~50 µs a sentence), loaded on first use:
 * only free-text answers whose words the knowledge does not hold are tagged, so a judge that
 * checks a structured knowledge base never pays the ~60 ms it takes to load. Chosen over a
 * hand-written suffix heuristic because paraphrase is told from new content by part of speech
 * and lemma (“grew” → grow, “biggest” → big), which needs a tagger and a lexicon.
 */
function loadWink(): Wink {
  if (!wink) {
    const require = createRequire(import.meta.url)
    const create = require('wink-nlp') as typeof WinkFn
    const model = require('wink-eng-lite-web-model') as Model
    wink = create(model, ['pos'])
  }
  return wink
}

const MAX_CACHED = 512
const cache = new Map<string, TaggedWord[]>()

/**
 * The words of an English text, tagged (punctuation and spaces left out). Remembered for the
 * last few hundred texts: the knowledge and the dialogue history are the same on every turn.
 *
 * @example
 * tagWords('The males grew bigger.')
 * // [{ normal: 'the', partOfSpeech: 'DET', … }, { normal: 'males', lemma: 'male', partOfSpeech: 'NOUN', … }, { normal: 'grew', lemma: 'grow', partOfSpeech: 'VERB', … }, …]
 */
export function tagWords(text: string): TaggedWord[] {
  const cached = cache.get(text)
  if (cached) return cached
  const nlp = loadWink()
  const { its } = nlp
  const tokens = nlp.readDoc(text).tokens()
  const values = tokens.out(its.value)
  const normals = tokens.out(its.normal)
  // wink-nlp's own declarations type its.lemma and its.stem with the model's add-ons, which its
  // `out` does not accept; at run time they are read like any other token property.
  const lemmas = tokens.out(its.lemma as unknown as typeof its.normal)
  const stems = tokens.out(its.stem as unknown as typeof its.normal)
  const parts = tokens.out(its.pos)
  const types = tokens.out(its.type)
  const words: TaggedWord[] = []
  normals.forEach((normal, at) => {
    const type = types[at]
    if (type === 'punctuation' || type === 'tabCRLF' || type === 'emoji' || type === 'emoticon' || type === 'symbol') return
    words.push({ value: (values[at] ?? normal).toLowerCase(), normal, lemma: (lemmas[at] ?? normal).toLowerCase(), stem: (stems[at] ?? normal).toLowerCase(), partOfSpeech: parts[at] ?? 'X' })
  })
  if (cache.size >= MAX_CACHED) cache.clear()
  cache.set(text, words)
  return words
}
