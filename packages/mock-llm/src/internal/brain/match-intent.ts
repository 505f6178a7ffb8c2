import type { KnowledgeIntent } from '@voxguard/knowledge'
import { normalizeText } from './normalize-text.ts'

/** The intent name the brain answers with when no keyword matches. */
export const fallbackIntent = 'fallback'

/**
 * Picks the intent whose keywords best match a text: most distinct keywords found wins;
 * a tie goes to the intent listed later in the knowledge base (later intents are the more
 * specific ones: `cancel` after `booking`). ASCII keywords match at the start of a word
 * (`book` matches "booking", not "notebook"); other keywords (Japanese) match anywhere.
 * @returns the intent name, or `fallback` when nothing matches.
 */
export function matchIntent(text: string, intents: Record<string, KnowledgeIntent>): string {
  const normalized = normalizeText(text)
  let best = fallbackIntent
  let bestScore = 0
  for (const [name, intent] of Object.entries(intents)) {
    const score = intent.keywords.filter((keyword) => containsKeyword(normalized, normalizeText(keyword))).length
    if (score > 0 && score >= bestScore) {
      best = name
      bestScore = score
    }
  }
  return best
}

function containsKeyword(text: string, keyword: string): boolean {
  if (keyword.length === 0) return false
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]+$/.test(keyword)) return text.includes(keyword)
  const escaped = keyword.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?<![a-z0-9])${escaped}`).test(text)
}
