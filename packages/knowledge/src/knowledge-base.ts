import { isMap, isNode, isScalar, isSeq, LineCounter, type Document } from 'yaml'
import { z } from 'zod'
import { placeholderProblem, templatePlaceholders } from './fill-template.ts'
import { parseYamlSafely, YamlProblem, type ParsedYaml } from './parse-yaml-safely.ts'
import { readSmallTextFile } from './read-small-text-file.ts'
import type { FactTree, KnowledgeBase } from './knowledge-base-types.ts'
import { KnowledgeError } from './knowledge-error.ts'

const MAX_LISTED_PROBLEMS = 20

const intentSchema = z.strictObject(
  {
    keywords: z
      .array(z.union([z.string(), z.number()], { error: 'expected a keyword (text)' }).transform(String), { error: 'expected a list of keywords, e.g. [open, hours]' })
      .default([]),
    reply: z.string({ error: 'expected the reply text (it may contain {facts.path} placeholders)' }),
    replies: z
      .record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, { error: 'expected a language code such as "ja" or "pt-BR"' }), z.string({ error: 'expected the reply text in that language' }), {
        error: 'expected a mapping of language code (ja, pt-BR) to reply text',
      })
      .optional(),
    tool: z.string({ error: 'expected a tool name' }).optional(),
  },
  { error: 'expected a mapping with "keywords", "reply" and optionally "replies" and "tool"' },
)

const vocabularyWordsSchema = z
  .array(
    z.union([z.string(), z.number()], { error: 'expected a word or phrase (text)' }).transform(String).refine((word) => word.trim() !== '', 'expected a word or phrase, got empty text'),
    { error: 'expected a list of words or phrases that mean the term, e.g. [scaling, クリーニング]' },
  )
  .min(1, 'expected at least one word or phrase, e.g. [scaling, クリーニング]')

const KNOWN_FIELDS = '"version", "facts", "policies", "intents" and "vocabulary"'

const knowledgeBaseSchema = z.strictObject(
  {
    version: z.literal(1, { error: (issue) => `must be 1, the only format version (got ${JSON.stringify(issue.input) ?? 'nothing'})` }),
    facts: z
      .record(z.string(), z.unknown(), { error: (issue) => `expected a mapping of facts (name: value), got ${describe(issue.input)}` })
      .superRefine((value, context) => checkFactTree(value, [], context))
      .default({}),
    policies: z.array(z.string({ error: 'expected a sentence (text)' }), { error: 'expected a list of sentences' }).default([]),
    intents: z.record(z.string(), intentSchema, { error: 'expected a mapping of intent name to { keywords, reply, tool }' }).default({}),
    vocabulary: z.record(z.string(), vocabularyWordsSchema, { error: 'expected a mapping of term to a list of words, e.g. { cleaning: [scaling, クリーニング] }' }).optional(),
  },
  { error: `a knowledge base must be a mapping with "version: 1" and optionally "facts", "policies", "intents" and "vocabulary"` },
)

function checkFactTree(value: Record<string, unknown>, path: string[], context: z.RefinementCtx): void {
  for (const [key, child] of Object.entries(value)) {
    if (typeof child === 'string' || (typeof child === 'number' && Number.isFinite(child))) continue
    if (isMapping(child)) checkFactTree(child, [...path, key], context)
    else context.addIssue({ code: 'custom', path: [...path, key], message: `expected text, a number or a nested mapping, got ${describe(child)}` })
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (an empty value)'
  if (Array.isArray(value)) return 'a list (write one key per item instead)'
  if (typeof value === 'boolean') return `${value} (write it as text, e.g. "yes" or "not available")`
  return JSON.stringify(value) ?? typeof value
}

interface Problem {
  path: Array<string | number>
  message: string
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('')
}

/** The line where `path` is written: its key in a mapping, its item in a list (or the nearest ancestor that exists). */
function lineOf(document: Document | undefined, lineCounter: LineCounter, path: Array<string | number>): number | undefined {
  if (!document) return undefined
  for (let depth = path.length; depth > 0; depth -= 1) {
    const parent: unknown = document.getIn(path.slice(0, depth - 1), true) ?? (depth === 1 ? document.contents : undefined)
    const key = path[depth - 1]
    const node: unknown = isMap(parent) ? parent.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(key))?.key : isSeq(parent) ? parent.items[Number(key)] : undefined
    const offset = isNode(node) ? node.range?.[0] : undefined
    if (offset !== undefined) return lineCounter.linePos(offset).line
  }
  const offset = document.contents?.range?.[0]
  return offset === undefined ? undefined : lineCounter.linePos(offset).line
}

