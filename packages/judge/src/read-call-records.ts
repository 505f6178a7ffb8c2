import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { CALL_RECORD_SCHEMA, CALL_RECORD_VERSION, type CallRecord } from '@voxguard/harness'
import { JudgeError } from './judge-error.ts'

/** Parses one records.jsonl line; errors name the file, line and field. */
export function parseCallRecord(line: string, file = '<records>', lineNumber = 1): CallRecord {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    throw new JudgeError('record_invalid', `${file}:${lineNumber}: not valid JSON (${(error as Error).message})`, { cause: error, file, line: lineNumber })
  }
  const record = value as Partial<CallRecord> | null
  const where = `${file}:${lineNumber}`
  const at = (field?: string) => ({ file, line: lineNumber, ...(field === undefined ? {} : { field }) })
  if (!record || typeof record !== 'object') throw new JudgeError('record_invalid', `${where}: a call record must be a JSON object`, at())
  if (record.schema !== CALL_RECORD_SCHEMA) throw new JudgeError('record_invalid', `${where}: "schema" must be "${CALL_RECORD_SCHEMA}" (got ${JSON.stringify(record.schema)})`, at('schema'))
  if (record.version !== CALL_RECORD_VERSION) throw new JudgeError('record_invalid', `${where}: "version" ${JSON.stringify(record.version)} is not supported (this judge reads version ${CALL_RECORD_VERSION})`, at('version'))
  for (const field of ['callId', 'scriptId'] as const) {
    if (typeof record[field] !== 'string') throw new JudgeError('record_invalid', `${where}: "${field}" must be a string`, at(field))
  }
  if (!Array.isArray(record.turns)) throw new JudgeError('record_invalid', `${where}: "turns" must be an array`, at('turns'))
  record.turns.forEach((turn, index) => {
    if (typeof turn?.index !== 'number' || typeof turn.agent?.text !== 'string' || !Array.isArray(turn.agent.toolCalls)) {
      throw new JudgeError('record_invalid', `${where}: "turns[${index}]" needs "index" (number), "agent.text" (string) and "agent.toolCalls" (array)`, at(`turns[${index}]`))
    }
  })
  if (!Array.isArray(record.events)) throw new JudgeError('record_invalid', `${where}: "events" must be an array`, at('events'))
  return { tags: [], runId: '', transport: {}, ...record } as CallRecord
}

/** Streams the call records of a JSONL file (blank lines skipped). */
export async function* readCallRecords(file: string, options: { signal?: AbortSignal } = {}): AsyncGenerator<CallRecord> {
  const stream = createReadStream(file, { encoding: 'utf8', ...(options.signal ? { signal: options.signal } : {}) })
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })
  let lineNumber = 0
  try {
    for await (const line of lines) {
      lineNumber += 1
      if (line.trim() === '') continue
      yield parseCallRecord(line, file, lineNumber)
    }
  } catch (error) {
    if (error instanceof JudgeError || (error as Error).name === 'AbortError') throw error
    throw new JudgeError('record_invalid', `${file}: cannot read records (${(error as Error).message})`, { cause: error, file })
  } finally {
    lines.close()
    stream.destroy()
  }
}
