/**
 * The production transcript (docs/protocol.md, "Production transcripts"): an agent event log
 * (`voxguard.agent-event` v1, one JSON line per event, keyed by call id / Twilio `callSid`)
 * that also holds the call's utterances. These are the names of the lines that make an event
 * log a transcript; every other line is an agent event (`AGENT_EVENTS`) and is kept as one.
 */
export const TRANSCRIPT_EVENTS = {
  /** `{ scriptId?, from?, to?, language? }`: the call began (optional: else the first line's time). */
  callStart: 'call.start',
  /** `{ text, startAt, endAt, confidence? }`: the caller said this (what the agent's recogniser heard). */
  callerUtterance: 'caller.utterance',
  /** `{ digits }`: the caller pressed keys. */
  callerDtmf: 'caller.dtmf',
  /** `{ durationMs }`: the caller stayed silent this long (the agent's silence timer fired). */
  callerSilence: 'caller.silence',
  /** `{ text, startAt, endAt, replyId?, interrupted? }`: the agent said this; `startAt` is its first audio or text. */
  agentUtterance: 'agent.utterance',
  /** `{ name, arguments, result? }`: the agent called a tool. */
  agentToolCall: 'agent.tool_call',
  /** `{ endedBy: 'caller' | 'agent' | 'error', reason? }`: the call ended. */
  callEnd: 'call.end',
} as const

export type TranscriptEventName = (typeof TRANSCRIPT_EVENTS)[keyof typeof TRANSCRIPT_EVENTS]
