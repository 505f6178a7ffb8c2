import type WebSocket from 'ws'
import type { AudioTiming, CallerAction, CallFailureKind } from './call-record.ts'
import type { CallScript } from './call-script.ts'
import type { CallerAudio } from './audio/caller-audio.ts'
import type { FrameScheduler } from './audio/frame-scheduler.ts'

/**
 * What a transport reports while a call runs. Transports attribute agent output to the
 * turn it answers (`turn`); times are ms since the call started.
 */
export type AgentSignal =
  /** The agent accepted the call; `startSentAtMs` is when `start` was sent. */
  | { type: 'ready'; startSentAtMs: number }
  /** Reply output arrived: a text delta or an audio frame. */
  | { type: 'reply-activity'; turn: number; atMs: number; text?: string; /** Twilio: the reply's audio plays until then (counts as activity). */ activeUntilMs?: number }
  /** The reply is complete (text: `agent.final`; Twilio: its audio played and went quiet). */
  | { type: 'reply-end'; turn: number; atMs: number; text?: string; interrupted?: boolean }
  | { type: 'tool-call'; turn: number; atMs: number; name: string; arguments: Record<string, unknown>; result?: unknown }
  | { type: 'agent-event'; turn: number; atMs: number; name: string; data?: Record<string, unknown> }
  | { type: 'agent-hangup'; atMs: number; reason?: string }
  | { type: 'closed'; atMs: number; code: number; reason: string }
  | { type: 'failure'; atMs: number; kind: CallFailureKind; message: string }

/** Everything a transport needs for one call. */
export interface CallTransportContext {
  callId: string
  script: CallScript
  agentUrl: string
  /** ms since the call started. */
  clock: () => number
  emit: (signal: AgentSignal) => void
  /** Opens the WebSocket (injectable for tests). */
  createWebSocket: (url: string) => WebSocket
  /** Twilio: caller audio source (file or espeak-ng), shared by the run. */
  callerAudio: CallerAudio
  /** Twilio: the shared real-time frame pacer. */
  frameScheduler: FrameScheduler
  /** Twilio: a reply is complete once its audio has played and no media came for this long. */
  replyEndSilenceMs: number
}

/** One call over one WebSocket. Failures are reported with `emit`, never thrown. */
export interface CallTransport {
  /** Connects and sends the opening messages; `ready` (or a failure) is emitted. */
  open(): void
  /**
   * Performs a caller action for turn `turn` and resolves with the time the turn's clock
   * starts (text: when the message was sent; Twilio: end of the caller's audio / last DTMF
   * key / start of the silence). Resolves early if the call ends meanwhile.
   */
  perform(turn: number, action: CallerAction, audioFile?: string): Promise<number>
  /** The caller hangs up (text: `caller.hangup`; Twilio: `stop`), then the socket closes. */
  hangup(): Promise<void>
  /** Closes the socket now (timeouts, failures). Idempotent. */
  close(): void
  /** The last message received from the agent (truncated), for failure evidence. */
  lastMessage(): string | undefined
  /** Twilio: the call's `callSid` (sent in `start`). */
  callSid?: string
  /** Twilio: the agent's μ-law audio of a turn, as received (for the harness's recogniser). */
  agentAudio?(turn: number): Buffer | undefined
  /** Twilio: the audio measurements of a turn. */
  audioTiming?(turn: number): AudioTiming | undefined
  /** Twilio: frames sent and their pacing lateness. */
  pacing?(): { framesSent: number; latenessMs: number[] }
}

export type CreateCallTransport = (context: CallTransportContext) => CallTransport

/** Truncates agent messages kept as failure evidence. */
export function truncateMessage(text: string, maxLength = 500): string {
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text
}
