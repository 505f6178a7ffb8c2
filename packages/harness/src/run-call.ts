import type WebSocket from 'ws'
import type { CallRecord } from './call-record.ts'
import type { CallScript } from './call-script.ts'
import type { CreateCallTransport } from './call-transport.ts'
import type { CallerAudio } from './audio/caller-audio.ts'
import type { FrameScheduler } from './audio/frame-scheduler.ts'
import { buildCallRecord, type CallIdentity } from './internal/build-call-record.ts'
import { CallState } from './internal/call-state.ts'
import { playScript } from './internal/play-script.ts'

/** Settings for one call (who runs it, as its record names it, and how); `runCalls` fills them from its options. */
export interface RunCallSettings extends CallIdentity {
  turnTimeoutMs: number
  callTimeoutMs: number
  /** After the last scripted turn, wait this long for the agent to hang up before the caller does. */
  endGraceMs: number
  replyEndSilenceMs: number
  createTransport: CreateCallTransport
  createWebSocket: (url: string) => WebSocket
  callerAudio: CallerAudio
  frameScheduler: FrameScheduler
  signal?: AbortSignal
}

/**
 * Runs one scripted call and returns its record. Never throws for agent behaviour: a
 * refused connection, dropped socket, silent agent or malformed frame ends the call with
 * `failure` set and the evidence (close code, last message, timings).
 *
 * The steps: open the transport (its signals fill a `CallState`), play the script
 * (`playScript`), close everything, build the record (`buildCallRecord`). A call timer and
 * the run's abort signal end the call at any step.
 */
export async function runCall(script: CallScript, settings: RunCallSettings): Promise<CallRecord> {
  const startedAt = new Date()
  const origin = performance.now()
  const state = new CallState(() => Math.round((performance.now() - origin) * 100) / 100, settings.turnTimeoutMs)
  const callTimer = setTimeout(() => state.end('harness', 'call_timeout', `call did not finish within callTimeoutMs ${settings.callTimeoutMs}`), settings.callTimeoutMs)
  const onAbort = () => state.end('harness', 'harness_error', 'the run was aborted')
  settings.signal?.addEventListener('abort', onAbort, { once: true })
  try {
    const transport = settings.createTransport({
      callId: settings.callId,
      script,
      agentUrl: settings.agentUrl,
      clock: state.clock,
      emit: state.onSignal,
      createWebSocket: settings.createWebSocket,
      callerAudio: settings.callerAudio,
      frameScheduler: settings.frameScheduler,
      replyEndSilenceMs: settings.replyEndSilenceMs,
    })
    state.transport = transport
    if (settings.signal?.aborted) onAbort()
    else transport.open()
    await playScript(state, transport, script, settings)
  } catch (error) {
    state.end('error', 'harness_error', `harness error: ${(error as Error).message}`)
  } finally {
    clearTimeout(callTimer)
    settings.signal?.removeEventListener('abort', onAbort)
    state.transport?.close()
    state.settle()
  }
  return await buildCallRecord(state, script, settings, startedAt)
}
