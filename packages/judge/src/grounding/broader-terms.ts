import { stemWord } from '../internal/normalize-text.ts'
import { BROADER_TERMS } from './service-vocabulary.ts'
import type { ResolvedVocabulary } from './subject-terms.ts'

/** `BROADER_TERMS` read through one vocabulary (a knowledge base may call pets `pets` and list dogs under it). */
export interface BroaderTerms {
  broader: ReadonlyMap<string, string>
  narrower: ReadonlyMap<string, readonly string[]>
}

const cache = new WeakMap<ResolvedVocabulary, BroaderTerms>()

/** The narrower → broader pairs as canonical terms of `vocabulary` (pairs the vocabulary already merges are left out). */
export function broaderTerms(vocabulary: ResolvedVocabulary): BroaderTerms {
  let resolved = cache.get(vocabulary)
  if (!resolved) {
    const canonical = (word: string): string => vocabulary.words.get(stemWord(word)) ?? word
    const broader = new Map<string, string>()
    const narrower = new Map<string, string[]>()
    for (const [narrow, broad] of Object.entries(BROADER_TERMS)) {
      const from = canonical(narrow)
      const to = canonical(broad)
      if (from === to) continue
      broader.set(from, to)
      narrower.set(to, [...(narrower.get(to) ?? []), from])
    }
    resolved = { broader, narrower }
    cache.set(vocabulary, resolved)
  }
  return resolved
}

/** Whether `terms` holds `term` or a narrower term of it ("dog or cat" names pets). */
export function namesTerm(terms: ReadonlySet<string>, term: string, broader: BroaderTerms): boolean {
  if (terms.has(term)) return true
  const narrower = broader.narrower.get(term)
  return narrower !== undefined && narrower.some((each) => terms.has(each))
}
