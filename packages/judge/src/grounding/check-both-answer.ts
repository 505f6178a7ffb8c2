import { contentWords, normalizeText, stemWord } from '../internal/normalize-text.ts'
import type { KnowledgeIndex } from '../knowledge/knowledge-index.ts'

const BOTH_QUESTION = /^(?:are|were|is|was|do|does|did|have|has|can|could)\s+(.+?)\s+both\s+(.+?)\s*\??$/u
const AFFIRMS = /^\s*(?:yes|yeah|both|they both|indeed)\b|\bboth\b/iu

/**
 * "Are A and B both P?" answered "Yes, both are P": the knowledge sentence about each of A and
 * B must say P — at least half of P's content words. `contradicted` when the sentence about one
 * of them says less ("Are Gin and tonic and Paloma both cocktails based on tequila?" — the gin
 * and tonic sentence names no tequila); `not-applicable` for other questions and answers.
 */
export function checkBothAnswer(response: string, index: KnowledgeIndex, question: string): 'not-applicable' | 'consistent' | 'contradicted' {
  const match = BOTH_QUESTION.exec(normalizeText(question).trim())
  if (!match?.[1] || !match[2] || !AFFIRMS.test(response) || /\b(?:no|not|neither|only)\b/iu.test(response)) return 'not-applicable'
  const split = match[1].lastIndexOf(' and ')
  if (split < 0) return 'not-applicable'
  const pair = [match[1].slice(0, split), match[1].slice(split + 5)]
  const predicate = [...new Set(contentWords(match[2]).map(stemWord))].filter((word) => word.length >= 4)
  if (predicate.length === 0) return 'not-applicable'
  const sentences = [...new Set(index.entries.filter((entry) => entry.kind !== 'fact').map((entry) => entry.sentenceStems))]
  for (const item of pair) {
    const itemWords = contentWords(item).map(stemWord)
    let best: string[] | undefined
    let bestHits = 0
    for (const stems of sentences) {
      const hits = itemWords.filter((word) => stems.includes(word)).length
      if (hits > bestHits) {
        best = stems
        bestHits = hits
      }
    }
    if (!best) return 'not-applicable'
    const said = predicate.filter((word) => best.includes(word)).length
    if (said * 2 < predicate.length) return 'contradicted'
  }
  return 'consistent'
}
