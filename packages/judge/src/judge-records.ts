import { dirname, isAbsolute, resolve } from 'node:path'
import { AgentEventLogReader, CallRecordSchema, HarnessError, joinAgentEvents, readCallRecords, type CallRecord, type TornLine } from '@voxguard/harness'
import { KnowledgeError, loadKnowledgeBase, type KnowledgeBase } from '@voxguard/knowledge'
import { judgeCall, resolveJudgeOptions, type JudgeCallOptions } from './judge-call.ts'
import { JudgeError } from './judge-error.ts'
import { loadVocabulary } from './load-vocabulary.ts'
import type { Verdict } from './verdict/verdict.ts'

export interface JudgeRecordsOptions extends Omit<JudgeCallOptions, 'knowledge'> {
  /** Knowledge for every call, overriding each record's `knowledgeBase`. Default: each record's own. */
  knowledge?: KnowledgeBase | string
  /** Knowledge-base file for every call (read once), overriding each record's `knowledgeBase`. Default: none. */
  knowledgeFile?: string
  /** Vocabulary file (YAML or JSON, see `loadVocabulary`) for every call, extending each knowledge base's `vocabulary` section; ignored when `vocabulary` is given. Default: none. */
  vocabularyFile?: string
  /** The agent's event log (JSONL, docs/protocol.md): its events are joined into each record by call id / Twilio `callSid` before judging (what is there when judging starts). Default: none. */
  agentEventsFile?: string
  /** Reading a file: called when it ends in a torn line (a killed run), which is skipped; the complete calls are judged. Default: ignored. */
  onTornLine?: (torn: TornLine) => void
  /** Called with each verdict as soon as it is computed (e.g. to append it to verdicts.jsonl). */
  onVerdict?: (verdict: Verdict) => void | Promise<void>
}

/**
 * Judges every call of a records.jsonl file (streamed, read by the harness's
 * `readCallRecords`) or an array of records, one verdict per call in input order. Every
 * record is validated against the call-record schema first: a malformed one is a
 * `JudgeError` `record_invalid` naming file, line and field (or its index), never a pass. Knowledge bases come from `knowledge`/`knowledgeFile`, else from
 * each record's `knowledgeBase` path (relative paths resolve against the records file),
 * read once per path.
 *
 * @example
 * const verdicts = await judgeRecords('reports/records.jsonl', { onVerdict: (verdict) => out.write(JSON.stringify(verdict) + '\n') })
 */
export async function judgeRecords(input: string | Iterable<CallRecord> | AsyncIterable<CallRecord>, options: JudgeRecordsOptions = {}): Promise<Verdict[]> {
  resolveJudgeOptions(options)
  const baseDirectory = typeof input === 'string' ? dirname(resolve(input)) : process.cwd()
  const cache = new Map<string, Promise<KnowledgeBase>>()
  const knowledgeFor = async (path: string): Promise<KnowledgeBase> => {
    const absolute = isAbsolute(path) ? path : resolve(baseDirectory, path)
    let loading = cache.get(absolute)
    if (!loading) {
      loading = loadKnowledgeBase(absolute, { signal: options.signal }).catch((error: unknown) => {
        throw KnowledgeError.isInstance(error) ? new JudgeError('knowledge_invalid', error.message, { cause: error, file: error.file, line: error.line, field: error.field }) : error
      })
      cache.set(absolute, loading)
    }
    return loading
  }
  const fixed = options.knowledge ?? (options.knowledgeFile ? await knowledgeFor(options.knowledgeFile) : undefined)
  const vocabulary = options.vocabulary ?? (options.vocabularyFile ? await loadVocabulary(options.vocabularyFile, options.signal ? { signal: options.signal } : {}) : undefined)
  const verdicts: Verdict[] = []
  const agentEvents = options.agentEventsFile ? new AgentEventLogReader(resolve(options.agentEventsFile)).read() : undefined
  for await (const recorded of validatedRecords(input, options)) {
    options.signal?.throwIfAborted()
    const record = agentEvents ? joinAgentEvents(recorded, agentEvents.eventsOf(recorded)) : recorded
    const knowledge = fixed ?? (record.knowledgeBase ? await knowledgeFor(record.knowledgeBase) : undefined)
    const verdict = await judgeCall(record, { ...options, ...(knowledge !== undefined ? { knowledge } : {}), ...(vocabulary ? { vocabulary } : {}) })
    verdicts.push(verdict)
    await options.onVerdict?.(verdict)
  }
  return verdicts
}

async function* validatedRecords(input: string | Iterable<CallRecord> | AsyncIterable<CallRecord>, options: JudgeRecordsOptions): AsyncGenerator<CallRecord> {
  if (typeof input === 'string') {
    try {
      yield* readCallRecords(input, { ...(options.signal ? { signal: options.signal } : {}), ...(options.onTornLine ? { onTornLine: options.onTornLine } : {}) })
    } catch (error) {
      if (!HarnessError.isInstance(error)) throw error
      throw new JudgeError('record_invalid', error.message, { cause: error, ...(error.file !== undefined ? { file: error.file } : {}), ...(error.line !== undefined ? { line: error.line } : {}), ...(error.field !== undefined ? { field: error.field } : {}) })
    }
    return
  }
  let index = 0
  for await (const record of input) {
    const result = CallRecordSchema.safeParse(record)
    if (!result.success) {
      const issue = result.error.issues[0]!
      const field = issue.path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`)).join('').replace(/^\./, '')
      throw new JudgeError('record_invalid', `record ${index} (${JSON.stringify((record as { callId?: unknown } | null)?.callId)}): ${field || '(record)'}: ${issue.message}`, { field: field || '(record)' })
    }
    index += 1
    yield record
  }
}

export interface VerdictSummary {
  calls: number
  passed: number
  failed: number
  byFactor: { system: number; dialogue: number; both: number }
  /** Failed calls per reason code (a call counts once per code). */
  byCode: Record<string, number>
  turnsJudged: number
  hallucinatedTurns: number
}

/** Counts verdicts for a summary table. */
export function summarizeVerdicts(verdicts: Verdict[]): VerdictSummary {
  const summary: VerdictSummary = { calls: 0, passed: 0, failed: 0, byFactor: { system: 0, dialogue: 0, both: 0 }, byCode: {}, turnsJudged: 0, hallucinatedTurns: 0 }
  for (const verdict of verdicts) {
    summary.calls += 1
    if (verdict.outcome === 'pass') summary.passed += 1
    else summary.failed += 1
    if (verdict.factor) summary.byFactor[verdict.factor] += 1
    for (const code of new Set(verdict.reasons.map((reason) => reason.code))) summary.byCode[code] = (summary.byCode[code] ?? 0) + 1
    summary.turnsJudged += verdict.turnsJudged
    summary.hallucinatedTurns += verdict.hallucinations.length
  }
  return summary
}
