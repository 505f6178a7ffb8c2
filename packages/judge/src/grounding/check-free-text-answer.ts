import type { Claim } from '../claims/claim.ts'
import { contentWords, stemWord } from '../internal/normalize-text.ts'
import type { KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import type { ClaimCheck } from './claim-check.ts'
import { checkAlternativesAnswer } from './check-alternatives-answer.ts'

function unsupported(text: string, evidence?: ClaimCheck['evidence']): ClaimCheck {
  return { text, type: 'statement', status: 'unsupported', supported: false, ...(evidence ? { evidence } : {}), checkedBy: 'rules' }
}

/**
 * Answer-level checks for free-text knowledge (no facts to key on), in order:
 * 1. every content word of the reply must occur in the knowledge or the caller's words;
 * 2. a reply to an either/or question ("Who was born first, A or B?") must pick the option
 *    the knowledge's years or numbers favour (see checkAlternativesAnswer);
 * 3. a sentence-long reply (three content words or more) to an open question must add
 *    something beyond the question's own words (restating the question answers nothing).
 * Returns the failing check, or undefined when the reply passes all three.
 */
export function checkFreeTextAnswer(response: string, _claims: Claim[], index: KnowledgeIndex, context: string): ClaimCheck | undefined {
  const knowledgeWords = index.contentStems
  const questionWords = new Set(contentWords(context).map(stemWord))
  const answerWords = contentWords(response).map(stemWord)
  const missing = answerWords.filter((word) => !knowledgeWords.has(word) && !questionWords.has(word))
  if (missing.length > 0) return unsupported(missing.join(' '))
  const alternatives = checkAlternativesAnswer(response, index, context)
  if (alternatives === 'contradicted') return { ...unsupported(response), status: 'contradicted' }
  if (alternatives === 'not-applicable' && !/^\s*(?:yes|no)\b/iu.test(response) && !/\bor\b/iu.test(context) && answerWords.length >= 3 && answerWords.every((word) => questionWords.has(word))) {
    return unsupported(response)
  }
  return undefined
}
