import type { KnowledgeEntry } from '../knowledge/knowledge-index.ts'

/** The subject terms that name a day of the week (or public holidays). */
export const WEEKDAY_TERMS: ReadonlySet<string> = new Set(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'holiday'])

/** Terms that only restate a kind (`hours`, `price`) or a day weigh less than the item, person or service a subject names. */
export function termWeight(term: string): number {
  return term === 'hours' || term === 'price' ? 0.25 : WEEKDAY_TERMS.has(term) ? 0.75 : 1
}

/**
 * The entries that relate best to the subject: most (weighted) shared terms, then fewest terms
 * of their own the subject does not name ("personal training" picks "Personal training (45
 * minutes)" over "Extended personal training (90 minutes)"). When the best ones share different
 * terms with the subject and each has terms it does not name ("40件のペット可物件" names `pets`
 * of `pet_friendly_rentals` and `apartment` of `properties_per_outing`), the subject fits them
 * alike: all are returned, fewest such terms first (the first is a contradiction's evidence).
 */
export function bestScoring(entries: readonly KnowledgeEntry[], terms: Set<string>, termsOfEntry: (entry: KnowledgeEntry) => Set<string>): KnowledgeEntry[] {
  let best: Array<{ entry: KnowledgeEntry; extra: number; own: Set<string> }> = []
  let bestShared = 0
  for (const entry of entries) {
    const own = termsOfEntry(entry)
    let shared = 0
    for (const term of terms) if (own.has(term)) shared += termWeight(term)
    if (shared === 0 || shared < bestShared) continue
    // A structured fact ranks before a sentence that says the same (its key names the subject).
    let extra = entry.kind === 'fact' ? 0 : 0.5
    for (const term of own) if (!terms.has(term)) extra += 1
    if (shared > bestShared) {
      best = []
      bestShared = shared
    }
    best.push({ entry, extra, own })
  }
  if (best.length < 2) return best.length === 1 ? [(best[0] as { entry: KnowledgeEntry }).entry] : []
  best.sort((left, right) => left.extra - right.extra)
  const first = best[0] as { extra: number; own: Set<string> }
  const sameShared = (own: Set<string>): boolean => {
    for (const term of terms) if (own.has(term) !== first.own.has(term)) return false
    return true
  }
  const alike = first.extra >= 1 && best.some((item) => !sameShared(item.own))
  return (alike ? best : best.filter((item) => item.extra === first.extra)).map((item) => item.entry)
}
