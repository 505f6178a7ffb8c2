import type { FactTree, KnowledgeBase } from './knowledge-base-types.ts'
import { KnowledgeError } from './knowledge-error.ts'
import { lookupFact } from './lookup-fact.ts'

/** A filled placeholder: which fact it names, the text it became, and where that text starts. */
export interface FilledSlot {
  /** Dotted path under `facts`, e.g. `prices_yen.cleaning`. */
  factPath: string
  value: string
  /** Offset of `value` in the filled text. */
  start: number
}

const PLACEHOLDER = /\{facts\.([^{}]+)\}/gu

/** The `{facts.path}` placeholders of a template, in order (for validation). */
export function templatePlaceholders(template: string): Array<{ text: string; factPath: string }> {
  return [...template.matchAll(PLACEHOLDER)].map((match) => ({ text: match[0], factPath: match[1]! }))
}

/** Why `{facts.<path>}` cannot be filled from these facts, or undefined when it can. */
export function placeholderProblem(facts: FactTree, path: string): string | undefined {
  if (lookupFact(facts, path) !== undefined) return undefined
  let node: unknown = facts
  for (const key of path.split('.')) node = typeof node === 'object' && node !== null && Object.hasOwn(node, key) ? (node as FactTree)[key] : undefined
  if (typeof node === 'object' && node !== null) {
    const keys = Object.keys(node).slice(0, 3).map((key) => `facts.${path}.${key}`)
    return `facts.${path} is a mapping, not a value; name one of its keys (${keys.join(', ') || 'it has none'})`
  }
  return `there is no fact at facts.${path}; add it under "facts" or fix the path`
}

/**
 * Fills the `{facts.path}` placeholders of a reply template and says where each value went
 * (the mock LLM falsifies those spans to inject hallucinations). Numbers are written as
 * the YAML gave them (`5000`, not `5,000`). Text outside placeholders is kept as is.
 *
 * @throws KnowledgeError `placeholder_unknown` naming the placeholder and the template.
 * @example
 * fillTemplateWithSlots('A cleaning is {facts.prices_yen.cleaning} yen.', knowledgeBase)
 * // { text: 'A cleaning is 5000 yen.', slots: [{ factPath: 'prices_yen.cleaning', value: '5000', start: 14 }] }
 */
export function fillTemplateWithSlots(template: string, knowledgeBase: Pick<KnowledgeBase, 'facts'>): { text: string; slots: FilledSlot[] } {
  const slots: FilledSlot[] = []
  let text = ''
  let last = 0
  for (const match of template.matchAll(PLACEHOLDER)) {
    const factPath = match[1]!
    const value = lookupFact(knowledgeBase.facts, factPath)
    if (value === undefined) {
      const shown = template.length > 80 ? `${template.slice(0, 77)}...` : template
      throw new KnowledgeError('placeholder_unknown', `unknown placeholder ${match[0]} in template "${shown}": ${placeholderProblem(knowledgeBase.facts, factPath)}`)
    }
    text += template.slice(last, match.index)
    slots.push({ factPath, value: String(value), start: text.length })
    text += String(value)
    last = match.index + match[0].length
  }
  return { text: text + template.slice(last), slots }
}

/**
 * Fills the `{facts.path}` placeholders of a reply template from the knowledge base's facts.
 * Intent replies of a parsed knowledge base always fill (the parser checks their placeholders).
 *
 * @throws KnowledgeError `placeholder_unknown` naming the placeholder and the template.
 * @example
 * fillTemplate('Thank you for calling {facts.business.name}.', knowledgeBase) // 'Thank you for calling Sakura Dental Clinic.'
 */
export function fillTemplate(template: string, knowledgeBase: Pick<KnowledgeBase, 'facts'>): string {
  return fillTemplateWithSlots(template, knowledgeBase).text
}
