import type { Claim } from '../claims/claim.ts'
import { normalizeText } from '../internal/normalize-text.ts'
import type { KnowledgeIndex } from '../knowledge/knowledge-index.ts'

/** True when more than half of a name's words occur in the text ("El Nuevo Cojo Ilustrado" in "…El Nuevo Cojo and Golf Magazine…"). */
function mentions(text: string, name: string): boolean {
  const words = name.split(/\s+/u).filter((word) => word.length > 1)
  return words.length > 0 && words.filter((word) => text.includes(word)).length * 2 > words.length
}

/**
 * A statement that relates names the caller's question offered ("Stanford University is
 * located in Chestnut Hill", "both The New Pornographers and Kings of Leon are American") must
 * find each of them linked, in one sentence of the knowledge, to another name it states.
 * Returns the first name the knowledge never links to the others, or undefined. Applies only
 * to names that occur in the knowledge and of which at least two come from the question (the
 * options a comparison or either/or question lists).
 */
export function unlinkedName(claims: readonly Claim[], index: KnowledgeIndex, question: string): string | undefined {
  const asked = normalizeText(question)
  const names = [...new Set(claims.filter((claim) => claim.type === 'name').map((claim) => normalizeText(claim.value.kind === 'text' ? claim.value.text : claim.text).replace(/^the\s+/u, '')))]
  if (names.length < 2 || names.filter((name) => mentions(asked, name)).length < 2) return undefined
  const sentences = [...new Set(index.entries.filter((entry) => entry.kind !== 'fact').map((entry) => entry.normalizedSentence))]
  if (!names.every((name) => sentences.some((sentence) => mentions(sentence, name)))) return undefined
  return names.find((name) => !sentences.some((sentence) => mentions(sentence, name) && names.some((other) => other !== name && mentions(sentence, other))))
}
