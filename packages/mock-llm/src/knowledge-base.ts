import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'
import { z } from 'zod'
import { MockLlmError } from './mock-llm-error.ts'

/** A nested mapping of facts; leaves are strings or numbers (knowledge base format v1). */
export interface FactTree {
  [key: string]: string | number | FactTree
}

/** One intent of the brain: keywords that select it and the reply template. */
export interface KnowledgeBaseIntent {
  keywords: string[]
  /** Reply template; `{facts.some.path}` placeholders are filled from `facts`. */
  reply: string
  /** Tool the brain calls instead of replying, when the request offers a tool of that name. */
  tool?: string | undefined
}

/** A knowledge base (format v1, see examples/clinic-agent/knowledge.yaml). */
export interface KnowledgeBase {
  version: 1
  facts: FactTree
  policies: string[]
  intents: Record<string, KnowledgeBaseIntent>
}

const factTree: z.ZodType<FactTree> = z.lazy(() =>
  z.record(z.string(), z.union([z.string(), z.number(), factTree]), { error: 'expected a mapping of facts' }),
)

const knowledgeBaseSchema = z.object({
  version: z.literal(1, { error: 'expected version: 1' }),
  facts: factTree,
  policies: z.array(z.string(), { error: 'expected a list of sentences' }).default([]),
  intents: z
    .record(
      z.string(),
      z.object({
        keywords: z.array(z.string(), { error: 'expected a list of keywords' }).default([]),
        reply: z.string({ error: 'expected a reply template' }),
        tool: z.string().optional(),
      }),
    )
    .default({}),
})

/**
 * Validates a knowledge base object.
 * @throws MockLlmError `invalid-knowledge-base` naming the source and field.
 */
export function parseKnowledgeBase(value: unknown, source = '<knowledge base>'): KnowledgeBase {
  const result = knowledgeBaseSchema.safeParse(value)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${source}: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
    throw new MockLlmError('invalid-knowledge-base', `Invalid knowledge base:\n  ${lines.join('\n  ')}`)
  }
  return result.data as KnowledgeBase
}

/**
 * Reads a knowledge base YAML file (format v1).
 * @throws MockLlmError `invalid-knowledge-base`
 * @example
 * const knowledgeBase = await loadKnowledgeBase('examples/clinic-agent/knowledge.yaml')
 */
export async function loadKnowledgeBase(file: string): Promise<KnowledgeBase> {
  let value: unknown
  try {
    value = parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new MockLlmError('invalid-knowledge-base', `Cannot read knowledge base ${file}: ${(error as Error).message}`, {
      cause: error,
    })
  }
  return parseKnowledgeBase(value, file)
}
