import type { Claim } from '../claims/claim.ts'
import type { KnowledgeEntry, KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import type { ClaimCheck } from './claim-check.ts'
import { agreesWithAny, fromEntry, result } from './claim-result.ts'
import { isShare, noticeDays, tierFor } from './advance-notice.ts'

/** A share said in a text ("20%", or a bare "30" in "20%, the day before 30"): what bounds the words about one tier in a reply's sentence. */
const SHARE = /\d+(?:\.\d+)?%|(?<![\d.])\d+(?:\.\d+)?(?![\d.]|\s*(?:%|days?|日|hours?|時間|weeks?|週間|to\b|-))/gu

type Tier = KnowledgeEntry & { notice: number }

const tiersByIndex = new WeakMap<KnowledgeIndex, Map<string, Tier[]>>()

/** The knowledge's tiered shares, by policy: a line of text, or the facts under one key (`cancellation.*`). */
function tierFamilies(index: KnowledgeIndex): Map<string, Tier[]> {
  let families = tiersByIndex.get(index)
  if (!families) {
    families = new Map()
    for (const entry of index.entries) {
      if (entry.notice === undefined) continue
      const family = entry.kind === 'fact' ? entry.path.slice(0, entry.path.lastIndexOf('.')) : entry.path
      families.set(family, [...(families.get(family) ?? []), entry as Tier])
    }
    tiersByIndex.set(index, families)
  }
  return families
}

function sharedTerms(terms: Set<string>, tiers: readonly Tier[]): number {
  let shared = 0
  for (const term of terms) if (tiers.some((tier) => tier.leafTerms.has(term) || tier.parentTerms.has(term) || tier.valueTerms.has(term))) shared += 1
  return shared
}

/** The notices a reply's sentence says one share for: before it since the share before, else after it up to the next. */
function noticesSaid(claim: Claim, sentence: string): number[] {
  const at = sentence.indexOf(claim.text)
  if (at < 0) return []
  let from = 0
  let to = sentence.length
  for (const match of sentence.matchAll(SHARE)) {
    const end = (match.index ?? 0) + match[0].length
    if (end <= at) from = end
    else if ((match.index ?? 0) >= at + claim.text.length && to === sentence.length) to = match.index ?? to
  }
  const before = noticeDays(sentence.slice(from, at))
  return before.length > 0 ? before : noticeDays(sentence.slice(at + claim.text.length, to))
}

/**
 * "2日前から前日までは20%", "That would be twenty percent" after "If I cancel the day before?": a share
 * of a policy with tiers by notice (cancellation fees: "free up to 3 days before; from 2 days before
 * 20%; on the day 50%") is checked against the tier the notice it is said for falls in — the notice
 * in its sentence, else the caller's — among the tiers of the policy its subject names (the only
 * one when it names none): that tier's share supports (for every notice said with it), another contradicts. Said with no notice, any
 * tier's equal share supports. Undefined when the knowledge has no such tiers (the usual check decides).
 */
export function checkNoticeTier(claim: Claim, terms: Set<string>, sentence: string, index: KnowledgeIndex, callerText: string): ClaimCheck | undefined {
  const at = sentence.indexOf(claim.text)
  if (!isShare(claim, at < 0 ? '' : sentence.slice(0, at))) return undefined
  const families = [...tierFamilies(index).values()]
  if (families.length === 0) return undefined
  let tiers: Tier[] | undefined
  let best = 0
  for (const family of families) {
    const shared = sharedTerms(terms, family)
    if (shared > best) {
      best = shared
      tiers = family
    }
  }
  if (!tiers && families.length === 1) tiers = families[0]
  if (!tiers) return undefined
  const notices = noticesSaid(claim, sentence)
  const said = notices.length > 0 ? notices : noticeDays(callerText).slice(-1)
  if (said.length === 0) {
    const equal = tiers.find((tier) => agreesWithAny(claim, tier.claims))
    return equal ? result(claim, 'supported', fromEntry(equal)) : undefined
  }
  // "前日と当日はどちらも50%": every notice it is said for must be in a tier of that share.
  let matched: Tier | undefined
  for (const days of said) {
    const tier = tierFor(tiers, days)
    if (!tier) return undefined
    if (!agreesWithAny(claim, tier.claims)) return result(claim, 'contradicted', fromEntry(tier))
    matched ??= tier
  }
  return matched ? result(claim, 'supported', fromEntry(matched)) : undefined
}
