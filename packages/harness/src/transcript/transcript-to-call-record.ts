import { CALL_RECORD_SCHEMA, CALL_RECORD_VERSION, type AgentEventRecord, type CallerAction, type CallRecord, type TurnRecord } from '../call-record.ts'
import { redactRecord } from '../redact-record.ts'
import { DEFAULT_REDACTION_PATTERNS, type RedactionPattern } from '../redact-text.ts'
import { callerNamePatterns } from './caller-name-patterns.ts'
import type { TranscriptCall } from './read-transcripts.ts'
import { TRANSCRIPT_EVENTS } from './transcript-events.ts'
import type { AgentToolCallData, AgentUtteranceData, CallEndData, CallerUtteranceData, CallStartData } from './transcript-line-schema.ts'

export interface TranscriptToCallRecordOptions {
  /** The run id the records get (e.g. `production-2026-12-02`). Required. */
  runId: string
  /** Knowledge-base file (absolute path) the judge grounds the calls in. Default: none (the judge's `--knowledge`). */
  knowledgeBase?: string
  /** Tags besides `production`. Default: none. */
  tags?: string[]
  /**
   * Redaction (privacy by default): `default` replaces e-mail addresses, phone numbers and
   * card numbers (the harness's `DEFAULT_REDACTION_PATTERNS`), `names` also the names the
   * caller gave (`callerNamePatterns`), `off` writes the texts as they are. Default `default`.
   */
  redaction?: 'default' | 'names' | 'off'
}

/**
 * Builds the call record (`voxguard.call-record` v1) of one production call, so the judge and
 * the SLIs treat it like a replayed one: a turn per caller utterance, DTMF or silence (turn 0
 * is what the agent said first), each agent utterance in the turn that was running when it
 * started (`firstByteMs` from the end of the caller's words to its start, `completeMs` to its
 * end), tool calls and agent events likewise. A caller utterance that starts after an
 * interrupted reply began and before it ended is a barge-in. Redacted unless `redaction: 'off'`.
 */
