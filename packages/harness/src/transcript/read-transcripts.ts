import { readFile } from 'node:fs/promises'
import { parseAgentEventLine, type AgentEventLogEntry } from '../agent-event-log.ts'
import { HarnessError } from '../harness-error.ts'
import { twilioTranscriptToLines } from './twilio-transcript-to-lines.ts'
import { TRANSCRIPT_DATA_SCHEMAS } from './transcript-line-schema.ts'

/** Where transcripts come from: voxguard's own JSONL (an agent event log), or a third party's export. */
export type TranscriptFormat = 'voxguard' | 'twilio-intelligence'

/** One call of a production transcript: its lines in time order. */
export interface TranscriptCall {
  /** The call's id (`callId`, else its Twilio `callSid`). */
  callId: string
  callSid?: string
  /** The file the call's first line came from. */
  file: string
  entries: AgentEventLogEntry[]
}

export interface ReadTranscriptsOptions {
  /** The files' format. Default `auto`: a JSON document with `sentences` is Twilio's, anything else voxguard JSONL. */
  format?: TranscriptFormat | 'auto'
  signal?: AbortSignal
}

/**
 * Reads production transcripts (docs/protocol.md, "Production transcripts") and groups their
 * lines by call: lines with a `callId` by it, lines with only a `callSid` join the call that
 * names both (else are their own call). Every line is checked: a bad one is a `HarnessError`
 * `transcript_invalid` naming file, line and field; nothing is skipped silently.
 *
 * @example
 * const calls = await readTranscripts(['logs/2026-12-02.jsonl'])
 * const records = calls.map((call) => transcriptToCallRecord(call, { runId: 'prod-2026-12-02' }))
 */
export async function readTranscripts(files: readonly string[], options: ReadTranscriptsOptions = {}): Promise<TranscriptCall[]> {
  const all: Array<{ entry: AgentEventLogEntry; file: string }> = []
  for (const file of files) {
    options.signal?.throwIfAborted()
    let content: string
    try {
      content = await readFile(file, { encoding: 'utf8', ...(options.signal ? { signal: options.signal } : {}) })
    } catch (error) {
      throw new HarnessError('transcript_invalid', `${file}: cannot read the transcript (${(error as Error).message})`, { file, cause: error })
    }
    const format = options.format && options.format !== 'auto' ? options.format : detectFormat(content)
    const entries = format === 'twilio-intelligence' ? twilioTranscriptToLines(content, file) : parseTranscriptJsonl(content, file)
    for (const entry of entries) all.push({ entry, file })
  }
  const idOfSid = new Map<string, string>()
  for (const { entry } of all) if (entry.callId && entry.callSid) idOfSid.set(entry.callSid, entry.callId)
  const calls = new Map<string, TranscriptCall>()
  for (const { entry, file } of all) {
    const callId = entry.callId ?? idOfSid.get(entry.callSid!) ?? entry.callSid!
    let call = calls.get(callId)
    if (!call) {
      call = { callId, file, entries: [] }
      calls.set(callId, call)
    }
    if (entry.callSid && !call.callSid) call.callSid = entry.callSid
    call.entries.push(entry)
  }
  for (const call of calls.values()) call.entries.sort((left, right) => Date.parse(left.at) - Date.parse(right.at))
  return [...calls.values()]
}

/** Parses voxguard transcript JSONL: each line an agent event, transcript lines' `data` checked. */
export function parseTranscriptJsonl(content: string, file: string): AgentEventLogEntry[] {
  const entries: AgentEventLogEntry[] = []
  const lines = content.split('\n')
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue
    const lineNumber = index + 1
    let entry: AgentEventLogEntry
    try {
      entry = parseAgentEventLine(line, file, lineNumber)
    } catch (error) {
      if (!HarnessError.isInstance(error)) throw error
      throw new HarnessError('transcript_invalid', error.message, { file, line: lineNumber, ...(error.field !== undefined ? { field: error.field } : {}), cause: error })
    }
    checkTranscriptData(entry, file, lineNumber)
    entries.push(entry)
  }
  return entries
}

/** Checks the `data` of a transcript line (`caller.utterance`, …) against its schema. */
export function checkTranscriptData(entry: AgentEventLogEntry, file: string, lineNumber: number): void {
  const schema = (TRANSCRIPT_DATA_SCHEMAS as Record<string, (typeof TRANSCRIPT_DATA_SCHEMAS)[keyof typeof TRANSCRIPT_DATA_SCHEMAS]>)[entry.name]
  if (!schema || (entry.data === undefined && entry.name === 'call.start')) return
  const result = schema.safeParse(entry.data)
  if (result.success) return
  const issue = result.error.issues[0]!
  const field = ['data', ...issue.path.map(String)].join('.')
  throw new HarnessError('transcript_invalid', `${file}:${lineNumber}: "${field}" of a ${entry.name} line: ${issue.message}`, { file, line: lineNumber, field })
}

function detectFormat(content: string): TranscriptFormat {
  const trimmed = content.trimStart()
  if (!trimmed.startsWith('{')) return 'voxguard'
  try {
    const value = JSON.parse(trimmed) as Record<string, unknown>
    return value && typeof value === 'object' && Array.isArray(value['sentences']) ? 'twilio-intelligence' : 'voxguard'
  } catch {
    return 'voxguard'
  }
}
