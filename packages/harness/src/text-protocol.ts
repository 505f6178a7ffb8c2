/**
 * The voxguard text protocol v1 (docs/protocol.md), as types and names: the one place the
 * harness, the example agent and any agent in TypeScript take them from.
 */

/** The protocol version `start` carries. */
export const TEXT_PROTOCOL_VERSION = 1

/** What the harness (the caller) sends. */
export type CallerFrame =
  | { type: 'start'; version: typeof TEXT_PROTOCOL_VERSION; callId: string; scriptId: string; from?: string; to?: string; metadata?: Record<string, unknown> }
  | { type: 'caller.text'; turn: number; text: string }
  | { type: 'caller.dtmf'; turn: number; digits: string }
  | { type: 'caller.silence'; turn: number; durationMs: number }
  | { type: 'caller.hangup' }

/** What the agent sends. */
export type AgentFrame =
  | { type: 'ready'; callId: string }
  | { type: 'agent.delta'; replyId: string; text: string }
  | { type: 'agent.final'; replyId: string; text: string; interrupted?: boolean }
  | { type: 'agent.tool_call'; replyId?: string; name: string; arguments: Record<string, unknown>; result?: unknown }
  | { type: 'agent.event'; name: string; data?: Record<string, unknown> }
  | { type: 'agent.hangup'; reason?: string }

/**
 * The agent event names the judge knows (docs/protocol.md, "Agent events"); an agent may
 * send others, which are recorded as they are. Sent in `agent.event` frames or the agent
 * event log; read from `CallRecord.events[].name`.
 */
export const AGENT_EVENTS = {
  /** `{ from, to, reason }`: the LLM call moved to another target; evidence only. */
  llmFallback: 'llm.fallback',
  /** `{ route, attempts, spokenChars? }`: every LLM target failed; system factor `llm_unavailable`. */
  llmAllFailed: 'llm.all_failed',
  /** `{ route, elapsedMs, spokenChars? }`: the LLM call ran out of time; system factor `llm_unavailable`. */
  llmDeadline: 'llm.deadline',
  /** `{ route, kind }`: a step's route failed and the agent carried on without it; evidence only. */
  llmDegraded: 'llm.degraded',
  /** `{ message }`: speech recognition failed; system factor `asr_failure`. */
  asrError: 'asr.error',
  /** `{}`: speech recognition heard nothing; system factor `asr_failure`. */
  asrEmpty: 'asr.empty',
  /** `{ text, confidence? }`: what the agent's recogniser heard the caller say; on audio calls the judge compares it with the script (`asr_misrecognition`). */
  asrResult: 'asr.result',
  /** `{ replyId, text, interrupted? }`: what the agent meant to say in a reply; on audio calls the judge reads it as the reply's text. */
  replyText: 'reply.text',
  /** `{ message }`: speech synthesis failed; system factor `tts_failure`. */
  ttsError: 'tts.error',
  /** `{ reason }`: the call was handed to a human; evidence. */
  handoffHuman: 'handoff.human',
} as const

/** One of the agent event names the judge knows. */
export type AgentEventName = (typeof AGENT_EVENTS)[keyof typeof AGENT_EVENTS]
