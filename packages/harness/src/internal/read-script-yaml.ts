import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { isAlias, isMap, isScalar, isSeq } from 'yaml'
import type { ScriptIssueLocation } from '../harness-error.ts'
import { checkJsonBounds } from '../json-bounds.ts'
import { parseLocatedDocument } from './yaml-location.ts'
import type { LocatedDocument } from './yaml-location.ts'

/** Bounds for one script or partial file: what a hand-written call script never needs. */
export const SCRIPT_FILE_LIMITS = {
  /** Largest script or partial file (bytes). */
  maxBytes: 1024 * 1024,
  /** Most alias expansions (`*name`) in one file: stops "billion laughs". */
  maxAliasCount: 100,
  /** Deepest nesting of mappings and lists. */
  maxDepth: 64,
  /** Most values in one file after aliases are expanded. */
  maxNodes: 100_000,
} as const

export type ReadScriptYamlResult =
  | { ok: true; located: LocatedDocument; data: unknown }
  | { ok: false; issues: ScriptIssueLocation[]; notFound?: boolean }

/**
 * Reads a YAML script file safely: a regular file only (a FIFO or device would hang or
 * fill memory), at most `maxBytes`, duplicate keys found in linear time, aliases limited,
 * nesting bounded. Every failure, including the parser's own exceptions (an undefined alias,
 * excessive aliasing, a stack overflow on absurd nesting), comes back as located issues,
 * never as a thrown error, so one bad script cannot stop the others.
 */
export async function readScriptYaml(file: string): Promise<ReadScriptYamlResult> {
  const at = (message: string, field = '(file)', line = 1, column = 1): ScriptIssueLocation => ({ file, line, column, field, message })
  let source: string
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once (then fstat refuses it) instead of waiting forever.
    const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK)
    try {
      const stats = await handle.stat()
      if (!stats.isFile()) return { ok: false, issues: [at('not a regular file (a folder, device or pipe); expected a YAML file')] }
      if (stats.size > SCRIPT_FILE_LIMITS.maxBytes) return { ok: false, issues: [at(`file is ${stats.size} bytes; expected at most ${SCRIPT_FILE_LIMITS.maxBytes} for a call script`)] }
      source = await handle.readFile('utf8')
    } finally {
      await handle.close()
    }
  } catch (error) {
    return { ok: false, notFound: true, issues: [at(`cannot read call script (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); expected an existing YAML file`)] }
  }
  let located: LocatedDocument
  try {
    located = parseLocatedDocument(file, source)
  } catch (error) {
    return { ok: false, issues: [at(`YAML could not be parsed (${(error as Error).message.split('\n')[0]}); expected a plain call script`, '(yaml)')] }
  }
  if (located.document.errors.length > 0) {
    return {
      ok: false,
      issues: located.document.errors.slice(0, 10).map((yamlError) => {
        const position = located.lineCounter.linePos(yamlError.pos[0])
        return at(`YAML syntax error: ${yamlError.message.split('\n')[0]}`, '(yaml)', position.line, position.col)
      }),
    }
  }
  const duplicate = findDuplicateKey(located)
  if (duplicate) return { ok: false, issues: [duplicate] }
  let data: unknown
  try {
    data = located.document.toJS({ maxAliasCount: SCRIPT_FILE_LIMITS.maxAliasCount })
  } catch (error) {
    // yaml throws for an alias to an anchor that is not (yet) defined and for aliasing beyond maxAliasCount.
    const message = (error as Error).message.split('\n')[0] ?? ''
    return { ok: false, issues: [at(`YAML aliases: ${message}; expected anchors (&name) before their aliases (*name) and at most ${SCRIPT_FILE_LIMITS.maxAliasCount} alias uses`, '(yaml)', ...aliasPosition(located, message))] }
  }
  const problem = checkJsonBounds(data, { maxDepth: SCRIPT_FILE_LIMITS.maxDepth, maxNodes: SCRIPT_FILE_LIMITS.maxNodes, maxStringChars: SCRIPT_FILE_LIMITS.maxBytes })
  if (problem) return { ok: false, issues: [at(`${problem}; a call script needs far less`, '(yaml)')] }
  return { ok: true, located, data }
}

/** The first key that appears twice in one mapping (a Set per mapping: linear, unlike yaml's own check). */
function findDuplicateKey(located: LocatedDocument): ScriptIssueLocation | undefined {
  const stack: unknown[] = [located.document.contents]
  while (stack.length > 0) {
    const node = stack.pop()
    if (isSeq(node)) stack.push(...node.items)
    if (!isMap(node)) continue
    const seen = new Set<string>()
    for (const pair of node.items) {
      if (isScalar(pair.key)) {
        const key = String(pair.key.value)
        if (seen.has(key)) {
          const position = located.lineCounter.linePos(pair.key.range?.[0] ?? 0)
          return { file: located.file, line: position.line, column: position.col, field: key, message: `duplicate key "${key}"; expected each key once in a mapping` }
        }
        seen.add(key)
      }
      stack.push(pair.value)
    }
  }
  return undefined
}

/** Where the alias named in yaml's message is (or the first alias, for excessive aliasing). */
function aliasPosition(located: LocatedDocument, message: string): [number, number] {
  const name = /alias[^:]*: (\S+)$/.exec(message)?.[1]
  const stack: unknown[] = [located.document.contents]
  while (stack.length > 0) {
    const node = stack.pop()
    if (isAlias(node) && (name === undefined || node.source === name)) {
      const position = located.lineCounter.linePos(node.range?.[0] ?? 0)
      return [position.line, position.col]
    }
    // Pushed in reverse so that the walk visits nodes in document order.
    if (isSeq(node)) for (let index = node.items.length - 1; index >= 0; index--) stack.push(node.items[index])
    if (isMap(node)) for (let index = node.items.length - 1; index >= 0; index--) stack.push(node.items[index]!.value, node.items[index]!.key)
  }
  return [1, 1]
}
