import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'
import { validateVocabulary, type Vocabulary } from './grounding/validate-vocabulary.ts'
import { JudgeError } from './judge-error.ts'

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
