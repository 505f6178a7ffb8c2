import { readFile } from 'node:fs/promises'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import { JudgeError } from '../judge-error.ts'

/** One intent of the knowledge base (used by the judge only to spot misunderstandings). */
export interface KnowledgeIntent {
  keywords: string[]
  reply: string
  tool?: string
}

/** A parsed knowledge base, format version 1 (see examples/clinic-agent/knowledge.yaml). */
export interface KnowledgeBase {
  version: 1
  /** Nested mapping of facts; leaves are strings, numbers or booleans. */
  facts: Record<string, unknown>
  /** Free-text statements that are true for the business. */
  policies: string[]
  intents: Record<string, KnowledgeIntent>
  /** Where it was read from, for evidence and error messages. */
  file?: string
}

function fail(file: string, line: number | undefined, message: string): never {
  throw new JudgeError('invalid_knowledge', `${file}${line ? `:${line}` : ''}: ${message}`)
}

function checkFacts(value: unknown, path: string, file: string, lineOf: (path: string) => number | undefined): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(file, lineOf(path), `"${path}" must be a mapping of facts (leaves are strings or numbers)`)
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const childPath = `${path}.${key}`
    if (typeof child === 'string' || typeof child === 'number' || typeof child === 'boolean') continue
    if (Array.isArray(child) && child.every((item) => typeof item === 'string' || typeof item === 'number')) continue
    checkFacts(child, childPath, file, lineOf)
  }
}

/**
 * Parses and validates a knowledge-base YAML text. Errors name the file, line and field.
 *
 * @example
 * const knowledge = parseKnowledgeBase(await readFile('knowledge.yaml', 'utf8'), 'knowledge.yaml')
 */
export function parseKnowledgeBase(text: string, file = '<knowledge>'): KnowledgeBase {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter })
  if (document.errors.length > 0) {
    const error = document.errors[0]
    fail(file, error?.linePos?.[0].line, `not valid YAML: ${error?.message.split('\n')[0] ?? 'parse error'}`)
  }
  const lineOf = (path: string): number | undefined => {
    const node = document.getIn(path.split('.'), true) as Node | undefined
    const offset = node && (isMap(node) || isSeq(node) || isScalar(node)) ? node.range?.[0] : undefined
    return offset === undefined ? undefined : lineCounter.linePos(offset).line
  }
  const data = document.toJS() as unknown
  if (data === null || typeof data !== 'object' || Array.isArray(data)) fail(file, 1, 'a knowledge base must be a mapping with "version", "facts" and "policies"')
  const root = data as Record<string, unknown>
  if (root.version !== 1) fail(file, lineOf('version'), `"version" must be 1 (got ${JSON.stringify(root.version)})`)
  checkFacts(root.facts ?? {}, 'facts', file, lineOf)
  const policies = root.policies ?? []
  if (!Array.isArray(policies) || !policies.every((policy) => typeof policy === 'string')) fail(file, lineOf('policies'), '"policies" must be a list of strings')
  const intents: Record<string, KnowledgeIntent> = {}
  const rawIntents = root.intents ?? {}
  if (typeof rawIntents !== 'object' || rawIntents === null || Array.isArray(rawIntents)) fail(file, lineOf('intents'), '"intents" must be a mapping')
  for (const [name, raw] of Object.entries(rawIntents as Record<string, unknown>)) {
    const intent = raw as Partial<KnowledgeIntent> | null
    if (!intent || typeof intent.reply !== 'string') fail(file, lineOf(`intents.${name}`), `"intents.${name}.reply" must be a string`)
    const keywords = intent.keywords ?? []
    if (!Array.isArray(keywords)) fail(file, lineOf(`intents.${name}.keywords`), `"intents.${name}.keywords" must be a list`)
    intents[name] = { keywords: keywords.map(String), reply: intent.reply, ...(typeof intent.tool === 'string' ? { tool: intent.tool } : {}) }
  }
  return { version: 1, facts: (root.facts ?? {}) as Record<string, unknown>, policies: policies as string[], intents, file }
}

/** Reads and parses a knowledge-base file. */
export async function loadKnowledgeBase(file: string, options: { signal?: AbortSignal } = {}): Promise<KnowledgeBase> {
  let text: string
  try {
    text = await readFile(file, { encoding: 'utf8', ...(options.signal ? { signal: options.signal } : {}) })
  } catch (error) {
    throw new JudgeError('invalid_knowledge', `${file}: cannot read the knowledge base (${(error as Error).message})`, { cause: error })
  }
  return parseKnowledgeBase(text, file)
}
