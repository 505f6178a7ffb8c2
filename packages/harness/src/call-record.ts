/**
 * The conversation record: one JSON line per call in `records.jsonl`, written by the
 * harness as each call ends and read by the judge. Versioned: readers check `schema`
 * and `version`. Times are milliseconds relative to `startedAt` unless named `...At`.
 */

export const CALL_RECORD_SCHEMA = 'voxguard.call-record'
export const CALL_RECORD_VERSION = 1

/** Expectations that apply to one turn (resolved from the script, variables substituted). */
export interface TurnExpectations {
  /** The reply's first byte must arrive within this many ms. */
  replyWithinMs?: number
  /** Any one of these must appear (case- and width-insensitive). */
  saysAny?: string[]
  /** All of these must appear (case- and width-insensitive). */
  saysAll?: string[]
  /** None of these may appear. */
  neverSays?: string[]
  /** Regular expressions (JavaScript syntax, flag `i`) the reply must match. */
  matches?: string[]
  /** A tool the agent must call in this turn, with arguments that must be a superset. */
  toolCalled?: { name: string; arguments?: Record<string, unknown> }
  /** No reply is due to this turn (an IVR collecting digits in silence): the caller goes on at once. */
  noReply?: boolean
}

/** Expectations about the whole call. */
export interface CallExpectations {
  /** None of these may appear in any agent reply. */
  neverSays?: string[]
  /** The agent must end the call (`agent.hangup`) / must not. */
  agentEndsCall?: boolean
  /** Tools that must have been called at least once in the call. */
  toolsCalled?: Array<{ name: string; arguments?: Record<string, unknown> }>
  /** The goal counts as reached when this tool was called (e.g. `book_appointment`) ... */
  goalTool?: string
  /** ... or when any agent reply says one of these. */
  goalSaysAny?: string[]
  /** Every reply's first byte within this many ms (latency budget). */
  replyWithinMs?: number
}

export type CallerAction =
  | { kind: 'text'; text: string }
  | { kind: 'dtmf'; digits: string }
  | { kind: 'silence'; durationMs: number }
  /** The caller speaks `text` after `afterMs` of the agent's reply has played. */
  | { kind: 'barge-in'; text: string; afterMs: number }
  /** The caller hangs up; with `afterMs`, mid-answer: once that much of the previous turn's reply has played. */
  | { kind: 'hangup'; afterMs?: number }

export interface ToolCallRecord {
  name: string
  arguments: Record<string, unknown>
  result?: unknown
  atMs: number
}

export interface AudioTiming {
  /** From the end of the caller's audio to the agent's first outbound media frame. */
  firstMediaMs?: number
  /** Playback length of the agent's audio (8000 bytes of μ-law per second). */
  playbackMs: number
  mediaFrames: number
  marksSent: string[]
  marksEchoed: string[]
  /** Time from the caller's barge-in to the agent's `clear`, when it barged in. */
  clearAfterMs?: number
  /** What the harness's own recogniser heard in the agent's audio (`heardText`). */
  heardText?: string
  /** The recogniser's confidence in `heardText` (0–1), when it gives one. */
  heardConfidence?: number
  /** Which recogniser produced `heardText` (e.g. `pocketsphinx`, `openai`). */
  heardBy?: string
  /** Why there is no `heardText` although the agent sent audio (no recogniser for the language, the recogniser failed). */
  heardError?: string
  /** Why the agent's audio cannot be played (e.g. a WAV file sent as μ-law), when it cannot. */
  unplayable?: string
  /** The reply's audio was digital silence or too quiet to hear (peak below -40 dBFS). */
  silent?: boolean
}

export interface TurnRecord {
  /** 0 is the agent's greeting (no caller action); caller turns start at 1. */
  index: number
  caller?: CallerAction
  /** When the caller's message (or end of its audio) was sent. */
  sentAtMs: number
  agent: {
    /** The whole reply text ('' when the agent said nothing). */
    text: string
    deltaCount: number
    /** From sentAtMs to the first delta/final (or first media frame). */
    firstByteMs?: number
    /** From sentAtMs to agent.final (or the last media frame). */
    completeMs?: number
    interrupted?: boolean
    toolCalls: ToolCallRecord[]
    audio?: AudioTiming
  }
  /** The agent did not complete its reply within the turn timeout. */
  timedOut: boolean
  expectations?: TurnExpectations
}

export interface AgentEventRecord {
  name: string
  data?: Record<string, unknown>
  atMs: number
  /** The turn during which the event arrived. */
  turn: number
  /** `agent-log` when it was joined from the agent's event log rather than sent in band. */
  source?: 'agent-log'
}

/** How the transport ended, for system-factor evidence. */
export type CallFailureKind =
  | 'connect_failed'
  | 'socket_dropped'
  | 'turn_timeout'
  | 'call_timeout'
  | 'protocol_error'
  | 'harness_error'

export interface CallFailure {
  kind: CallFailureKind
  message: string
  turn?: number
  closeCode?: number
  closeReason?: string
  /** The last message received from the agent before the failure (truncated). */
  lastMessage?: string
  atMs: number
}

export interface CallRecord {
  schema: typeof CALL_RECORD_SCHEMA
  version: typeof CALL_RECORD_VERSION
  /** Unique per call run: `${scriptId}#${repeat}` plus a run-unique suffix. */
  callId: string
  runId: string
  scriptId: string
  scriptFile: string
  title?: string
  tags: string[]
  /** Knowledge-base file, absolute path, when the script names one. */
  knowledgeBase?: string
  persona?: string
  goal?: string
  /** The script's language code (`en`, `ja`; optional, added in v1 without a version bump: older records have none). */
  language?: string
  protocol: 'text' | 'twilio'
  agentUrl: string
  repeat: number
  shard?: { index: number; total: number }
  startedAt: string
  endedAt: string
  durationMs: number
  /** Who ended the call. */
  endedBy: 'caller' | 'agent' | 'harness' | 'error'
  /** Set when the call did not run to the end of its script. */
  failure?: CallFailure
  transport: {
    closeCode?: number
    closeReason?: string
    /** Twilio: the call's `callSid` (joins the agent's event log). */
    callSid?: string
    /** Twilio: inbound media frames the harness sent (optional, added in v1 without a version bump). */
    framesSent?: number
    /** Twilio: how late frames were sent versus their 20 ms deadlines (optional). */
    pacingLatenessMs?: { p50: number; p99: number; max: number }
  }
  turns: TurnRecord[]
  events: AgentEventRecord[]
  expectations?: CallExpectations
  /** True when phone numbers and other patterns were redacted from texts. */
  redacted: boolean
}
