/**
 * Consonant keys that let a katakana loanword meet the English word it comes from
 * (パッキング ~ packing, フロント ~ front, シャンプー ~ shampoo, レンタル ~ rental). Both sides are
 * reduced to what Japanese keeps of an English word's sound: consonants only (Japanese adds
 * vowels, English spells silent ones), l and r as one (ラ行), v as b, th as s, z as s, m
 * before p/b as n, no r after a vowel (ロッカー ~ locker), no h, w or y, doubled consonants once;
 * sh, ch and j are their own sounds. This is the documented katakana transcription of English
 * (gairaigo), not a list of words.
 *
 * Why a table and not a romaniser such as wanakana: Hepburn romaji is one step further from
 * the key (ティー comes out "teii", ファ "fua"), and a romaniser costs ~30 µs a word, more than
 * the judge may spend on a whole reply; this table costs one look-up per character.
 */
const KATAKANA: Readonly<Record<string, string>> = {}
const rows: Array<[string, string]> = [
  ['カキクケコ', 'k'], ['ガギグゲゴ', 'g'], ['サスセソ', 's'], ['シ', 'S'], ['ザズゼゾ', 's'], ['ジヂ', 'j'],
  ['タテト', 't'], ['チ', 'C'], ['ツ', 'ts'], ['ダデド', 'd'], ['ヅ', 's'], ['ナニヌネノ', 'n'], ['ン', 'n'],
  ['フ', 'f'], ['バビブベボヴ', 'b'], ['パピプペポ', 'p'], ['マミムメモ', 'm'], ['ラリルレロ', 'r'],
]
for (const [characters, key] of rows) for (const character of characters) (KATAKANA as Record<string, string>)[character] = key

const KATAKANA_WORD = /^[\p{sc=Katakana}ー]+$/u

/** The consonant key of a katakana word (ロッカー → "rk", シャンプー → "Snp"); '' for other text. */
export function katakanaKey(word: string): string {
  if (!KATAKANA_WORD.test(word)) return ''
  let key = ''
  for (const character of word) {
    const sound = KATAKANA[character] ?? ''
    if (sound !== '' && !key.endsWith(sound)) key += sound
  }
  return key
}

/** Spellings of English sounds, longest first, and what Japanese hears in them. */
const ENGLISH: Array<[RegExp, string]> = [
  [/tion|sion/gu, 'Sn'],
  [/tch|ch/gu, 'C'],
  [/sh/gu, 'S'],
  [/ph/gu, 'f'],
  [/th/gu, 's'],
  [/gh/gu, ''],
  [/ck|q/gu, 'k'],
  [/dge/gu, 'j'],
  [/x/gu, 'ks'],
  [/^kn/gu, 'n'],
  [/c(?=[eiy])/gu, 's'],
  [/c/gu, 'k'],
  [/g(?=[eiy])/gu, 'j'],
  [/m(?=[pb])/gu, 'n'],
  [/r(?![aeiouy])|r(?=e$)/gu, ''],
  [/l/gu, 'r'],
  [/v/gu, 'b'],
  [/z/gu, 's'],
  [/[aeiouwyh]/gu, ''],
]

/** The consonant key of an English word (locker → "rk", shampoo → "Snp"), to compare with katakanaKey. */
export function englishKey(word: string): string {
  let key = word.toLowerCase().replace(/[^a-z]/gu, '')
  for (const [pattern, sound] of ENGLISH) key = key.replace(pattern, sound)
  return key.replace(/(.)\1+/gu, '$1')
}
