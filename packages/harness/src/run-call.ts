import type WebSocket from 'ws'
import type { AgentEventRecord, AudioTiming, CallFailure, CallFailureKind, CallRecord, TurnRecord } from './call-record.ts'
import { CALL_RECORD_SCHEMA, CALL_RECORD_VERSION } from './call-record.ts'
import type { CallScript } from './call-script.ts'
import type { AgentSignal, CallTransport, CreateCallTransport } from './call-transport.ts'
import type { CallerAudio } from './audio/caller-audio.ts'
import type { FrameScheduler } from './audio/frame-scheduler.ts'
import { percentile } from './internal/percentile.ts'
import { RECORD_LIMITS } from './record-limits.ts'
import { sanitizeUrl } from './internal/sanitize-url.ts'

/** Settings for one call; `runCalls` fills them from its options. */
export interface RunCallSettings {
  callId: string
  runId: string
  agentUrl: string
  protocol: 'text' | 'twilio'
  repeat: number
  shard?: { index: number; total: number }
  turnTimeoutMs: number
  callTimeoutMs: number
  /** After the last scripted turn, wait this long for the agent to hang up before the caller does. */
  endGraceMs: number
  replyEndSilenceMs: number
  createTransport: CreateCallTransport
  createWebSocket: (url: string) => WebSocket
  callerAudio: CallerAudio
  frameScheduler: FrameScheduler
  /** Twilio: transcribes a turn's agent audio (μ-law) into `heardText` and its companions. Default: none. */
  transcribe?: (audio: Buffer, script: CallScript) => Promise<Pick<AudioTiming, 'heardText' | 'heardConfidence' | 'heardBy' | 'heardError' | 'silent' | 'unplayable'>>
  signal?: AbortSignal
}

type Wait = 'ok' | 'timeout' | 'ended'

/**
 * Runs one scripted call and returns its record. Never throws for agent behaviour: a
 * refused connection, dropped socket, silent agent or malformed frame ends the call with
 * `failure` set and the evidence (close code, last message, timings).
 */
