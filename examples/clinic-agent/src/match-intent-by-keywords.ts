import type { KnowledgeIntent } from '@voxguard/knowledge'

/**
 * The agent's cheap local classifier, used when the `classify` route fails: the intent
 * whose keywords (from the knowledge base) the text contains most. ASCII keywords match at
 * the start of a word (`book` matches "booking", not "notebook"); other keywords (Japanese)
 * match anywhere; case and width are ignored.
 *
 * It is conservative because the intent can end the call (goodbye hangs up): a tie between
 * intents, or no keyword at all, gives `undefined` (answer without an intent, never act on
 * a guess).
 * @example matchIntentByKeywords("Thank you, that's all. Goodbye.", knowledgeBase.intents) // 'goodbye'
 */
export function matchIntentByKeywords(text: string, intents: Readonly<Record<string, KnowledgeIntent>>): string | undefined {
  const normalized = normalize(text)
  let best: string | undefined
  let bestScore = 0
  let tied = false
  for (const [name, intent] of Object.entries(intents)) {
    const score = new Set(intent.keywords.map(normalize).filter((keyword) => containsKeyword(normalized, keyword))).size
    if (score > bestScore) {
      best = name
      bestScore = score
      tied = false
    } else if (score > 0 && score === bestScore) {
      tied = true
    }
  }
  return tied ? undefined : best
}

function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replaceAll(/[‘’]/g, "'")
}

function containsKeyword(text: string, keyword: string): boolean {
  if (keyword.length === 0) return false
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]+$/.test(keyword)) return text.includes(keyword)
  return new RegExp(`(?<![a-z0-9])${keyword.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(text)
}
