import { parseYamlSafely, readSmallTextFile, YamlProblem } from '@voxguard/knowledge'
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
    text = await readSmallTextFile(file, { signal: options.signal })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw new JudgeError('vocabulary_invalid', `${file}: cannot read the vocabulary file (${(error as Error).message})`, { cause: error, file })
  }
  let value: unknown
  try {
    value = parseYamlSafely(text).data
  } catch (error) {
    if (!(error instanceof YamlProblem)) throw error
    throw new JudgeError('vocabulary_invalid', `${file}:${error.line}: not valid YAML or JSON (${error.message})`, { cause: error, file, line: error.line })
  }
  return validateVocabulary(value, file)
}