export async function runCall(script: CallScript, settings: RunCallSettings): Promise<CallRecord> {
  const startedAt = new Date()
  const origin = performance.now()
  const clock = () => Math.round((performance.now() - origin) * 100) / 100
  const turns: TurnRecord[] = [newTurn(0, 0)]
  const events: AgentEventRecord[] = []
  const transportInfo: CallRecord['transport'] = {}
  let ready = false
  let failure: CallFailure | undefined
  let endedBy: CallRecord['endedBy'] | undefined
  let currentTurn = 0
  const replyStarted = new Set<number>()
  const replyEnded = new Set<number>()
  const lastActivityAtMs = new Map<number, number>()
  const waiters = new Set<() => void>()
  let transport: CallTransport | undefined
  // Set once the record is being built: a socket event after that (the close handshake of a
  // socket the harness closed) must not change a record that is already written.
  let settled = false

  const ended = () => endedBy !== undefined
  const end = (by: CallRecord['endedBy'], kind?: CallFailureKind, message?: string, extra: Partial<CallFailure> = {}) => {
    if (ended()) return
    endedBy = by
    if (kind) failure = { kind, message: message ?? kind, turn: currentTurn, atMs: clock(), ...lastMessageOf(transport), ...extra }
    notify()
    // A failed call (timeout, abort, transport error) closes now: a caller action in progress
    // (a long silence, audio still streaming) then ends instead of running to its end.
    if (kind) transport?.close()
  }
  // Runs on every agent signal (each media frame in Twilio mode): iterates the set itself, no copy; a waiter only removes itself.
  const notify = () => {
    for (const waiter of waiters) waiter()
  }

  const onSignal = (signal: AgentSignal) => {
    if (settled || (ended() && signal.type !== 'closed')) return
    switch (signal.type) {
      case 'ready':
        ready = true
        turns[0]!.sentAtMs = signal.startSentAtMs
        break
      case 'reply-activity': {
        const turn = turns[signal.turn]
        if (!turn) break
        replyStarted.add(signal.turn)
        lastActivityAtMs.set(signal.turn, Math.max(signal.atMs, signal.activeUntilMs ?? 0))
        turn.agent.firstByteMs ??= round(signal.atMs - turn.sentAtMs)
        if (signal.text !== undefined) {
          if (turn.agent.text.length + signal.text.length > RECORD_LIMITS.maxTextChars) {
            end('error', 'protocol_error', `agent reply in turn ${signal.turn} is longer than ${RECORD_LIMITS.maxTextChars} characters (the record limit)`)
            break
          }
          turn.agent.text += signal.text
          turn.agent.deltaCount++
        }
        break
      }
      case 'reply-end': {
        const turn = turns[signal.turn]
        if (!turn) break
        replyStarted.add(signal.turn)
        replyEnded.add(signal.turn)
        turn.agent.firstByteMs ??= round(signal.atMs - turn.sentAtMs)
        turn.agent.completeMs = round(signal.atMs - turn.sentAtMs)
        if (signal.text !== undefined && signal.text.length > RECORD_LIMITS.maxTextChars) {
          end('error', 'protocol_error', `agent reply in turn ${signal.turn} is longer than ${RECORD_LIMITS.maxTextChars} characters (the record limit)`)
          break
        }
        if (signal.text !== undefined) turn.agent.text = signal.text
        if (signal.interrupted) turn.agent.interrupted = true
        break
      }
      case 'tool-call':
        if ((turns[signal.turn]?.agent.toolCalls.length ?? 0) >= RECORD_LIMITS.maxEvents) {
          end('error', 'protocol_error', `agent sent more than ${RECORD_LIMITS.maxEvents} tool calls in turn ${signal.turn} (the record limit)`)
          break
        }
        turns[signal.turn]?.agent.toolCalls.push({ name: signal.name, arguments: signal.arguments, ...('result' in signal ? { result: signal.result } : {}), atMs: signal.atMs })
        break
      case 'agent-event':
        if (events.length >= RECORD_LIMITS.maxEvents) {
          end('error', 'protocol_error', `agent sent more than ${RECORD_LIMITS.maxEvents} events in one call (the record limit)`)
          break
        }
        events.push({ name: signal.name, ...(signal.data ? { data: signal.data } : {}), atMs: signal.atMs, turn: signal.turn })
        break
      case 'agent-hangup':
        end('agent')
        break
      case 'closed':
        transportInfo.closeCode = signal.code
        if (signal.reason) transportInfo.closeReason = signal.reason
        end('error', 'socket_dropped', `agent closed the socket (code ${signal.code}) before the call ended`, { closeCode: signal.code, ...(signal.reason ? { closeReason: signal.reason } : {}) })
        break
      case 'failure':
        end(signal.kind === 'turn_timeout' || signal.kind === 'call_timeout' ? 'harness' : 'error', signal.kind, signal.message)
        break
    }
    notify()
  }

  const waitFor = (condition: () => boolean, timeoutMs: number): Promise<Wait> =>
    new Promise((resolve) => {
      const check = () => {
        const result: Wait | undefined = ended() ? 'ended' : condition() ? 'ok' : undefined
        if (result) finish(result)
      }
      const finish = (result: Wait) => {
        clearTimeout(timer)
        waiters.delete(check)
        resolve(result)
      }
      const timer = setTimeout(() => finish(ended() ? 'ended' : condition() ? 'ok' : 'timeout'), Math.max(0, timeoutMs))
      waiters.add(check)
      check()
    })
  /** Waits for the reply to `turn` to end; times out after turnTimeoutMs without any output. */
  const waitForReplyEnd = async (turn: TurnRecord): Promise<Wait> => {
    for (;;) {
      const since = lastActivityAtMs.get(turn.index) ?? turn.sentAtMs
      const remainingMs = since + settings.turnTimeoutMs - clock()
      if (remainingMs <= 0) return replyEnded.has(turn.index) ? 'ok' : 'timeout'
      const result = await waitFor(() => replyEnded.has(turn.index), remainingMs)
      if (result !== 'timeout') return result
    }
  }
  const sleepUntil = (atMs: number) => waitFor(() => clock() >= atMs, atMs - clock() + 1)

  const turnTimeout = (turn: TurnRecord, what: string) => {
    turn.timedOut = true
    end('harness', 'turn_timeout', `${what} within turnTimeoutMs ${settings.turnTimeoutMs} (longest silence while a reply is due)`)
  }

  const callTimer = setTimeout(() => end('harness', 'call_timeout', `call did not finish within callTimeoutMs ${settings.callTimeoutMs}`), settings.callTimeoutMs)
  const onAbort = () => end('harness', 'harness_error', 'the run was aborted')
  settings.signal?.addEventListener('abort', onAbort, { once: true })

  try {
    transport = settings.createTransport({
      callId: settings.callId,
      script,
      agentUrl: settings.agentUrl,
      clock,
      emit: onSignal,
      createWebSocket: settings.createWebSocket,
      callerAudio: settings.callerAudio,
      frameScheduler: settings.frameScheduler,
      replyEndSilenceMs: settings.replyEndSilenceMs,
    })
    if (settings.signal?.aborted) onAbort()
    else transport.open()
    if ((await waitFor(() => ready, settings.turnTimeoutMs)) === 'timeout') turnTimeout(turns[0]!, 'the agent did not accept the call (no "ready")')
    if (script.greeting && !ended()) {
      if ((await waitForReplyEnd(turns[0]!)) === 'timeout') turnTimeout(turns[0]!, 'the agent did not finish its greeting')
    }
    for (const [position, scriptTurn] of script.turns.entries()) {
      if (ended()) break
      const index = position + 1
      const turn = newTurn(index, clock())
      turn.caller = scriptTurn.action
      if (scriptTurn.expect) turn.expectations = scriptTurn.expect
      turns.push(turn)
      currentTurn = index
      const action = scriptTurn.action
      if (action.kind === 'hangup') {
        end('caller')
        await transport.hangup()
        break
      }
      turn.sentAtMs = await transport.perform(index, action, scriptTurn.audioFile)
      // An IVR collecting digits answers nothing: the caller goes on at once.
      if (scriptTurn.expect?.noReply) continue
      const next = script.turns[position + 1]?.action
      const interruptAfterMs = next?.kind === 'barge-in' || next?.kind === 'hangup' ? next.afterMs : undefined
      if (interruptAfterMs !== undefined) {
        // Interrupt this reply (barge-in, hang-up mid-answer) once `afterMs` of it has played.
        if ((await waitFor(() => replyStarted.has(index), settings.turnTimeoutMs)) === 'timeout') turnTimeout(turn, 'the agent did not start its reply')
        else await sleepUntil(turn.sentAtMs + (turn.agent.firstByteMs ?? 0) + interruptAfterMs)
        continue
      }
      if (action.kind === 'silence') {
        await sleepUntil(turn.sentAtMs + action.durationMs)
        if (!replyStarted.has(index)) continue
      }
      if ((await waitForReplyEnd(turn)) === 'timeout') turnTimeout(turn, turn.agent.firstByteMs === undefined ? 'the agent did not reply' : 'the agent went silent before completing its reply')
    }
    if (!ended()) {
      await waitFor(() => false, settings.endGraceMs)
      if (!ended()) {
        end('caller')
        await transport.hangup()
      }
    }
  } catch (error) {
    end('error', 'harness_error', `harness error: ${(error as Error).message}`)
  } finally {
    clearTimeout(callTimer)
    settings.signal?.removeEventListener('abort', onAbort)
    transport?.close()
    settled = true
  }

  const durationMs = round(clock())
  for (const turn of turns) {
    const audio = transport?.audioTiming?.(turn.index)
    if (!audio) continue
    const bytes = transport?.agentAudio?.(turn.index)
    turn.agent.audio = bytes && settings.transcribe ? { ...audio, ...(await settings.transcribe(bytes, script)) } : audio
  }
  if (transport?.callSid) transportInfo.callSid = transport.callSid
  const pacing = transport?.pacing?.()
  if (pacing && pacing.framesSent > 0) {
    const sorted = [...pacing.latenessMs].sort((left, right) => left - right)
    transportInfo.framesSent = pacing.framesSent
    transportInfo.pacingLatenessMs = { p50: round(percentile(sorted, 0.5)), p99: round(percentile(sorted, 0.99)), max: round(sorted[sorted.length - 1] ?? 0) }
  }
  const endedAt = new Date(startedAt.getTime() + durationMs)
  const record: CallRecord = {
    schema: CALL_RECORD_SCHEMA,
    version: CALL_RECORD_VERSION,
    callId: settings.callId,
    runId: settings.runId,
    scriptId: script.id,
    scriptFile: script.file,
    tags: script.tags,
    language: script.language,
    protocol: settings.protocol,
    agentUrl: sanitizeUrl(settings.agentUrl),
    repeat: settings.repeat,
    startedAt: startedAt.toISOString(),
    endedAt: endedAt.toISOString(),
    durationMs,
    endedBy: endedBy ?? 'harness',
    transport: transportInfo,
    turns,
    events,
    redacted: false,
  }
  if (script.title !== undefined) record.title = script.title
  if (script.knowledgeBase !== undefined) record.knowledgeBase = script.knowledgeBase
  if (script.persona !== undefined) record.persona = script.persona
  if (script.goal !== undefined) record.goal = script.goal
  if (settings.shard) record.shard = settings.shard
  if (failure) record.failure = failure
  if (script.expectations) record.expectations = script.expectations
  return record
}

function newTurn(index: number, sentAtMs: number): TurnRecord {
  return { index, sentAtMs, agent: { text: '', deltaCount: 0, toolCalls: [] }, timedOut: false }
}

function lastMessageOf(transport: CallTransport | undefined): Partial<CallFailure> {
  const lastMessage = transport?.lastMessage()
  return lastMessage === undefined ? {} : { lastMessage }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
