import type { FactTree, FactValue } from './knowledge-base-types.ts'

/**
 * Reads one fact value by its dotted path under `facts` (`hours.saturday`, without the
 * `facts.` prefix). Undefined when the path is absent or names a mapping, not a value.
 *
 * @example
 * lookupFact(knowledgeBase.facts, 'prices_yen.cleaning') // 5000
 */
export function lookupFact(facts: FactTree, path: string): FactValue | undefined {
  let node: FactTree | FactValue | undefined = facts
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined
    node = node[key]
  }
  return typeof node === 'string' || typeof node === 'number' ? node : undefined
}
