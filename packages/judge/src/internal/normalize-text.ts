import { rememberRecent } from './remember-recent.ts'

const PRINTABLE_ASCII = /^[\x20-\x7e\s]*$/u

/**
 * Text folding shared by claim extraction and matching: NFKC (full-width digits and
 * letters to ASCII, half-width katakana to full-width), one dash for every dash-like
 * character, one space for runs of white space.
 */
export function foldText(text: string): string {
  // Printable ASCII is its own NFKC form and has no dash variants: only white space to fold.
  if (PRINTABLE_ASCII.test(text)) return text.replace(/\s+/gu, ' ')
  return text
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\u301c~]/gu, '-')
    .replace(/\s+/gu, ' ')
}

/** `foldText` plus lower case: the form used for case- and width-insensitive comparison (remembered for recent texts: each sentence is read by several rules). */
export const normalizeText: (text: string) => string = rememberRecent((text) => foldText(text).toLowerCase())

const STOP_WORDS = new Set(
  (
    'a an the and or but if of to in on at by for from with about as into than then so too very is are was were be been being am ' +
    'do does did done have has had having i you he she it we they me him her us them my your his its our their this that these those ' +
    'what which who whom whose when where why how there here can could will would shall should may might must not no yes ' +
    'all any both each few more most other some such only own same just also again once up down out off over under after before ' +
    'please sure ok okay thank thanks hello hi oh well let lets get got one'
  ).split(' '),
)

/** True for English function words ("the", "was", "who", "can") that never name a subject. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word)
}

/** Lower-cased word tokens (Latin letters and digits), without stop words. */
export function contentWords(text: string): string[] {
  const words = (normalizeText(text).match(/[\p{L}\p{N}]+(?:['’][a-z]+)?/gu) ?? []).map((word) => word.replace(/['’]s$/u, ''))
  return words.filter((word) => !STOP_WORDS.has(word) && !/^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(word))
}

/** A light English stemmer: enough to match "cancellations" with "cancellation", "accepted" with "accept". */
export function stemWord(word: string): string {
  if (word.length <= 4) return word
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (word.endsWith('sses')) return word.slice(0, -2)
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3)
  if (word.endsWith('ed') && word.length > 5) return word.slice(0, -2)
  if (word.endsWith('es') && /(?:ch|sh|x|z)es$/u.test(word)) return word.slice(0, -2)
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1)
  return word
}

/** True when the text contains kana or kanji. */
export function hasJapanese(text: string): boolean {
  return /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(text)
}

/**
 * True when `text` is written in a script `knowledge` never uses (a Japanese name against
 * knowledge written only in English, or the other way round): the rules cannot look it up there.
 */
export function inOtherScript(text: string, knowledge: string): boolean {
  if (hasJapanese(text)) return !hasJapanese(knowledge)
  return /\p{sc=Latin}/u.test(text) && !/\p{sc=Latin}/u.test(knowledge)
}
