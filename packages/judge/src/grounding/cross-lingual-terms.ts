import { japaneseWords } from './japanese-lexicon.ts'
import { englishKey, katakanaKey } from './loanword-key.ts'
import { stemWord } from '../internal/normalize-text.ts'

/** Reads the English subject terms a Japanese text names, among those one knowledge uses. */
export type CrossLingualReader = (normalizedText: string) => string[]

/** Loanword keys shorter than this (ピアノ "pn", ロッカー "rk") meet too many words: those come from the lexicon alone. */
const MIN_KEY_LENGTH = 3
const KATAKANA_RUN = /[\p{sc=Katakana}ー]{3,}/gu
const MAX_REMEMBERED = 10_000
/** A gloss word and a knowledge word are one family when they share this many first letters … */
const FAMILY_PREFIX = 6
/** … and at least this share of the shorter one (guarant-ee / guarant-or: 7 of 9). */
const FAMILY_SHARE = 0.75

function sharedPrefix(left: string, right: string): number {
  let length = 0
  while (length < left.length && left[length] === right[length]) length += 1
  return length
}

/**
 * A reader of the subject terms a Japanese reply shares with English knowledge: each word the
 * EDICT lexicon finds in the text (月極め → monthly, contract; 体組成 → body, composition) gives the
 * English words of its first sense that the knowledge uses (`known`, read through `toTerm`, the
 * same stemming and vocabulary as English text), and a katakana word gives the knowledge's
 * English words it transcribes (パッキング ~ packing, マラサダ ~ malasada: see loanword-key.ts).
 * Restricting translations to the knowledge's own words keeps a word's other senses (ロッカー:
 * locker, rocker) from naming a subject the knowledge never had.
 *
 * @param knowledgeWords the knowledge's English words as written (`packing`, `lockers`)
 * @param toTerm an English word's subject term (stemmed, through the vocabulary), or undefined for a function word
 */
export function crossLingualReader(knowledgeWords: Iterable<string>, toTerm: (word: string) => string | undefined, ownTerms: (word: string) => boolean): CrossLingualReader {
  // A gloss meets the knowledge by the word as the knowledge writes it (stemmed), not through
  // the vocabulary's synonyms: 健康診断 ("physical examination") is not the knowledge's "consultation".
  const byStem = new Map<string, string>()
  const byKey = new Map<string, Set<string>>()
  for (const word of knowledgeWords) {
    const term = toTerm(word)
    if (term === undefined) continue
    const stem = stemWord(word.replace(/'s$/u, ''))
    byStem.set(stem, term)
    // Japanese borrows the singular: マラサダ ~ malasadas.
    for (const key of new Set([englishKey(word), englishKey(stem)])) {
      if (key.length < MIN_KEY_LENGTH) continue
      const terms = byKey.get(key) ?? new Set<string>()
      terms.add(term)
      byKey.set(key, terms)
    }
  }
  // Knowledge words by their first letters: a gloss word of the same family with another ending
  // (guarantee ~ guarantor, inspect ~ inspection) meets them when no gloss meets a word exactly.
  const byPrefix = new Map<string, string[]>()
  for (const stem of byStem.keys()) {
    if (stem.length < FAMILY_PREFIX) continue
    const key = stem.slice(0, FAMILY_PREFIX)
    byPrefix.set(key, [...(byPrefix.get(key) ?? []), stem])
  }
  const family = (word: string): string | undefined => {
    const stem = stemWord(word)
    if (stem.length < FAMILY_PREFIX) return undefined
    const match = (byPrefix.get(stem.slice(0, FAMILY_PREFIX)) ?? []).find((known) => sharedPrefix(known, stem) >= FAMILY_SHARE * Math.min(known.length, stem.length))
    return match === undefined ? undefined : byStem.get(match)
  }
  const translations = new Map<string, readonly string[]>()
  const translate = (word: string, english: ReadonlyArray<readonly string[]>): readonly string[] => {
    let terms = translations.get(word)
    if (!terms) {
      const found = new Set<string>()
      // A word the vocabulary reads (ツインルーム: twin, room) or that is no subject of its own (午前, 以内) keeps that reading alone.
      if (!ownTerms(word)) {
        // The first gloss the knowledge uses decides (夕ご飯 "dinner / evening meal": dinner), so one word means one thing.
        for (const gloss of english) {
          for (const word of gloss) {
            const term = byStem.get(stemWord(word))
            if (term !== undefined) found.add(term)
          }
          // "tune up" (チューンアップ) is the knowledge's "tune-up".
          const joined = gloss.length > 1 ? byStem.get(gloss.join('-')) : undefined
          if (joined !== undefined) found.add(joined)
          if (found.size > 0) break
        }
        if (found.size === 0) {
          for (const gloss of english) {
            for (const word of gloss) {
              const term = family(word)
              if (term !== undefined) found.add(term)
            }
            if (found.size > 0) break
          }
        }
        if (found.size === 0) for (const term of byKey.get(katakanaKey(word)) ?? []) found.add(term)
      }
      terms = [...found]
      if (translations.size >= MAX_REMEMBERED) translations.clear()
      translations.set(word, terms)
    }
    return terms
  }
  return (text) => {
    const terms: string[] = []
    for (const found of japaneseWords(text)) terms.push(...translate(found.word, found.english))
    // A katakana word the lexicon does not hold as one (a name, a compound of loanwords): by its key.
    KATAKANA_RUN.lastIndex = 0
    for (let match = KATAKANA_RUN.exec(text); match !== null; match = KATAKANA_RUN.exec(text)) {
      if (!ownTerms(match[0])) for (const term of byKey.get(katakanaKey(match[0])) ?? []) terms.push(term)
    }
    return terms
  }
}
