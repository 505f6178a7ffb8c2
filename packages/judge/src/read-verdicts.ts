import { readFile } from 'node:fs/promises'
import type { TornLine } from '@voxguard/harness'
import { JudgeError } from './judge-error.ts'
import { VERDICT_SCHEMA, VERDICT_VERSION, type Verdict } from './verdict/verdict.ts'

/** Parses one verdicts.jsonl line; errors name the file, the line and the field. */
export function parseVerdict(line: string, file = '<verdicts>', lineNumber = 1): Verdict {
  const where = `${file}:${lineNumber}`
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    throw new JudgeError('verdict_invalid', `${where}: not valid JSON (${(error as Error).message})`, { cause: error, file, line: lineNumber })
  }
  const verdict = value as Partial<Verdict> | null
  if (!verdict || typeof verdict !== 'object' || Array.isArray(verdict)) throw new JudgeError('verdict_invalid', `${where}: a verdict must be a JSON object`, { file, line: lineNumber })
  if (verdict.schema !== VERDICT_SCHEMA) throw new JudgeError('verdict_invalid', `${where}: "schema" must be "${VERDICT_SCHEMA}" (got ${JSON.stringify(verdict.schema)})`, { file, line: lineNumber, field: 'schema' })
  if (verdict.version !== VERDICT_VERSION) throw new JudgeError('verdict_invalid', `${where}: "version" ${JSON.stringify(verdict.version)} is not supported (this reader reads version ${VERDICT_VERSION})`, { file, line: lineNumber, field: 'version' })
  for (const field of ['callId', 'scriptId'] as const) {
    if (typeof verdict[field] !== 'string' || verdict[field] === '') throw new JudgeError('verdict_invalid', `${where}: "${field}" must be a non-empty string`, { file, line: lineNumber, field })
  }
  if (verdict.outcome !== 'pass' && verdict.outcome !== 'fail') throw new JudgeError('verdict_invalid', `${where}: "outcome" must be "pass" or "fail" (got ${JSON.stringify(verdict.outcome)})`, { file, line: lineNumber, field: 'outcome' })
  if (!['system', 'dialogue', 'both', null].includes(verdict.factor as string | null)) throw new JudgeError('verdict_invalid', `${where}: "factor" must be "system", "dialogue", "both" or null (got ${JSON.stringify(verdict.factor)})`, { file, line: lineNumber, field: 'factor' })
  for (const field of ['reasons', 'hallucinations'] as const) {
    if (!Array.isArray(verdict[field])) throw new JudgeError('verdict_invalid', `${where}: "${field}" must be an array`, { file, line: lineNumber, field })
  }
  verdict.reasons!.forEach((reason, index) => {
    if (typeof reason?.code !== 'string' || typeof reason.message !== 'string') throw new JudgeError('verdict_invalid', `${where}: "reasons[${index}]" needs "code" and "message" (strings)`, { file, line: lineNumber, field: `reasons[${index}]` })
  })
  if (typeof verdict.turnsJudged !== 'number') throw new JudgeError('verdict_invalid', `${where}: "turnsJudged" must be a number`, { file, line: lineNumber, field: 'turnsJudged' })
  return { tags: [], runId: '', claimsChecked: 0, ...verdict } as Verdict
}

/**
 * The one reader of `verdicts.jsonl` (written by `VerdictsFile`): every verdict in file
 * order, blank lines skipped. A missing file or a bad line is a `JudgeError` with code
 * `verdict_invalid` naming the file and the line. The records' rule for a killed run holds
 * here too: a last line without its newline that is not complete JSON is torn, skipped and
 * passed to `onTornLine` (its call then has a record and no verdict, which the SLIs report).
 *
 * @example
 * const verdicts = await readVerdicts('reports/nightly/verdicts.jsonl')
 */
export async function readVerdicts(file: string, options: { signal?: AbortSignal; onTornLine?: (torn: TornLine) => void } = {}): Promise<Verdict[]> {
  let text: string
  try {
    text = await readFile(file, { encoding: 'utf8', ...(options.signal ? { signal: options.signal } : {}) })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new JudgeError('verdict_invalid', `${file}: ${missing ? 'no such verdicts file (run `voxguard judge` on the records first)' : `cannot read verdicts (${(error as Error).message})`}`, { cause: error, file })
  }
  const verdicts: Verdict[] = []
  const lines = text.split('\n')
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    const last = index === lines.length - 1
    if (last && !isJson(line)) {
      options.onTornLine?.({ file, line: index + 1, bytes: Buffer.byteLength(line) })
      return
    }
    verdicts.push(parseVerdict(line, file, index + 1))
  })
  return verdicts
}

function isJson(line: string): boolean {
  try {
    JSON.parse(line)
    return true
  } catch {
    return false
  }
}
