import { readFile } from 'node:fs/promises'
import { parseDocument } from 'yaml'
import { z } from 'zod'

/**
 * The clinic's knowledge base (format version 1, see knowledge.yaml's header): facts the
 * agent may state, policies, and the intents it classifies callers into.
 */
export interface KnowledgeBase {
  facts: FactTree
  policies: string[]
  intents: Record<string, Intent>
}

export interface FactTree {
  [key: string]: string | number | FactTree
}

export interface Intent {
  keywords: string[]
  reply: string
  tool?: string
}

const factTree: z.ZodType<FactTree> = z.lazy(() => z.record(z.string(), z.union([z.string(), z.number(), factTree])))

const schema = z.object({
  version: z.literal(1),
  facts: factTree,
  policies: z.array(z.string()).default([]),
  intents: z.record(
    z.string(),
    z.object({ keywords: z.array(z.string()), reply: z.string(), tool: z.string().optional() }),
  ),
})

/** Parses a knowledge base; errors name the source and the field. */
export function parseKnowledgeBase(text: string, source: string): KnowledgeBase {
  const document = parseDocument(text)
  if (document.errors.length > 0) {
    const first = document.errors[0]
    throw new Error(`${source}:${first?.linePos?.[0]?.line ?? '?'}: invalid YAML: ${first?.message}`)
  }
  const result = schema.safeParse(document.toJS())
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new Error(`${source}: field "${issue?.path.join('.')}": ${issue?.message}`)
  }
  if (!result.data.intents['fallback']) throw new Error(`${source}: field "intents.fallback" is required (the reply when nothing matches)`)
  return result.data
}

export async function loadKnowledgeBase(path: string): Promise<KnowledgeBase> {
  return parseKnowledgeBase(await readFile(path, 'utf8'), path)
}

/** Flattens facts to `path: value` lines (what the judge grounds against, and the prompt). */
export function flattenFacts(tree: FactTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' ? flattenFacts(value, `${prefix}${key}.`) : [`${prefix}${key}: ${value}`],
  )
}

/** Reads one fact by dotted path (`hours.saturday`); undefined when absent. */
export function lookupFact(tree: FactTree, path: string): string | number | undefined {
  let node: string | number | FactTree | undefined = tree
  for (const key of path.split('.')) {
    if (node === undefined || typeof node !== 'object') return undefined
    node = node[key]
  }
  return typeof node === 'object' ? undefined : node
}

/** Fills `{facts.path}` placeholders of an intent reply template from the facts. */
export function fillTemplate(template: string, knowledgeBase: KnowledgeBase): string {
  return template.replace(/\{facts\.([a-z0-9_.]+)\}/gi, (whole, path: string) => String(lookupFact(knowledgeBase.facts, path) ?? whole))
}
