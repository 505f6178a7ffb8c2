import type { AudioTiming, CallRecord } from '../call-record.ts'
import { CALL_RECORD_SCHEMA, CALL_RECORD_VERSION } from '../call-record.ts'
import type { CallScript } from '../call-script.ts'
import { round, type CallState } from './call-state.ts'
import { percentile } from './percentile.ts'
import { sanitizeUrl } from './sanitize-url.ts'

/** Transcribes a turn's agent audio (μ-law) into `heardText` and its companions (Twilio). */
export type Transcribe = (audio: Buffer, script: CallScript) => Promise<Pick<AudioTiming, 'heardText' | 'heardConfidence' | 'heardBy' | 'heardError' | 'silent' | 'unplayable'>>

/** Who ran the call, as the record names it, and how to transcribe its agent audio. */
export interface CallIdentity {
  callId: string
  runId: string
  agentUrl: string
  protocol: 'text' | 'twilio'
  repeat: number
  shard?: { index: number; total: number }
  /** Twilio: transcribes a turn's agent audio (μ-law) into `heardText` and its companions. Default: none. */
  transcribe?: Transcribe
}

/**
 * The call record of a finished call: the state's turns, events and ending, the transport's
 * audio timings, transcripts of the agent's audio and frame pacing (Twilio), and the script's
 * metadata. The call's duration is taken before transcribing.
 */
export async function buildCallRecord(state: CallState, script: CallScript, identity: CallIdentity, startedAt: Date): Promise<CallRecord> {
  const { transport, transportInfo } = state
  const durationMs = round(state.clock())
  for (const turn of state.turns) {
    const audio = transport?.audioTiming?.(turn.index)
    if (!audio) continue
    const bytes = transport?.agentAudio?.(turn.index)
    turn.agent.audio = bytes && identity.transcribe ? { ...audio, ...(await identity.transcribe(bytes, script)) } : audio
  }
  if (transport?.callSid) transportInfo.callSid = transport.callSid
  const pacing = transport?.pacing?.()
  if (pacing && pacing.framesSent > 0) {
    const sorted = [...pacing.latenessMs].sort((left, right) => left - right)
    transportInfo.framesSent = pacing.framesSent
    transportInfo.pacingLatenessMs = { p50: round(percentile(sorted, 0.5)), p99: round(percentile(sorted, 0.99)), max: round(sorted[sorted.length - 1] ?? 0) }
  }
  const record: CallRecord = {
    schema: CALL_RECORD_SCHEMA,
    version: CALL_RECORD_VERSION,
    callId: identity.callId,
    runId: identity.runId,
    scriptId: script.id,
    scriptFile: script.file,
    tags: script.tags,
    language: script.language,
    protocol: identity.protocol,
    agentUrl: sanitizeUrl(identity.agentUrl),
    repeat: identity.repeat,
    startedAt: startedAt.toISOString(),
    endedAt: new Date(startedAt.getTime() + durationMs).toISOString(),
    durationMs,
    endedBy: state.endedBy ?? 'harness',
    transport: transportInfo,
    turns: state.turns,
    events: state.events,
    redacted: false,
  }
  if (script.title !== undefined) record.title = script.title
  if (script.knowledgeBase !== undefined) record.knowledgeBase = script.knowledgeBase
  if (script.persona !== undefined) record.persona = script.persona
  if (script.goal !== undefined) record.goal = script.goal
  if (identity.shard) record.shard = identity.shard
  if (state.failure) record.failure = state.failure
  if (script.expectations) record.expectations = script.expectations
  return record
}
