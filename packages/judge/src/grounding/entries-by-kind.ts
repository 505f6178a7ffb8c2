import { claimGroup } from '../claims/claim.ts'
import type { KnowledgeEntry, KnowledgeIndex } from '../knowledge/knowledge-index.ts'

/** The knowledge's entries sorted by the kinds of value they state (what `verifyClaim` looks among for each claim). */
export interface EntriesByKind {
  /** Entries that state a value of `group` (for `time`, a weekday too). Filled per group as asked. */
  ofGroup(group: string): readonly KnowledgeEntry[]
}

const cache = new WeakMap<KnowledgeIndex, EntriesByKind>()

function sortEntries(index: KnowledgeIndex): EntriesByKind {
  const groups = new Map<string, KnowledgeEntry[]>()
  return {
    ofGroup(group: string): readonly KnowledgeEntry[] {
      let entries = groups.get(group)
      if (!entries) {
        entries = index.entries.filter((entry) => entry.claims.some((known) => claimGroup(known.type) === group || (group === 'time' && known.type === 'weekday')))
        groups.set(group, entries)
      }
      return entries
    },
  }
}

/**
 * The index's entries by kind, sorted once per index (WeakMap): every claim of every reply
 * looks among the entries of its kind, and which those are depends on the knowledge alone.
 * Callers must not change the returned arrays.
 */
export function entriesByKind(index: KnowledgeIndex): EntriesByKind {
  let sorted = cache.get(index)
  if (!sorted) {
    sorted = sortEntries(index)
    cache.set(index, sorted)
  }
  return sorted
}
