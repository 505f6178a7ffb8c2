import { readFileSync } from 'node:fs'

/** A Japanese word found in a text: where it is and the glosses of its first sense, most usual first (each a list of English words). */
export interface JapaneseWord {
  word: string
  start: number
  end: number
  english: ReadonlyArray<readonly string[]>
}

interface Block {
  /** The block's lines, each after a newline: `\nword<TAB>glosses`. */
  lines: string
  /** Length of the longest word in the block: a segmenter tries no longer span. */
  longest: number
  /** Word → glosses, split from `lines` the first time the block is searched. */
  words?: Map<string, string>
}

/** First two characters of a word → the lines of the words starting with them. */
let lexicon: Map<string, Block> | undefined

/**
 * The Japanese → English lexicon generated from EDICT (japanese-lexicon.tsv, decision 014),
 * read on first use (a judge that never meets kanji or katakana never reads it). Its lines are
 * not split into a string per word: they are cut into blocks of words sharing their first two
 * characters (the file is sorted), so loading is one pass and a look-up is one map access and
 * a map look-up in that block (split into words the first time).
 */
function loadLexicon(): Map<string, Block> {
  if (lexicon) return lexicon
  const text = `\n${readFileSync(new URL('./japanese-lexicon.tsv', import.meta.url), 'utf8')}`
  lexicon = new Map()
  let blockStart = -1
  let longest = 0
  const close = (end: number): void => {
    if (blockStart >= 0) lexicon?.set(text.slice(blockStart + 1, blockStart + 3), { lines: text.slice(blockStart, end), longest })
  }
  for (let start = 1; start < text.length; ) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    if (text.charCodeAt(start) !== 35 /* # */) {
      if (blockStart < 0 || text.charCodeAt(start) !== text.charCodeAt(blockStart + 1) || text.charCodeAt(start + 1) !== text.charCodeAt(blockStart + 2)) {
        close(start - 1)
        blockStart = start - 1
        longest = 0
      }
      longest = Math.max(longest, text.indexOf('\t', start) - start)
    }
    start = end + 1
  }
  close(text.length)
  return lexicon
}

/** The glosses of `word` (`dinner/evening meal`), or undefined when the lexicon lacks it. */
function glossesOf(word: string, block: Block): string | undefined {
  if (!block.words) {
    block.words = new Map()
    for (const line of block.lines.split('\n')) {
      const tab = line.indexOf('\t')
      if (tab > 0) block.words.set(line.slice(0, tab), line.slice(tab + 1))
    }
  }
  return block.words.get(word)
}

const WORD_START = /[\p{sc=Han}\p{sc=Katakana}]/u
const HAS_WORD_START = /[\p{sc=Han}\p{sc=Katakana}]/u
const split = new Map<string, ReadonlyArray<readonly string[]>>()

function englishOf(word: string, glosses: string): ReadonlyArray<readonly string[]> {
  let english = split.get(word)
  if (!english) {
    english = glosses.split('/').map((gloss) => gloss.split(' '))
    if (split.size >= 10_000) split.clear()
    split.set(word, english)
  }
  return english
}

/**
 * The lexicon's words in a (normalised) Japanese text, left to right, longest first at each
 * kanji or katakana position (dictionary maximum matching: 体組成測定 → 体組成, 測定; 月極めロッカー →
 * 月極め, ロッカー). One-character words are left out: a lone kanji is too ambiguous to translate.
 * Each position costs one look-up when no word starts there, at most one per length otherwise.
 *
 * @example
 * japaneseWords('月極めロッカーは月1100円').map((found) => found.word) // ['月極め', 'ロッカー']
 */
export function japaneseWords(text: string): JapaneseWord[] {
  const found: JapaneseWord[] = []
  if (!HAS_WORD_START.test(text)) return found
  const blocks = loadLexicon()
  for (let at = 0; at < text.length - 1; at += 1) {
    if (!WORD_START.test(text[at] as string)) continue
    const block = blocks.get(text.slice(at, at + 2))
    if (!block) continue
    for (let length = Math.min(block.longest, text.length - at); length >= 2; length -= 1) {
      const word = text.slice(at, at + length)
      const gloss = glossesOf(word, block)
      if (gloss === undefined) continue
      found.push({ word, start: at, end: at + length, english: englishOf(word, gloss) })
      at += length - 1
      break
    }
  }
  return found
}
