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
    throw new JudgeError('invalid_record', `${file}:${lineNumber}: not valid JSON (${(error as Error).message})`, { cause: error })
  }
  const record = value as Partial<CallRecord> | null
  const where = `${file}:${lineNumber}`
  if (!record || typeof record !== 'object') throw new JudgeError('invalid_record', `${where}: a call record must be a JSON object`)
  if (record.schema !== CALL_RECORD_SCHEMA) throw new JudgeError('invalid_record', `${where}: "schema" must be "${CALL_RECORD_SCHEMA}" (got ${JSON.stringify(record.schema)})`)
  if (record.version !== CALL_RECORD_VERSION) throw new JudgeError('invalid_record', `${where}: "version" ${JSON.stringify(record.version)} is not supported (this judge reads version ${CALL_RECORD_VERSION})`)
  for (const field of ['callId', 'scriptId'] as const) {
    if (typeof record[field] !== 'string') throw new JudgeError('invalid_record', `${where}: "${field}" must be a string`)
  }
  if (!Array.isArray(record.turns)) throw new JudgeError('invalid_record', `${where}: "turns" must be an array`)
  record.turns.forEach((turn, index) => {
    if (typeof turn?.index !== 'number' || typeof turn.agent?.text !== 'string' || !Array.isArray(turn.agent.toolCalls)) {
      throw new JudgeError('invalid_record', `${where}: "turns[${index}]" needs "index" (number), "agent.text" (string) and "agent.toolCalls" (array)`)
    }
  })
  if (!Array.isArray(record.events)) throw new JudgeError('invalid_record', `${where}: "events" must be an array`)
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
    throw new JudgeError('invalid_record', `${file}: cannot read records (${(error as Error).message})`, { cause: error })
  } finally {
    lines.close()
    stream.destroy()
  }
}
