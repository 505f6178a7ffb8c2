import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'
import type { Vocabulary } from './grounding/subject-terms.ts'
import { JudgeError } from './judge-error.ts'

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

/**
 * Reads a vocabulary file (YAML or JSON): a mapping of canonical subject term → the words and
 * phrases, in any language, that mean it. Gives `checkGrounding`/`judgeCall` more words of a
 * business's trade than the knowledge base's own `vocabulary` section lists (the usual place
 * for them); the file's words extend the section's.
 *
 * @example
 * // extra-words.yaml:  cleaning: [scaling, 歯のお掃除]
 * const vocabulary = await loadVocabulary('extra-words.yaml')
 * checkGrounding({ knowledge, vocabulary, context: 'クリーニングはいくらですか', response: 'クリーニングは三千円です。' })
 */
export async function loadVocabulary(file: string, options: { signal?: AbortSignal } = {}): Promise<Vocabulary> {
  let text: string
  try {
    text = await readFile(file, { encoding: 'utf8', ...(options.signal ? { signal: options.signal } : {}) })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw new JudgeError('vocabulary_invalid', `${file}: cannot read the vocabulary file (${(error as Error).message})`, { cause: error, file })
  }
  let value: unknown
  try {
    value = parse(text)
  } catch (error) {
    throw new JudgeError('vocabulary_invalid', `${file}: not valid YAML or JSON (${(error as Error).message})`, { cause: error, file })
  }
  return validateVocabulary(value, file)
}
