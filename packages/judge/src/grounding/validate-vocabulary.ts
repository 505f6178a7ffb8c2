import { JudgeError } from '../judge-error.ts'

/**
 * Extra subject words for a business's own trade, in any language: each key is a canonical
 * term, its list the words and phrases that mean it (`{ cleaning: ['scaling', 'クリーニング'] }`).
 * The built-in vocabulary covers only subjects common to most businesses (prices, hours and
 * days, contact, location, booking, cancellation, staff, insurance, parking, children).
 */
export type Vocabulary = Readonly<Record<string, readonly string[]>>

/**
 * Checks a vocabulary (canonical term → list of words) and returns it; `where` names the
 * option or file in the error.
 */
export function validateVocabulary(value: unknown, where: string): Vocabulary {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new JudgeError('vocabulary_invalid', `${where} must be a mapping of term → list of words, e.g. { cleaning: [scaling, クリーニング] }`)
  }
  for (const [term, words] of Object.entries(value)) {
    if (!Array.isArray(words) || words.length === 0 || !words.every((word) => typeof word === 'string' && word.trim() !== '')) {
      throw new JudgeError('vocabulary_invalid', `${where}: "${term}" must be a non-empty list of words (text), got ${JSON.stringify(words)}`)
    }
  }
  return value as Vocabulary
}
