import type { FactTree } from '../../knowledge-base.ts'

/** A filled placeholder: where its value sits in the text and which fact it came from. */
export interface FilledSlot {
  factPath: string
  value: string
  start: number
}

/**
 * Fills `{facts.a.b}` placeholders from the facts. An unknown path is left as written
 * (so a broken template shows in the reply instead of silently vanishing).
 */
export function renderReplyTemplate(template: string, facts: FactTree): { text: string; slots: FilledSlot[] } {
  const slots: FilledSlot[] = []
  let text = ''
  let last = 0
  for (const match of template.matchAll(/\{facts\.([A-Za-z0-9_.]+)\}/g)) {
    const value = lookupFact(facts, match[1]!)
    text += template.slice(last, match.index)
    if (value === undefined) text += match[0]
    else {
      slots.push({ factPath: match[1]!, value, start: text.length })
      text += value
    }
    last = match.index + match[0].length
  }
  return { text: text + template.slice(last), slots }
}

function lookupFact(facts: FactTree, path: string): string | undefined {
  let node: FactTree | string | number | undefined = facts
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = node[part]
  }
  return typeof node === 'string' || typeof node === 'number' ? String(node) : undefined
}