function fail(source: string, problems: Problem[], document: Document | undefined, lineCounter: LineCounter): never {
  const located = problems.map((problem) => ({ ...problem, line: lineOf(document, lineCounter, problem.path) }))
  located.sort((left, right) => (left.line ?? 0) - (right.line ?? 0))
  const lines = located.slice(0, MAX_LISTED_PROBLEMS).map((problem) => {
    const where = problem.line === undefined ? source : `${source}:${problem.line}`
    return problem.path.length === 0 ? `${where}: ${problem.message}` : `${where}: field "${formatPath(problem.path)}": ${problem.message}`
  })
  if (problems.length > MAX_LISTED_PROBLEMS) lines.push(`... and ${problems.length - MAX_LISTED_PROBLEMS} more problems`)
  const [first] = located
  throw new KnowledgeError('knowledge_base_invalid', lines.join('\n'), { file: source, line: first?.line, field: first && first.path.length > 0 ? formatPath(first.path) : undefined })
}

function schemaProblems(error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol')
    if (issue.code !== 'unrecognized_keys') return [{ path, message: issue.message }]
    const known = path.length === 0 ? KNOWN_FIELDS : '"keywords", "reply", "replies" and "tool"'
    return issue.keys.map((key) => ({ path: [...path, key], message: `unknown field (${path.length === 0 ? 'a knowledge base' : 'an intent'} has ${known}); check its spelling` }))
  })
}

function placeholderProblems(knowledgeBase: KnowledgeBase): Problem[] {
  return Object.entries(knowledgeBase.intents).flatMap(([name, intent]) =>
    [['reply', intent.reply] as const, ...Object.entries(intent.replies ?? {}).map(([language, template]) => [`replies.${language}`, template] as const)].flatMap(([field, template]) =>
      templatePlaceholders(template).flatMap(({ text, factPath }) => {
        const problem = placeholderProblem(knowledgeBase.facts, factPath)
        return problem === undefined ? [] : [{ path: ['intents', name, ...field.split('.')], message: `unknown placeholder ${text}: ${problem}` }]
      }),
    ),
  )
}

/**
 * Validates a knowledge base (format v1): YAML text, or a value already parsed from YAML
 * or JSON. Missing `facts`, `policies`, `intents` and `keywords` default to empty; a missing
 * `vocabulary` stays absent. Every `{facts.path}` placeholder of an intent reply must name a
 * fact value.
 *
 * @param value YAML text, or a parsed object.
 * @param source Where the value came from (a file path), named in errors. Default `<knowledge base>`.
 * @throws KnowledgeError `knowledge_base_invalid`, one line per problem: source, line (for text), field and what is expected.
 * @example
 * const knowledgeBase = parseKnowledgeBase(await readFile('knowledge.yaml', 'utf8'), 'knowledge.yaml')
 */
export function parseKnowledgeBase(value: unknown, source = '<knowledge base>'): KnowledgeBase {
  let lineCounter = new LineCounter()
  let document: Document | undefined
  let data = value
  if (typeof value === 'string') {
    let parsed: ParsedYaml
    try {
      parsed = parseYamlSafely(value)
    } catch (error) {
      if (!(error instanceof YamlProblem)) throw error
      throw new KnowledgeError('knowledge_base_invalid', `${source}:${error.line}: ${error.message}`, { cause: error, file: source, line: error.line, ...(error.key === undefined ? {} : { field: error.key }) })
    }
    document = parsed.document
    lineCounter = parsed.lineCounter
    data = parsed.data
  }
  const result = knowledgeBaseSchema.safeParse(data)
  if (!result.success) fail(source, schemaProblems(result.error), document, lineCounter)
  const { vocabulary, ...sections } = result.data
  const knowledgeBase: KnowledgeBase = { ...sections, facts: sections.facts as FactTree, ...(vocabulary === undefined ? {} : { vocabulary }) }
  const problems = placeholderProblems(knowledgeBase)
  if (problems.length > 0) fail(source, problems, document, lineCounter)
  return knowledgeBase
}

/**
 * Reads and validates a knowledge-base YAML file (format v1).
 *
 * @param options.signal Cancels the read; the promise then rejects with the signal's AbortError.
 * @throws KnowledgeError `file_unreadable` (naming the file), `knowledge_base_invalid` (file, line, field), `option_invalid`.
 * @example
 * const knowledgeBase = await loadKnowledgeBase('examples/clinic-agent/knowledge.yaml')
 */
export async function loadKnowledgeBase(file: string, options: { signal?: AbortSignal | undefined } = {}): Promise<KnowledgeBase> {
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new KnowledgeError('option_invalid', 'loadKnowledgeBase: option "signal" must be an AbortSignal', { option: 'signal', expected: 'an AbortSignal', received: options.signal })
  }
  let text: string
  try {
    text = await readSmallTextFile(file, { signal: options.signal })
  } catch (error) {
    if (options.signal?.aborted) throw error
    throw new KnowledgeError('file_unreadable', `${file}: cannot read the knowledge base (${(error as Error).message})`, { cause: error, file })
  }
  return parseKnowledgeBase(text, file)
}
