import { readFile } from 'node:fs/promises'
import { JudgeError } from './judge-error.ts'
import { VERDICT_SCHEMA, VERDICT_VERSION, type Verdict } from './verdict/verdict.ts'

/** Parses one verdicts.jsonl line; errors name the file, the line and the field. */
export function parseVerdict(line: string, file = '<verdicts>', lineNumber = 1): Verdict {
  const where = `${file}:${lineNumber}`
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    throw new JudgeError('invalid_verdict', `${where}: not valid JSON (${(error as Error).message})`, { cause: error })
  }
  const verdict = value as Partial<Verdict> | null
  if (!verdict || typeof verdict !== 'object' || Array.isArray(verdict)) throw new JudgeError('invalid_verdict', `${where}: a verdict must be a JSON object`)
  if (verdict.schema !== VERDICT_SCHEMA) throw new JudgeError('invalid_verdict', `${where}: "schema" must be "${VERDICT_SCHEMA}" (got ${JSON.stringify(verdict.schema)})`)
  if (verdict.version !== VERDICT_VERSION) throw new JudgeError('invalid_verdict', `${where}: "version" ${JSON.stringify(verdict.version)} is not supported (this reader reads version ${VERDICT_VERSION})`)
  for (const field of ['callId', 'scriptId'] as const) {
    if (typeof verdict[field] !== 'string' || verdict[field] === '') throw new JudgeError('invalid_verdict', `${where}: "${field}" must be a non-empty string`)
  }
  if (verdict.outcome !== 'pass' && verdict.outcome !== 'fail') throw new JudgeError('invalid_verdict', `${where}: "outcome" must be "pass" or "fail" (got ${JSON.stringify(verdict.outcome)})`)
  if (!['system', 'dialogue', 'both', null].includes(verdict.factor as string | null)) throw new JudgeError('invalid_verdict', `${where}: "factor" must be "system", "dialogue", "both" or null (got ${JSON.stringify(verdict.factor)})`)
  for (const field of ['reasons', 'hallucinations'] as const) {
    if (!Array.isArray(verdict[field])) throw new JudgeError('invalid_verdict', `${where}: "${field}" must be an array`)
  }
  verdict.reasons!.forEach((reason, index) => {
    if (typeof reason?.code !== 'string' || typeof reason.message !== 'string') throw new JudgeError('invalid_verdict', `${where}: "reasons[${index}]" needs "code" and "message" (strings)`)
  })
  if (typeof verdict.turnsJudged !== 'number') throw new JudgeError('invalid_verdict', `${where}: "turnsJudged" must be a number`)
  return { tags: [], runId: '', claimsChecked: 0, ...verdict } as Verdict
}

/**
 * The one reader of `verdicts.jsonl` (written by `VerdictsFile`): every verdict in file
 * order, blank lines skipped. A missing file or a bad line is a `JudgeError` with code
 * `invalid_verdict` naming the file and the line.
 *
 * @example
 * const verdicts = await readVerdicts('reports/nightly/verdicts.jsonl')
 */
export async function readVerdicts(file: string, options: { signal?: AbortSignal } = {}): Promise<Verdict[]> {
  let text: string
  try {
    text = await readFile(file, { encoding: 'utf8', ...(options.signal ? { signal: options.signal } : {}) })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new JudgeError('invalid_verdict', `${file}: ${missing ? 'no such verdicts file (run `voxguard judge` on the records first)' : `cannot read verdicts (${(error as Error).message})`}`, { cause: error })
  }
  const verdicts: Verdict[] = []
  text.split('\n').forEach((line, index) => {
    if (line.trim() !== '') verdicts.push(parseVerdict(line, file, index + 1))
  })
  return verdicts
}
