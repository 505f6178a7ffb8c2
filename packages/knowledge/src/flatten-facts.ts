import type { FactTree, FactValue } from './knowledge-base-types.ts'

/** One fact value with where it sits in the tree. */
export interface FactEntry {
  /** Dotted path under `facts`, e.g. `hours.saturday` (what `{facts.hours.saturday}` names). */
  path: string
  /** The same path as keys, e.g. `['hours', 'saturday']`. */
  keys: string[]
  value: FactValue
}

/**
 * Lists every fact value of the tree, depth first in file order: what a prompt shows as
 * `path: value` lines and what the judge grounds claims against.
 *
 * @example
 * flattenFacts({ hours: { saturday: '09:00-13:00' } })
 * // [{ path: 'hours.saturday', keys: ['hours', 'saturday'], value: '09:00-13:00' }]
 * flattenFacts(knowledgeBase.facts).map((fact) => `${fact.path}: ${fact.value}`)
 */
export function flattenFacts(facts: FactTree): FactEntry[] {
  const entries: FactEntry[] = []
  const visit = (tree: FactTree, prefix: string[]): void => {
    for (const [key, value] of Object.entries(tree)) {
      const keys = [...prefix, key]
      if (typeof value === 'object') visit(value, keys)
      else entries.push({ path: keys.join('.'), keys, value })
    }
  }
  visit(facts, [])
  return entries
}
