import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { CALL_RECORD_SCHEMA, CALL_RECORD_VERSION, type CallRecord } from './call-record.ts'
import { CallRecordSchema } from './call-record-schema.ts'
import { HarnessError } from './harness-error.ts'
import { RECORD_LIMITS } from './record-limits.ts'
import { isCompleteJson } from './internal/is-complete-json.ts'
import { valueAt } from './internal/value-at.ts'

/** The unfinished last line a killed run leaves: skipped, and reported. */
export interface TornLine {
  file: string
  /** 1-based line number. */
  line: number
  /** Its length in bytes. */
  bytes: number
}

export interface ReadCallRecordsOptions {
  signal?: AbortSignal
  /** Called when the file ends in a torn line (see `readCallRecords`). Default: ignored. */
  onTornLine?: (torn: TornLine) => void
}

/**
 * Parses one records.jsonl line and validates it against the call-record schema (with its
 * bounds). A leading byte-order mark is accepted.
 * @throws HarnessError `records_invalid` naming file, line and field.
 */
export function parseCallRecord(line: string, file = '<records>', lineNumber = 1): CallRecord {
  const where = `${file}:${lineNumber}`
  let value: unknown
  try {
    value = JSON.parse(line.charCodeAt(0) === 0xfeff ? line.slice(1) : line)
  } catch (error) {
    throw new HarnessError('records_invalid', `${where}: not a JSON line (${(error as Error).message}); expected one call record per line`, { file, line: lineNumber, cause: error })
  }
  const invalid = (field: string, message: string) => new HarnessError('records_invalid', `${where}: ${message}`, { file, line: lineNumber, field })
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid('(record)', 'a call record must be a JSON object')
  const { schema, version } = value as { schema?: unknown; version?: unknown }
  if (schema !== CALL_RECORD_SCHEMA) throw invalid('schema', `"schema" must be "${CALL_RECORD_SCHEMA}" (got ${JSON.stringify(schema)}); expected a records.jsonl written by voxguard run`)
  if (version !== CALL_RECORD_VERSION) throw invalid('version', `"version" ${JSON.stringify(version)} is not supported (this voxguard reads version ${CALL_RECORD_VERSION})`)
  const result = CallRecordSchema.safeParse(value)
  if (!result.success) {
    const issue = result.error.issues[0]!
    const field = formatPath(issue.path)
    const got = valueAt(value, issue.path)
    const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problem${result.error.issues.length > 2 ? 's' : ''})` : ''
    throw invalid(field || '(record)', `${field || '(record)'}: ${issue.message}${got === undefined ? '' : `, got ${describe(got)}`}${more}`)
  }
  return value as CallRecord
}

/**
 * The one reader of records.jsonl (merge, judge and report use it). Streams the file and
 * yields each record, validated. Blank lines are skipped, CRLF and a BOM accepted.
 *
 * One rule for a killed run: when the file ends in a line without its newline that is not
 * complete JSON, that line is torn (the run died while writing it; its call had not been
 * reported finished). It is skipped and passed to `onTornLine`; every complete call before
 * it is kept. Any other bad line is an error naming file, line and field.
 * @throws HarnessError `records_invalid` (unreadable file, not a regular file, bad line).
 */
export async function* readCallRecords(file: string, options: ReadCallRecordsOptions = {}): AsyncGenerator<CallRecord> {
  const stats = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new HarnessError('records_invalid', `cannot read records file ${file} (${error.code ?? error.message}); expected a records.jsonl written by voxguard run`, { file, cause: error })
  })
  if (!stats.isFile()) throw new HarnessError('records_invalid', `records file ${file} is not a regular file (a folder, device or pipe); expected a records.jsonl written by voxguard run`, { file })
  const stream = createReadStream(file, options.signal ? { signal: options.signal } : {})
  let pending: Buffer[] = []
  let pendingBytes = 0
  let lineNumber = 0
  const tooLong = () => new HarnessError('records_invalid', `${file}:${lineNumber + 1}: line longer than ${RECORD_LIMITS.maxLineBytes} bytes; a call record is far smaller`, { file, line: lineNumber + 1 })
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0
      for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
        if (pendingBytes + end - start > RECORD_LIMITS.maxLineBytes) throw tooLong()
        pending.push(chunk.subarray(start, end))
        const line = Buffer.concat(pending).toString('utf8')
        pending = []
        pendingBytes = 0
        start = end + 1
        lineNumber += 1
        if (line.trim() !== '') yield parseCallRecord(line.endsWith('\r') ? line.slice(0, -1) : line, file, lineNumber)
      }
      if (start < chunk.length) {
        pendingBytes += chunk.length - start
        if (pendingBytes > RECORD_LIMITS.maxLineBytes) throw tooLong()
        pending.push(chunk.subarray(start))
      }
    }
  } catch (error) {
    if (HarnessError.isInstance(error) || (error as Error).name === 'AbortError') throw error
    throw new HarnessError('records_invalid', `cannot read records file ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file, cause: error })
  } finally {
    stream.destroy()
  }
  const last = Buffer.concat(pending).toString('utf8')
  if (last.trim() === '') return
  lineNumber += 1
  if (!isCompleteJson(last)) {
    options.onTornLine?.({ file, line: lineNumber, bytes: pendingBytes })
    return
  }
  yield parseCallRecord(last, file, lineNumber)
}

/** Reads a whole records file into an array (see `readCallRecords`). */
export async function readCallRecordsFile(file: string, options: ReadCallRecordsOptions = {}): Promise<CallRecord[]> {
  const records: CallRecord[] = []
  for await (const record of readCallRecords(file, options)) records.push(record)
  return records
}

function formatPath(path: readonly PropertyKey[]): string {
  let result = ''
  for (const segment of path) result += typeof segment === 'number' ? `[${segment}]` : result ? `.${String(segment)}` : String(segment)
  return result
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return `a list of ${value.length}`
  if (typeof value === 'object') return 'an object'
  const json = JSON.stringify(value)
  return `${typeof value} ${json.length > 40 ? `${json.slice(0, 40)}…` : json}`
}
