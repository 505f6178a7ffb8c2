import { readFile } from 'node:fs/promises'
import type { CallRecord } from './call-record.ts'
import { CALL_RECORD_SCHEMA, CALL_RECORD_VERSION } from './call-record.ts'
import { HarnessError } from './harness-error.ts'

/**
 * Reads JSONL record files (e.g. one per shard) and joins them: records deduplicated by
 * `callId` (the first occurrence wins), sorted by `scriptId`, `repeat`, `startedAt`,
 * `callId` so the output does not depend on file order. A truncated last line (a killed
 * run) is skipped; any other bad line is an error naming file and line.
 */
export async function mergeRecords(files: readonly string[]): Promise<CallRecord[]> {
  const byCallId = new Map<string, CallRecord>()
  for (const file of files) {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      throw new HarnessError('records_invalid', `cannot read records file ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); expected a records.jsonl written by voxguard run`, { file, cause: error })
    }
    const lines = text.split('\n')
    for (const [index, line] of lines.entries()) {
      if (line.trim() === '') continue
      let record: CallRecord
      try {
        record = JSON.parse(line) as CallRecord
      } catch (error) {
        const isLastLine = lines.slice(index + 1).every((rest) => rest.trim() === '')
        if (isLastLine) continue
        throw new HarnessError('records_invalid', `${file}:${index + 1}: not a JSON line (${(error as Error).message}); expected one call record per line`, { file, line: index + 1, cause: error })
      }
      if (record?.schema !== CALL_RECORD_SCHEMA || record.version !== CALL_RECORD_VERSION) {
        throw new HarnessError('records_invalid', `${file}:${index + 1}: expected a ${CALL_RECORD_SCHEMA} v${CALL_RECORD_VERSION} record, got schema ${JSON.stringify(record?.schema)} version ${JSON.stringify(record?.version)}`, { file, line: index + 1 })
      }
      if (!byCallId.has(record.callId)) byCallId.set(record.callId, record)
    }
  }
  return [...byCallId.values()].sort(
    (left, right) => compare(left.scriptId, right.scriptId) || left.repeat - right.repeat || compare(left.startedAt, right.startedAt) || compare(left.callId, right.callId),
  )
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0
}
