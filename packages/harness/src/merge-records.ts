import type { CallRecord } from './call-record.ts'
import { readCallRecords, type ReadCallRecordsOptions } from './read-call-records.ts'

/**
 * Reads JSONL record files (e.g. one per shard) and joins them: records deduplicated by
 * `callId` (the first occurrence wins), sorted by `scriptId`, `repeat`, `startedAt`,
 * `callId` so the output does not depend on file order. Each file is read by
 * `readCallRecords`: a torn last line (a killed run) is skipped and passed to `onTornLine`;
 * any other bad line is an error naming file, line and field.
 */
export async function mergeRecords(files: readonly string[], options: ReadCallRecordsOptions = {}): Promise<CallRecord[]> {
  const byCallId = new Map<string, CallRecord>()
  for (const file of files) {
    for await (const record of readCallRecords(file, options)) {
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