export function transcriptToCallRecord(call: TranscriptCall, options: TranscriptToCallRecordOptions): CallRecord {
  const entries = call.entries
  const start = entries.find((entry) => entry.name === TRANSCRIPT_EVENTS.callStart)
  const startData = (start?.data ?? {}) as CallStartData
  const startedAtMs = Date.parse((start ?? entries[0]!).at)
  const relative = (iso: string) => round(Date.parse(iso) - startedAtMs)
  const end = entries.findLast((entry) => entry.name === TRANSCRIPT_EVENTS.callEnd)
  const endedAtMs = Math.max(...entries.map((entry) => Date.parse(entry.at)))

  const turns: TurnRecord[] = [newTurn(0, 0)]
  const callerStartOf = new Map<TurnRecord, number>()
  const byAgentTurn = new Map<number, TurnRecord>()
  const counted = (record: TurnRecord, data: { turn?: number | undefined } | undefined) => {
    if (data?.turn !== undefined) byAgentTurn.set(data.turn, record)
    return record
  }
  const agentLines: Array<{ atMs: number; data: AgentUtteranceData }> = []
  const toolLines: Array<{ atMs: number; data: AgentToolCallData }> = []
  const eventLines: AgentEventRecord[] = []
  for (const entry of entries) {
    const atMs = relative(entry.at)
    switch (entry.name) {
      case TRANSCRIPT_EVENTS.callStart:
      case TRANSCRIPT_EVENTS.callEnd:
        break
      case TRANSCRIPT_EVENTS.callerUtterance: {
        const data = entry.data as CallerUtteranceData
        const turn = newTurn(turns.length, relative(data.endAt), { kind: 'text', text: data.text })
        callerStartOf.set(turn, relative(data.startAt))
        turns.push(counted(turn, data))
        break
      }
      case TRANSCRIPT_EVENTS.callerDtmf:
        turns.push(counted(newTurn(turns.length, atMs, { kind: 'dtmf', digits: String(entry.data?.['digits']) }), entry.data))
        break
      case TRANSCRIPT_EVENTS.callerSilence:
        turns.push(counted(newTurn(turns.length, atMs, { kind: 'silence', durationMs: Number(entry.data?.['durationMs']) }), entry.data))
        break
      case TRANSCRIPT_EVENTS.agentUtterance: {
        const data = entry.data as AgentUtteranceData
        agentLines.push({ atMs: relative(data.startAt), data })
        break
      }
      case TRANSCRIPT_EVENTS.agentToolCall:
        toolLines.push({ atMs, data: entry.data as AgentToolCallData })
        break
      default:
        eventLines.push({ name: entry.name, ...(entry.data ? { data: entry.data } : {}), atMs, turn: 0, source: 'agent-log' })
    }
  }
  turns.sort((left, right) => left.sentAtMs - right.sentAtMs || left.index - right.index)
  turns.forEach((turn, index) => (turn.index = index))
  byAgentTurn.set(0, turns[0]!)
  /** The turn a line belongs to: the one the agent numbered, else the last one begun by then. */
  const turnAt = (atMs: number, agentTurn?: number) => (agentTurn !== undefined ? byAgentTurn.get(agentTurn) : undefined) ?? turns.findLast((turn) => turn.index === 0 || turn.sentAtMs <= atMs)!

  for (const { atMs, data } of agentLines) {
    const turn = turnAt(atMs, data.turn)
    const agent = turn.agent
    agent.text = agent.text === '' ? data.text : data.text === '' ? agent.text : `${agent.text} ${data.text}`
    agent.deltaCount += data.text === '' ? 0 : 1
    agent.firstByteMs ??= round(atMs - turn.sentAtMs)
    agent.completeMs = round(relative(data.endAt) - turn.sentAtMs)
    if (data.interrupted) agent.interrupted = true
    else delete agent.interrupted
    const next = turns[turn.index + 1]
    const callerStart = next ? callerStartOf.get(next) : undefined
    if (next?.caller?.kind === 'text' && data.interrupted && callerStart !== undefined && callerStart > atMs && callerStart < relative(data.endAt)) {
      next.caller = { kind: 'barge-in', text: next.caller.text, afterMs: Math.max(0, Math.round(callerStart - atMs)) }
    }
  }
  // The caller hung up while a reply was playing: a hang-up turn, as a harness records one.
  const endData = end?.data as CallEndData | undefined
  const lastAgent = agentLines.at(-1)
  if (end && endData?.endedBy === 'caller' && lastAgent?.data.interrupted && relative(end.at) <= relative(lastAgent.data.endAt) + 1) {
    const hangupAtMs = relative(end.at)
    const turn = newTurn(turns.length, hangupAtMs, { kind: 'hangup', afterMs: Math.max(0, Math.round(hangupAtMs - lastAgent.atMs)) })
    turns.push(turn)
  }
  for (const { atMs, data } of toolLines) turnAt(atMs, data.turn).agent.toolCalls.push({ name: data.name, arguments: data.arguments, ...(data.result !== undefined ? { result: data.result } : {}), atMs })
  for (const event of eventLines) event.turn = turnAt(event.atMs).index

  const record: CallRecord = {
    schema: CALL_RECORD_SCHEMA,
    version: CALL_RECORD_VERSION,
    callId: call.callId,
    runId: options.runId,
    scriptId: startData.scriptId ?? 'production',
    scriptFile: call.file,
    tags: ['production', ...(options.tags ?? [])],
    ...(options.knowledgeBase ? { knowledgeBase: options.knowledgeBase } : {}),
    protocol: call.callSid ? 'twilio' : 'text',
    agentUrl: 'production',
    repeat: 1,
    startedAt: new Date(startedAtMs).toISOString(),
    endedAt: new Date(endedAtMs).toISOString(),
    durationMs: round(endedAtMs - startedAtMs),
    endedBy: endData?.endedBy ?? 'caller',
    transport: call.callSid ? { callSid: call.callSid } : {},
    turns,
    events: eventLines.sort((left, right) => left.atMs - right.atMs),
    redacted: false,
  }
  const redaction = options.redaction ?? 'default'
  if (redaction === 'off') return record
  const patterns: RedactionPattern[] = [...DEFAULT_REDACTION_PATTERNS, ...(redaction === 'names' ? callerNamePatterns(record) : [])]
  return redactRecord(record, patterns)
}

function newTurn(index: number, sentAtMs: number, caller?: CallerAction): TurnRecord {
  const turn: TurnRecord = { index, sentAtMs, agent: { text: '', deltaCount: 0, toolCalls: [] }, timedOut: false }
  if (caller) turn.caller = caller
  return turn
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
