import { allMatches } from '../internal/all-matches.ts'
import { hasJapanese } from '../internal/normalize-text.ts'
import type { Claim } from './claim.ts'

const WORD = /[\p{sc=Latin}][\p{sc=Latin}\p{N}'’.-]*/gu
const CONNECTORS = new Set(['of', 'de', 'del', 'da', 'van', 'von', 'der', 'la', 'le', 'bin', 'al'])
const HONORIFICS = /^(?:Dr|Mr|Mrs|Ms|Prof|St|Sir|Mt)\.?$/u
const NOT_NAMES = new Set(
  (
    'I OK Okay Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mondays Tuesdays Wednesdays Thursdays Fridays Saturdays Sundays Mon Tue Tues Wed Thu Thurs Fri Sat Sun ' +
    'January February March April May June July August September October November December AM PM A.M. P.M. ' +
    'The A An We Our Your You It Its This That These Those Yes No Sure Thank Thanks Please Hello Hi Good Of In On At For As If When ' +
    'What Which Who Why How He She They His Her Him Them Their There Here Unfortunately Sorry Certainly Absolutely Of Course And But Or So Also Then Is Are Was ' +
    'Were Do Does Did Can Could Would Will Should May Might Let Just Yeah Welcome Great Perfect Alright Right Well Oh Hmm Goodbye Bye ' +
    // Prepositions, conjunctions and quantifiers a sentence or fragment may open with ("From Iceland!", "Both Ann and Lee …").
    'From By With To After Before Since Until During Near Like Maybe Because Though Although While Both Every Each Some Many Most All None'
  ).split(' '),
)
const SENTENCE_START_WORDS = NOT_NAMES
/** Japanese honorifics written after a romanised name (Sato-san, Ito-sensei). */
const HONORIFIC_SUFFIX = /-(?:san|sama|sensei|kun|chan)$/iu

const JAPANESE_SUFFIXES = '(?:歯科クリニック|歯科医院|クリニック|歯科|病院|医院|先生|さん|様|医師|院長|株式会社|大学|駅)'
const JAPANESE_NAME = new RegExp(`([\\p{sc=Han}\\p{sc=Katakana}ー]{1,8}?)${JAPANESE_SUFFIXES}`, 'gu')
const JAPANESE_SUFFIX_ONLY = new RegExp(`^${JAPANESE_SUFFIXES}+$`, 'u')

const SENTENCE_END = /[.!?](?!\d)/gu

/** True inside a sentence written all in capitals (no name can be told apart there). */
function isShouted(text: string, position: number): boolean {
  const from = Math.max(text.lastIndexOf('.', position), text.lastIndexOf('!', position), text.lastIndexOf('?', position)) + 1
  SENTENCE_END.lastIndex = position
  const end = SENTENCE_END.exec(text)
  const sentence = text.slice(from, end ? end.index : text.length)
  return /\p{Lu}{2}/u.test(sentence) && !/\p{Ll}/u.test(sentence)
}

const STARTS_UPPER = /^\p{Lu}/u

function isCapitalised(word: string): boolean {
  // Every way below to a name starts with a capital (most words do not: a cheap first look).
  if (!STARTS_UPPER.test(word)) return false
  // "I'm", "That's", "We'll": contractions are not names.
  if (/['’](?:m|s|ll|ve|d|re|t)$/iu.test(word) && !/^[\p{Lu}][\p{Ll}]+['’]s$/u.test(word)) return false
  if (/^(?:That|It|He|She|There|Here|What|Who|Let)['’]s$/u.test(word)) return false
  return /^[\p{Lu}][\p{L}'’.-]*$/u.test(word) || HONORIFICS.test(word)
}

/**
 * Person and organisation names: runs of capitalised words in English (a lone capitalised
 * word that starts a sentence is skipped: it is usually not a name), and in Japanese a
 * kanji/katakana run before an honorific or organisation suffix (田中先生, スズキ歯科).
 * `isTaken(start, end)` says whether an earlier rule already claimed that text.
 */
export function extractNameClaims(text: string, isTaken: (start: number, end: number) => boolean): Claim[] {
  const claims: Claim[] = []
  // A word's closing point is the sentence's, except after a title ("Dr.").
  const words = allMatches(WORD, text).map((match) => ({ word: match[0].endsWith('.') && !HONORIFICS.test(match[0]) ? match[0].slice(0, -1) : match[0], start: match.index }))
  let index = 0
  while (index < words.length) {
    const first = words[index]
    if (!first || !isCapitalised(first.word) || isTaken(first.start, first.start + first.word.length) || isShouted(text, first.start)) {
      index += 1
      continue
    }
    let last = index
    while (last + 1 < words.length) {
      const next = words[last + 1]
      const current = words[last]
      if (!next || !current || /[,;:!?()"]|[.](?=\s)/u.test(text.slice(current.start + current.word.length, next.start)) && !HONORIFICS.test(current.word)) break
      if (isCapitalised(next.word) && !NOT_NAMES.has(next.word)) last += 1
      else if (CONNECTORS.has(next.word) && words[last + 2] && isCapitalised(words[last + 2]?.word ?? '')) last += 2
      else break
    }
    const before = text.slice(0, first.start)
    const atSentenceStart = /(?:^|[.!?。！？:]\s*|\n\s*|["“])$/u.test(before.trimEnd() === '' ? '' : before) || before.trim() === ''
    let from = index
    while (from <= last && (NOT_NAMES.has(words[from]?.word ?? '') || (from === index && atSentenceStart && SENTENCE_START_WORDS.has(words[from]?.word ?? '')))) from += 1
    const single = from === last
    // "Tsubakiへのお電話…": a Latin word a Japanese particle follows is a name even at a sentence start.
    const lastWord = words[last]
    const beforeJapanese = lastWord !== undefined && /^[\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Han}]/u.test(text.slice(lastWord.start + lastWord.word.length))
    if (from <= last && !(single && atSentenceStart && from === index && !beforeJapanese) && !(single && HONORIFICS.test(words[from]?.word ?? ''))) {
      const startWord = words[from]
      const endWord = words[last]
      if (startWord && endWord) {
        const start = startWord.start
        const end = endWord.start + endWord.word.length
        if (!isTaken(start, end)) {
          const name = text.slice(start, end)
          // "Gustave Eiffel's company": the possessive is not part of the name.
          // "Sato-san", "Ito-sensei": a Japanese honorific written after the name is no part of it.
          claims.push({ text: name, type: 'name', value: { kind: 'text', text: name.replace(/^(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+/u, '').replace(/['’]s$/u, '').replace(HONORIFIC_SUFFIX, '') }, start, end })
        }
      }
    }
    index = last + 1
  }
  for (const match of hasJapanese(text) ? allMatches(JAPANESE_NAME, text) : []) {
    const stem = match[1] ?? ''
    const end = match.index + match[0].length
    // お子様, お客様: a single character before 様/さん is a word, not a name.
    if (stem === '' || JAPANESE_SUFFIX_ONLY.test(stem) || isTaken(match.index, end) || (stem.length === 1 && /^(?:様|さん)/u.test(match[0].slice(stem.length)))) continue
    claims.push({ text: match[0], type: 'name', value: { kind: 'text', text: stem }, start: match.index, end })
  }
  return claims
}
