import { hasJapanese, normalizeText, stemWord } from '../internal/normalize-text.ts'
import type { KnowledgeIndex } from '../knowledge/knowledge-index.ts'

/**
 * Nouns of a place on the premises: where something is or happens (a closed class of the
 * language of buildings and vehicles, not one business's words).
 */
const PLACE = /\b(?:floor|floors|storey|story|terrace|rooftop|roof|balcony|lobby|entrance|garden|patio|courtyard|basement|annex|annexe|wing|building|seat|seats|lot|garage|kitchen|lounge|deck|corridor|hallway|counter)\b/giu
/** Words that end the run of modifiers read backwards from a place noun: articles, possessives, prepositions, pronouns. */
const NOT_A_MODIFIER = new Set(
  'a an the our your their its my his her this that these those each every any all some no one other same whole main own on in at to of from for by near next with and or is are be was were it there here we you they which what'.split(' '),
)
/** Most words read before a place noun ("a separate gluten-free kitchen"). */
const MAX_MODIFIERS = 2

/**
 * 「屋上のテラス」, 「別館のロビー」, 「後部座席」: a kanji word before (the の of) a place noun. Katakana
 * before one (「テラス席」) is a kind of seat, a loanword the English knowledge words otherwise.
 */
const JAPANESE_PLACE = /(\p{sc=Han}{2,})の?(?=テラス|ロビー|フロア|バルコニー|ラウンジ|座席|席|キッチン|厨房|庭)/gu
/** Japanese words before a place noun that single nothing out (this, each, all, our premises). */
const JAPANESE_NOT_A_MODIFIER = /^(?:当|各|全|全て|すべて|こちら|当館|当店|当院|当社|館内|店内|院内|社内)$/u

/**
 * The word that singles out a place the reply names ("rooftop" in "You can smoke on the rooftop
 * terrace", "fifth" in "smoking rooms on the fifth floor", 「屋上」 in 「屋上のテラスで」) when the
 * knowledge never uses it: a place on the premises the knowledge does not hold, invented. A
 * place the knowledge names ("the first-floor terrace" against "smoking area on the first-floor
 * terrace"), or one no word singles out ("please use the terrace"), returns undefined.
 */
export function unknownPlace(sentence: string, index: KnowledgeIndex): string | undefined {
  const text = normalizeText(sentence)
  for (const match of text.matchAll(PLACE)) {
    // The words right before the noun, read backwards up to an article, a possessive or a preposition.
    const before = text.slice(0, match.index).replace(/-$/u, '').trimEnd().split(/[\s,;:.!?()]+/u).slice(-MAX_MODIFIERS).reverse()
    for (const word of before) {
      if (!/^[a-z][a-z-]*$/u.test(word) || NOT_A_MODIFIER.has(word)) break
      const known = word.split('-').every((part) => part === '' || index.contentStems.has(stemWord(part)) || index.haystack.includes(part))
      if (!known) return word
    }
  }
  // A Japanese word can be looked up only in knowledge that has Japanese.
  if (!hasJapanese(index.haystack)) return undefined
  for (const match of text.matchAll(JAPANESE_PLACE)) {
    const word = match[1] ?? ''
    if (!JAPANESE_NOT_A_MODIFIER.test(word) && !index.haystack.includes(word)) return word
  }
  return undefined
}
