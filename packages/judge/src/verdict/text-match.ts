import { contentWords, normalizeText, stemWord } from '../internal/normalize-text.ts'
import { rememberRecent } from '../internal/remember-recent.ts'

/** Case- and width-insensitive containment (NFKC, lower case, white space collapsed). */
export function saysPhrase(reply: string, phrase: string): boolean {
  return normalizeText(reply).includes(normalizeText(phrase).trim())
}

/**
 * The tokens `replySimilarity` compares: stemmed content words, and character bigrams of Japanese
 * text. Remembered for recent texts (`judgeCall` reads each reply for its intent and again for
 * loops): callers must not change the set.
 */
export const replyTokens: (text: string) => ReadonlySet<string> = rememberRecent((text) => {
  const normalized = normalizeText(text)
  const words = contentWords(normalized).map(stemWord)
  const japanese = normalized.replace(/[^\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー]/gu, '')
  for (let index = 0; index + 1 < japanese.length; index += 1) words.push(japanese.slice(index, index + 2))
  return new Set(words)
})

/** Jaccard similarity of two token sets from `replyTokens`, 0–1; `left`/`right` decide when both are empty. */
export function tokenSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>, left: string, right: string): number {
  if (a.size === 0 && b.size === 0) return normalizeText(left).trim() === normalizeText(right).trim() ? 1 : 0
  let shared = 0
  for (const token of a) if (b.has(token)) shared += 1
  return shared / (a.size + b.size - shared)
}

/** Token similarity of two replies, 0–1 (Jaccard over content words; character bigrams for Japanese). */
export function replySimilarity(left: string, right: string): number {
  return tokenSimilarity(replyTokens(left), replyTokens(right), left, right)
}
