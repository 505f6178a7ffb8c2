import { claimGroup } from '../claims/claim.ts'
import type { KnowledgeIndex } from '../knowledge/knowledge-index.ts'

const cache = new WeakMap<KnowledgeIndex, Map<string, Set<string>>>()

/**
 * The key terms (leaf and parent) of the entries that state a value of one claim group: what a
 * price, a duration or a count can be said about in this knowledge. Computed once per index and group.
 */
export function kindTerms(index: KnowledgeIndex, group: string): Set<string> {
  let byGroup = cache.get(index)
  if (!byGroup) {
    byGroup = new Map()
    cache.set(index, byGroup)
  }
  let terms = byGroup.get(group)
  if (!terms) {
    terms = new Set()
    for (const entry of index.entries) {
      if (!entry.claims.some((claim) => claimGroup(claim.type) === group)) continue
      for (const term of entry.leafTerms) terms.add(term)
      for (const term of entry.parentTerms) terms.add(term)
    }
    byGroup.set(group, terms)
  }
  return terms
}

/**
 * Claim groups whose subject is an item or a thing counted: a subject that names none of the
 * knowledge's items for that group is read from the context. Not durations: "Dogenzaka, 5
 * minutes on foot" names the walk after the value, and the caller's question ("hours on
 * Saturday?") would be the wrong subject for it.
 */
const AMOUNT_GROUPS = new Set(['price', 'number'])

/**
 * True when the subject words of an amount (a price, a count) name nothing the
 * knowledge states an amount of that kind about ("12 spaces at ¥1,500": `space` holds no price):
 * the amount is about what the sentence before it or the caller's question named.
 */
export function namesNoItemOfItsKind(index: KnowledgeIndex, type: Parameters<typeof claimGroup>[0], terms: Set<string>): boolean {
  const group = claimGroup(type)
  if (!AMOUNT_GROUPS.has(group) || terms.size === 0) return false
  const known = kindTerms(index, group)
  for (const term of terms) if (known.has(term)) return false
  return true
}

/** The term a walk from the station is about (`access`: walk, on foot, station, 徒歩, 駅): how to get there, not which place. */
const ACCESS = 'access'

/**
 * True when a duration's subject names only how one gets there ("8 minutes from the station",
 * 駅から徒歩8分): which place it is (the flat, the shop) is named before or by the caller.
 */
export function namesOnlyTheWay(type: Parameters<typeof claimGroup>[0], terms: Set<string>): boolean {
  return claimGroup(type) === 'duration' && terms.size > 0 && [...terms].every((term) => term === ACCESS)
}
