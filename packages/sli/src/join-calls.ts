import type { CallRecord } from '@voxguard/harness'
import type { Verdict } from '@voxguard/judge'

/** One call: what the harness recorded and what the judge decided. */
export interface JudgedCall {
  record: CallRecord
  verdict: Verdict
}

/** Calls that are on one side only, or twice on one side. Reported, never silently dropped. */
export interface Orphans {
  /** Call ids recorded but never judged (e.g. the judge was killed). */
  recordsWithoutVerdict: string[]
  /** Call ids judged with no record (e.g. records from another run). */
  verdictsWithoutRecord: string[]
  /** Call ids that appear more than once in either file (the first of each is used). */
  duplicateCallIds: string[]
}

/**
 * Joins records and verdicts by call id. Calls come out sorted by start time then call id,
 * so the same files always give the same order.
 *
 * @example
 * const { calls, orphans } = joinCalls(records, verdicts)
 */
export function joinCalls(records: readonly CallRecord[], verdicts: readonly Verdict[]): { calls: JudgedCall[]; orphans: Orphans } {
  const duplicates = new Set<string>()
  const recordsById = new Map<string, CallRecord>()
  for (const record of records) {
    if (recordsById.has(record.callId)) duplicates.add(record.callId)
    else recordsById.set(record.callId, record)
  }
  const verdictsById = new Map<string, Verdict>()
  for (const verdict of verdicts) {
    if (verdictsById.has(verdict.callId)) duplicates.add(verdict.callId)
    else verdictsById.set(verdict.callId, verdict)
  }
  const calls: JudgedCall[] = []
  const recordsWithoutVerdict: string[] = []
  for (const [callId, record] of recordsById) {
    const verdict = verdictsById.get(callId)
    if (verdict) calls.push({ record, verdict })
    else recordsWithoutVerdict.push(callId)
  }
  const verdictsWithoutRecord = [...verdictsById.keys()].filter((callId) => !recordsById.has(callId))
  calls.sort((left, right) => (left.record.startedAt < right.record.startedAt ? -1 : left.record.startedAt > right.record.startedAt ? 1 : left.record.callId < right.record.callId ? -1 : left.record.callId > right.record.callId ? 1 : 0))
  const sorted = (ids: Iterable<string>) => [...ids].sort()
  return { calls, orphans: { recordsWithoutVerdict: sorted(recordsWithoutVerdict), verdictsWithoutRecord: sorted(verdictsWithoutRecord), duplicateCallIds: sorted(duplicates) } }
}
