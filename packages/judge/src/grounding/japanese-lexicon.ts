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
const HAN = /\p{sc=Han}/u
/**
 * Lone kanji that are function, position, time or counter words (a closed class: 方 "side", 中
 * "inside", 前 "before", 時 "o'clock", 人 "person" after a number, 本 a counter): never read as a
 * subject of their own.
 */
const NOT_LONE_NOUNS = new Set([...'方中前後上下内外他事物者人私僕皆所度点分日月年週時今何毎各全際間頃次先元横隣奥側頭目手口気心形式的等用様当本同別以約半両計税額円号番回件名台枚個泊室階歳才匹箱冊着杯品色部位割倍夜朝昼晩夕春夏秋冬明昨翌初最末込付'])
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
 * 月極め, ロッカー). A one-kanji word counts only where it stands alone, between kana or punctuation
 * (「お席で」 → 席 seat), and is no function, time or counter word (NOT_LONE_NOUNS).
 * Each position costs one look-up when no word starts there, at most one per length otherwise.
 *
 * @example
 * japaneseWords('月極めロッカーは月1100円').map((found) => found.word) // ['月極め', 'ロッカー']
 */
export function japaneseWords(text: string): JapaneseWord[] {
  const found: JapaneseWord[] = []
  if (!HAS_WORD_START.test(text)) return found
  const blocks = loadLexicon()
  for (let at = 0; at < text.length; at += 1) {
    if (!WORD_START.test(text[at] as string)) continue
    const block = blocks.get(text.slice(at, at + 2))
    let length = block ? Math.min(block.longest, text.length - at) : 0
    for (; length >= 2; length -= 1) {
      const gloss = glossesOf(text.slice(at, at + length), block as Block)
      if (gloss === undefined) continue
      const word = text.slice(at, at + length)
      found.push({ word, start: at, end: at + length, english: englishOf(word, gloss) })
      at += length - 1
      break
    }
    if (length < 2) {
      const lone = loneKanji(text, at, blocks)
      if (lone) found.push(lone)
    }
  }
  return found
}

/** A kanji that stands alone between kana or punctuation (「猫ちゃん」, 「お席で」, 「車の」) as a common noun, or undefined. */
function loneKanji(text: string, at: number, blocks: Map<string, Block>): JapaneseWord | undefined {
  const kanji = text[at] as string
  if (!HAN.test(kanji) || HAN.test(text[at - 1] ?? '') || HAN.test(text[at + 1] ?? '') || NOT_LONE_NOUNS.has(kanji)) return undefined
  const block = blocks.get(`${kanji}\t`)
  const gloss = block ? glossesOf(kanji, block) : undefined
  return gloss === undefined ? undefined : { word: kanji, start: at, end: at + 1, english: englishOf(kanji, gloss) }
}
