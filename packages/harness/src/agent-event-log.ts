import { closeSync, openSync, readSync, statSync } from 'node:fs'
import type { AgentEventRecord, CallRecord } from './call-record.ts'
import { HarnessError } from './harness-error.ts'

export const AGENT_EVENT_SCHEMA = 'voxguard.agent-event'
export const AGENT_EVENT_VERSION = 1

/**
 * One line of an agent event log (docs/protocol.md, "Agent event log"): an event the agent
 * wrote itself, keyed by the harness's call id and/or Twilio's `callSid`.
 */
export interface AgentEventLogEntry {
  schema: typeof AGENT_EVENT_SCHEMA
  version: typeof AGENT_EVENT_VERSION
  /** When the agent recorded it (ISO 8601). */
  at: string
  callId?: string
  callSid?: string
  name: string
  data?: Record<string, unknown>
}

/** Parses one line of an agent event log; errors name the file, line and field. */
export function parseAgentEventLine(line: string, file = '<agent events>', lineNumber = 1): AgentEventLogEntry {
  const where = `${file}:${lineNumber}`
  const fail = (message: string) => new HarnessError('agent_events_invalid', `${where}: ${message}`, { file, line: lineNumber, ...(message.includes('"') ? { field: message.split('"')[1] } : {}) })
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    throw new HarnessError('agent_events_invalid', `${where}: not valid JSON (${(error as Error).message})`, { file, line: lineNumber, cause: error })
  }
  const entry = value as Partial<AgentEventLogEntry> | null
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw fail('an agent event must be a JSON object')
  if (entry.schema !== AGENT_EVENT_SCHEMA) throw fail(`"schema" must be "${AGENT_EVENT_SCHEMA}" (got ${JSON.stringify(entry.schema)})`)
  if (entry.version !== AGENT_EVENT_VERSION) throw fail(`"version" ${JSON.stringify(entry.version)} is not supported (this harness reads version ${AGENT_EVENT_VERSION})`)
  if (typeof entry.name !== 'string' || entry.name === '') throw fail('"name" must be a non-empty string')
  if (typeof entry.at !== 'string' || Number.isNaN(Date.parse(entry.at))) throw fail('"at" must be an ISO 8601 time')
  if (typeof entry.callId !== 'string' && typeof entry.callSid !== 'string') throw fail('"callId" or "callSid" must be a string (which call the event belongs to)')
  if (entry.data !== undefined && (typeof entry.data !== 'object' || entry.data === null || Array.isArray(entry.data))) throw fail('"data" must be an object')
  return entry as AgentEventLogEntry
}

/**
 * Reads an agent event log that the agent may still be writing: each `read()` takes the
 * complete lines appended since the last one (a half-written last line waits for the next
 * read) and indexes them by call id and `callSid`. A missing file reads as empty.
 *
 * @example
 * const log = new AgentEventLogReader('/tmp/agent-events.jsonl')
 * const joined = joinAgentEvents(record, log.read().eventsOf(record))
 */
export class AgentEventLogReader {
  readonly file: string
  #offset = 0
  #lineNumber = 0
  #pending = ''
  readonly #byKey = new Map<string, AgentEventLogEntry[]>()

  constructor(file: string) {
    this.file = file
  }

  /** Takes in the lines written since the last read. Throws a `HarnessError` naming file and line for a bad line. */
  read(): this {
    let size: number
    try {
      size = statSync(this.file).size
    } catch {
      return this
    }
    if (size <= this.#offset) return this
    const buffer = Buffer.alloc(size - this.#offset)
    const descriptor = openSync(this.file, 'r')
    try {
      readSync(descriptor, buffer, 0, buffer.length, this.#offset)
    } finally {
      closeSync(descriptor)
    }
    this.#offset = size
    const text = this.#pending + buffer.toString('utf8')
    const lines = text.split('\n')
    this.#pending = lines.pop() ?? ''
    for (const line of lines) {
      this.#lineNumber++
      if (line.trim() === '') continue
      const entry = parseAgentEventLine(line, this.file, this.#lineNumber)
      for (const key of [entry.callId && `id:${entry.callId}`, entry.callSid && `sid:${entry.callSid}`]) {
        if (!key) continue
        const list = this.#byKey.get(key) ?? []
        list.push(entry)
        this.#byKey.set(key, list)
      }
    }
    return this
  }

  /** The events of one call: those keyed by its call id or its Twilio `callSid` (each once). */
  eventsOf(record: Pick<CallRecord, 'callId' | 'transport'>): AgentEventLogEntry[] {
    const byId = this.#byKey.get(`id:${record.callId}`) ?? []
    const bySid = record.transport.callSid ? (this.#byKey.get(`sid:${record.transport.callSid}`) ?? []) : []
    return [...new Set([...byId, ...bySid])]
  }
}

/**
 * Joins an agent's logged events into a call record: each becomes an `events` entry
 * (`source: 'agent-log'`) at its time relative to the call's start, in the turn that was
 * running then (the last turn whose caller action had been sent). An event the agent also
 * sent in band (same name in the same turn) is not added twice. Returns a new record.
 */
export function joinAgentEvents(record: CallRecord, entries: readonly AgentEventLogEntry[]): CallRecord {
  if (entries.length === 0) return record
  const startedAt = Date.parse(record.startedAt)
  const inBand = new Set(record.events.filter((event) => event.source !== 'agent-log').map((event) => `${event.turn}#${event.name}`))
  const joined: AgentEventRecord[] = []
  for (const entry of entries) {
    const atMs = Math.round((Date.parse(entry.at) - startedAt) * 100) / 100
    let turn = 0
    for (const candidate of record.turns) if (candidate.index > 0 && candidate.sentAtMs <= atMs) turn = candidate.index
    if (inBand.has(`${turn}#${entry.name}`)) continue
    joined.push({ name: entry.name, ...(entry.data ? { data: entry.data } : {}), atMs, turn, source: 'agent-log' })
  }
  const events = [...record.events.filter((event) => event.source !== 'agent-log'), ...joined].sort((left, right) => left.atMs - right.atMs)
  return { ...record, events }
}
