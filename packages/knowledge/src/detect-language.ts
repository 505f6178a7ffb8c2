const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u

/**
 * The language a caller speaks, from one utterance: `ja` when it holds Japanese script
 * (hiragana, katakana or kanji), else `en`. Deliberately small: the example clinic serves
 * English and Japanese callers; a knowledge base's `replies` may name any language code.
 * @example detectLanguage('土曜日は何時までですか') // 'ja'
 */
export function detectLanguage(text: string): 'ja' | 'en' {
  return JAPANESE.test(text) ? 'ja' : 'en'
}
