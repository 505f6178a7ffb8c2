import { AGENT_EVENTS } from '@voxguard/harness'

/** Stable reason codes. The table in README.md lists trigger, evidence and precedence for each. */
export type SystemReasonCode =
  | 'agent_unreachable'
  | 'socket_dropped'
  | 'turn_timeout'
  | 'latency_over_budget'
  | 'llm_unavailable'
  | 'asr_failure'
  | 'tts_failure'
  | 'asr_misrecognition'
  | 'audio_silence'
  | 'audio_unplayable'
  | 'protocol_error'
  | 'harness_error'

export type DialogueReasonCode = 'hallucination' | 'expectation_unmet' | 'task_incomplete' | 'misunderstanding' | 'loop' | 'premature_hangup'

export type ReasonCode = SystemReasonCode | DialogueReasonCode
export type Factor = 'system' | 'dialogue'

/** Every code with its factor, in the order reasons are reported. */
export const REASON_FACTORS: Readonly<Record<ReasonCode, Factor>> = {
  agent_unreachable: 'system',
  socket_dropped: 'system',
  turn_timeout: 'system',
  protocol_error: 'system',
  harness_error: 'system',
  llm_unavailable: 'system',
  asr_failure: 'system',
  tts_failure: 'system',
  asr_misrecognition: 'system',
  audio_silence: 'system',
  audio_unplayable: 'system',
  latency_over_budget: 'system',
  premature_hangup: 'dialogue',
  task_incomplete: 'dialogue',
  misunderstanding: 'dialogue',
  expectation_unmet: 'dialogue',
  hallucination: 'dialogue',
  loop: 'dialogue',
}

/** Agent events (docs/protocol.md) that are system faults, and the code each maps to. */
export const SYSTEM_EVENTS: Readonly<Record<string, SystemReasonCode>> = {
  [AGENT_EVENTS.llmAllFailed]: 'llm_unavailable',
  [AGENT_EVENTS.llmDeadline]: 'llm_unavailable',
  [AGENT_EVENTS.asrError]: 'asr_failure',
  [AGENT_EVENTS.asrEmpty]: 'asr_failure',
  [AGENT_EVENTS.ttsError]: 'tts_failure',
}
