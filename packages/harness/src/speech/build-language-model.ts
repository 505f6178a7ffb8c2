import { spokenForm } from './spoken-form.ts'

/** An n-gram language model in ARPA text format, and its vocabulary. */
export interface LanguageModel {
  arpa: string
  /** Every word the model can produce (sorted). */
  words: string[]
}

/** Absolute discount taken from every seen bigram, left for unseen ones through back-off. */
const DISCOUNT = 0.5

const log10 = (value: number) => (Math.log10(value)).toFixed(4)

/**
 * Builds a bigram language model (ARPA format, absolute discounting with back-off to
 * add-one unigrams) from sentences, each first put in its spoken form (`spokenForm`). A
 * small written model of what a business's agent says keeps an offline recogniser on the
 * business's words while still letting it hear any sequence of them (a wrong price is
 * heard as the number it is). `vocabulary` adds words that may occur in no sentence.
 *
 * @example
 * const model = buildLanguageModel(['A cleaning is 5000 yen.', 'We are closed on Sundays.'])
 * model.words // ['a', 'are', 'cleaning', 'closed', 'five', …]
 */
export function buildLanguageModel(sentences: readonly string[], vocabulary: readonly string[] = []): LanguageModel {
  const unigrams = new Map<string, number>()
  const bigrams = new Map<string, Map<string, number>>()
  for (const word of vocabulary.flatMap((entry) => spokenForm(entry).split(' ')).filter(Boolean)) unigrams.set(word, unigrams.get(word) ?? 0)
  for (const sentence of sentences) {
    const words = spokenForm(sentence).split(' ').filter(Boolean)
    if (words.length === 0) continue
    const sequence = ['<s>', ...words, '</s>']
    for (const [index, word] of sequence.entries()) {
      unigrams.set(word, (unigrams.get(word) ?? 0) + 1)
      const next = sequence[index + 1]
      if (next === undefined) continue
      const following = bigrams.get(word) ?? new Map<string, number>()
      following.set(next, (following.get(next) ?? 0) + 1)
      bigrams.set(word, following)
    }
  }
  unigrams.set('<s>', unigrams.get('<s>') ?? 0)
  unigrams.set('</s>', unigrams.get('</s>') ?? 0)
  const total = [...unigrams.values()].reduce((sum, count) => sum + count, 0)
  const unigramProbability = (word: string) => ((unigrams.get(word) ?? 0) + 1) / (total + unigrams.size)
  const unigramLines: string[] = []
  const bigramLines: string[] = []
  for (const word of [...unigrams.keys()].sort()) {
    const following = bigrams.get(word)
    let backoff = ''
    if (following && following.size > 0) {
      const count = [...following.values()].reduce((sum, value) => sum + value, 0)
      let seenMass = 0
      for (const [next, pairCount] of [...following.entries()].sort(([left], [right]) => (left < right ? -1 : 1))) {
        bigramLines.push(`${log10((pairCount - DISCOUNT) / count)} ${word} ${next}`)
        seenMass += unigramProbability(next)
      }
      const leftOver = (DISCOUNT * following.size) / count
      backoff = ` ${log10(leftOver / Math.max(1e-6, 1 - seenMass))}`
    }
    const probability = word === '<s>' ? '-99.0000' : log10(unigramProbability(word))
    unigramLines.push(`${probability} ${word}${backoff}`)
  }
  const arpa = ['\\data\\', `ngram 1=${unigramLines.length}`, `ngram 2=${bigramLines.length}`, '', '\\1-grams:', ...unigramLines, '', '\\2-grams:', ...bigramLines, '', '\\end\\', ''].join('\n')
  return { arpa, words: [...unigrams.keys()].filter((word) => word !== '<s>' && word !== '</s>').sort() }
}
