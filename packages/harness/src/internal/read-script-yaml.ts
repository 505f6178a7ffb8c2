import { parseYamlSafely, readSmallTextFile, YamlProblem, type ParsedYaml } from '@voxguard/knowledge'
import type { ScriptIssueLocation } from '../harness-error.ts'
import { checkJsonBounds } from '../json-bounds.ts'
import type { LocatedDocument } from './yaml-location.ts'

/** Bounds for one script or partial file: what a hand-written call script never needs. */
export const SCRIPT_FILE_LIMITS = {
  /** Largest script or partial file (bytes). */
  maxBytes: 1024 * 1024,
  /** Deepest nesting of mappings and lists. */
  maxDepth: 64,
  /** Most values in one file after aliases are expanded. */
  maxNodes: 100_000,
} as const

export type ReadScriptYamlResult =
  | { ok: true; located: LocatedDocument; data: unknown }
  | { ok: false; issues: ScriptIssueLocation[]; notFound?: boolean }

/**
 * Reads a YAML script file safely (`readSmallTextFile` and `parseYamlSafely` of
 * @voxguard/knowledge): a regular file only (a FIFO or device would hang or fill memory), at
 * most `maxBytes`, duplicate keys found in linear time, aliases limited, nesting bounded. Every failure, including the parser's own exceptions (an undefined alias,
 * excessive aliasing, a stack overflow on absurd nesting), comes back as located issues,
 * never as a thrown error, so one bad script cannot stop the others.
 */
export async function readScriptYaml(file: string): Promise<ReadScriptYamlResult> {
  const at = (message: string, field = '(file)', line = 1, column = 1): ScriptIssueLocation => ({ file, line, column, field, message })
  let source: string
  try {
    source = await readSmallTextFile(file, { maxBytes: SCRIPT_FILE_LIMITS.maxBytes })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== undefined) return { ok: false, notFound: true, issues: [at(`cannot read call script (${code}); expected an existing YAML file`)] }
    return { ok: false, issues: [at(`${(error as Error).message}`)] }
  }
  let parsed: ParsedYaml
  try {
    parsed = parseYamlSafely(source)
  } catch (error) {
    if (!(error instanceof YamlProblem)) throw error
    return { ok: false, issues: [at(error.message.replace(/^not valid YAML: /u, 'YAML syntax error: '), error.key ?? '(yaml)', error.line, error.column)] }
  }
  const located: LocatedDocument = { file, document: parsed.document, lineCounter: parsed.lineCounter }
  const problem = checkJsonBounds(parsed.data, { maxDepth: SCRIPT_FILE_LIMITS.maxDepth, maxNodes: SCRIPT_FILE_LIMITS.maxNodes, maxStringChars: SCRIPT_FILE_LIMITS.maxBytes })
  if (problem) return { ok: false, issues: [at(`${problem}; a call script needs far less`, '(yaml)')] }
  return { ok: true, located, data: parsed.data }
}
