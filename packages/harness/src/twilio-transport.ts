import { randomBytes } from 'node:crypto'
import type WebSocket from 'ws'
import type { RawData } from 'ws'
import type { AudioTiming, CallerAction } from './call-record.ts'
import type { CallTransport, CallTransportContext } from './call-transport.ts'
import { truncateMessage } from './call-transport.ts'
import { MULAW_SILENCE } from './audio/mulaw.ts'
import type { PacedStream } from './audio/frame-scheduler.ts'
import { describeSocketError } from './internal/describe-socket-error.ts'

const FRAME_BYTES = 160
const DTMF_GAP_MS = 100

interface TurnAudio extends AudioTiming {
  sentAtMs?: number
  lastMediaAtMs?: number
}

/**
 * Plays Twilio's side of a bidirectional Media Stream: `connected`, `start` (with
 * `customParameters` callId and scriptId), inbound μ-law media every 20 ms for the whole
 * call (caller audio, else digital silence) paced by the shared `FrameScheduler`, `dtmf`,
 * mark echoes and `stop`. It keeps a playback clock of the agent's audio (8000 bytes/s):
 * marks are echoed when the audio queued before them has played, or at once on `clear`.
 */
export function createTwilioTransport(context: CallTransportContext): CallTransport {
  const { clock, emit, script } = context
  const streamSid = `MZ${randomBytes(16).toString('hex')}`
  const callSid = `CA${randomBytes(16).toString('hex')}`
  const accountSid = `AC${'0'.repeat(32)}`
  let socket: WebSocket | undefined
  let closed = false
  let callerEnded = false
  let last: string | undefined
  let sequence = 0
  let paced: PacedStream | undefined
  let framesSent = 0
  const latenessMs: number[] = []
  // Caller audio waiting to be streamed and who waits for it to finish.
  let outgoing: Buffer = Buffer.alloc(0)
  let outgoingOffset = 0
  let onOutgoingStart: (() => void) | undefined
  let onOutgoingDrained: (() => void) | undefined
  // Agent audio: which turn it answers, the playback clock and queued marks.
  let replyTurn = 0
  let bargeInTurn: number | undefined
  let bargeInStartMs: number | undefined
  let playbackEndsAtMs = 0
  let pendingMarks: Array<{ name: string; atMs: number; turn: number }> = []
  let markTimer: NodeJS.Timeout | undefined
  let replyEndTimer: NodeJS.Timeout | undefined
  const audioByTurn = new Map<number, TurnAudio>()
  const closeWaiters: Array<() => void> = []

  const audioOf = (turn: number): TurnAudio => {
    let audio = audioByTurn.get(turn)
    if (!audio) {
      audio = { playbackMs: 0, mediaFrames: 0, marksSent: [], marksEchoed: [] }
      audioByTurn.set(turn, audio)
    }
    return audio
  }

  // Nothing is sent after `stop` (Twilio's last message).
  let stopped = false
  const sendRaw = (text: string) => {
    if (!stopped && socket && socket.readyState === socket.OPEN) socket.send(text)
  }
  const send = (message: object) => sendRaw(JSON.stringify(message))
  const nextSequence = () => String(++sequence)

  const protocolError = (message: string) => {
    emit({ type: 'failure', atMs: clock(), kind: 'protocol_error', message })
    close()
  }

  const sendFrame = (frameIndex: number, lateByMs: number) => {
    if (!socket || socket.readyState !== socket.OPEN) return
    let payload: Buffer
    const remaining = outgoing.length - outgoingOffset
    if (remaining > 0) {
      if (outgoingOffset === 0) onOutgoingStart?.()
      payload = outgoing.subarray(outgoingOffset, outgoingOffset + FRAME_BYTES)
      outgoingOffset += FRAME_BYTES
      if (payload.length < FRAME_BYTES) payload = Buffer.concat([payload, Buffer.alloc(FRAME_BYTES - payload.length, MULAW_SILENCE)])
    } else {
      payload = SILENT_FRAME
    }
    framesSent++
    latenessMs.push(lateByMs)
    // Same JSON as JSON.stringify({ event, sequenceNumber, streamSid, media: { track, chunk, timestamp, payload } }), built by hand: this runs 50 times a second per call.
    const base64 = payload === SILENT_FRAME ? SILENT_FRAME_BASE64 : payload.toString('base64')
    sendRaw(`{"event":"media","sequenceNumber":"${nextSequence()}","streamSid":"${streamSid}","media":{"track":"inbound","chunk":"${frameIndex + 1}","timestamp":"${frameIndex * 20}","payload":"${base64}"}}`)
    if (remaining > 0 && outgoingOffset >= outgoing.length) {
      const drained = onOutgoingDrained
      onOutgoingDrained = undefined
      onOutgoingStart = undefined
      drained?.()
    }
  }

  const echoMarks = (upToMs: number) => {
    const due = pendingMarks.filter((mark) => mark.atMs <= upToMs)
    pendingMarks = pendingMarks.filter((mark) => mark.atMs > upToMs)
    for (const mark of due) {
      send({ event: 'mark', sequenceNumber: nextSequence(), streamSid, mark: { name: mark.name } })
      audioOf(mark.turn).marksEchoed.push(mark.name)
    }
    armMarkTimer()
  }

  const armMarkTimer = () => {
    if (markTimer) clearTimeout(markTimer)
    markTimer = undefined
    const next = pendingMarks[0]
    if (!next || closed) return
    markTimer = setTimeout(() => echoMarks(clock()), Math.max(0, next.atMs - clock()))
    markTimer.unref()
  }

  // One lazy timer per call: media only moves the due time; the timer re-arms when it fires early.
  let replyEndTurn = 0
  let replyEndDueMs = 0
  const fireReplyEnd = () => {
    replyEndTimer = undefined
    const remainingMs = replyEndDueMs - clock()
    if (remainingMs > 0) {
      replyEndTimer = setTimeout(fireReplyEnd, remainingMs)
      replyEndTimer.unref()
      return
    }
    emit({ type: 'reply-end', turn: replyEndTurn, atMs: audioOf(replyEndTurn).lastMediaAtMs ?? clock() })
  }
  const armReplyEnd = (turn: number) => {
    const audio = audioOf(turn)
    if (replyEndTimer && turn !== replyEndTurn) {
      clearTimeout(replyEndTimer)
      replyEndTimer = undefined
    }
    replyEndTurn = turn
    replyEndDueMs = Math.max((audio.lastMediaAtMs ?? 0) + context.replyEndSilenceMs, playbackEndsAtMs)
    if (!replyEndTimer) {
      replyEndTimer = setTimeout(fireReplyEnd, Math.max(0, replyEndDueMs - clock()))
      replyEndTimer.unref()
    }
  }

  const onMessage = (data: RawData, isBinary: boolean) => {
    const atMs = clock()
    if (isBinary) {
      last = '(binary frame)'
      return protocolError('agent sent a binary frame; Twilio Media Streams accept JSON text frames only (Twilio error 31950)')
    }
    const text = data.toString()
    let message: Record<string, unknown>
    try {
      const parsed: unknown = JSON.parse(text)
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object')
      message = parsed as Record<string, unknown>
    } catch {
      last = truncateMessage(text)
      return protocolError('agent sent a frame that is not a JSON object')
    }
    const body = message.media as { payload?: unknown } | undefined
    last = truncateMessage(message.event === 'media' ? JSON.stringify({ ...message, media: { payload: '…' } }) : text)
    switch (message.event) {
      case 'media': {
        if (typeof body?.payload !== 'string') return protocolError('media needs media.payload (base64 μ-law)')
        const bytes = Buffer.byteLength(body.payload, 'base64')
        const turn = replyTurn
        const audio = audioOf(turn)
        if (audio.mediaFrames === 0 && audio.sentAtMs !== undefined) audio.firstMediaMs = Math.round((atMs - audio.sentAtMs) * 100) / 100
        audio.mediaFrames++
        audio.playbackMs += bytes / 8
        audio.lastMediaAtMs = atMs
        playbackEndsAtMs = Math.max(atMs, playbackEndsAtMs) + bytes / 8
        emit({ type: 'reply-activity', turn, atMs, activeUntilMs: playbackEndsAtMs })
        return armReplyEnd(turn)
      }
      case 'mark': {
        const name = (message.mark as { name?: unknown } | undefined)?.name
        if (typeof name !== 'string') return protocolError('mark needs mark.name')
        audioOf(replyTurn).marksSent.push(name)
        pendingMarks.push({ name, atMs: playbackEndsAtMs, turn: replyTurn })
        return echoMarks(atMs)
      }
      case 'clear': {
        playbackEndsAtMs = atMs
        if (bargeInTurn !== undefined && bargeInStartMs !== undefined) {
          const audio = audioOf(bargeInTurn)
          audio.clearAfterMs ??= Math.round((atMs - bargeInStartMs) * 100) / 100
        }
        echoMarks(Infinity)
        if (replyEndTimer) clearTimeout(replyEndTimer)
        replyEndTimer = undefined
        return emit({ type: 'reply-end', turn: replyTurn, atMs: audioOf(replyTurn).lastMediaAtMs ?? atMs, interrupted: true })
      }
      default:
        return protocolError(`unknown event ${JSON.stringify(message.event)}; an app may send media, mark or clear`)
    }
  }

  const open = () => {
    try {
      socket = context.createWebSocket(context.agentUrl)
    } catch (error) {
      emit({ type: 'failure', atMs: clock(), kind: 'connect_failed', message: describeSocketError(error) })
      return
    }
    let opened = false
    socket.on('open', () => {
      opened = true
      send({ event: 'connected', protocol: 'Call', version: '1.0.0' })
      const customParameters: Record<string, string> = { callId: context.callId, scriptId: script.id, ...(script.metadata ?? {}) }
      if (script.from) customParameters.from = script.from
      if (script.to) customParameters.to = script.to
      const startSentAtMs = clock()
      send({
        event: 'start',
        sequenceNumber: nextSequence(),
        streamSid,
        start: { streamSid, accountSid, callSid, tracks: ['inbound'], customParameters, mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } },
      })
      audioOf(0).sentAtMs = startSentAtMs
      // Calls connected together would otherwise share one deadline every 20 ms; a random
      // phase (as real streams have) spreads their frames over the period.
      paced = context.frameScheduler.add(sendFrame, performance.now() + Math.random() * context.frameScheduler.frameMs)
      emit({ type: 'ready', startSentAtMs })
    })
    socket.on('unexpected-response', (_request, response) => {
      emit({ type: 'failure', atMs: clock(), kind: 'connect_failed', message: `agent refused the WebSocket upgrade: HTTP ${response.statusCode}` })
      response.resume()
      close()
    })
    socket.on('error', (error) => {
      if (!opened) emit({ type: 'failure', atMs: clock(), kind: 'connect_failed', message: describeSocketError(error) })
    })
    socket.on('message', onMessage)
    socket.on('close', (code, reason) => {
      closed = true
      stopTimers()
      const atMs = clock()
      // A Twilio app ends a call by ending it (Twilio then closes the stream normally).
      if (opened && !callerEnded && code === 1000) emit({ type: 'agent-hangup', atMs, reason: reason.toString() || 'stream closed by the agent' })
      if (opened) emit({ type: 'closed', atMs, code, reason: reason.toString() })
      for (const waiter of closeWaiters.splice(0)) waiter()
      onOutgoingDrained?.()
    })
  }

  const stream = (audio: Buffer, onStart?: () => void): Promise<void> =>
    new Promise((resolve) => {
      if (closed || audio.length === 0) return resolve()
      outgoing = audio
      outgoingOffset = 0
      onOutgoingStart = onStart
      onOutgoingDrained = resolve
    })

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (closed) return resolve()
      const timer = setTimeout(resolve, ms)
      closeWaiters.push(() => {
        clearTimeout(timer)
        resolve()
      })
    })

  const perform = async (turn: number, action: CallerAction, audioFile?: string): Promise<number> => {
    if (action.kind === 'hangup') {
      await hangup()
      return clock()
    }
    if (action.kind === 'silence') {
      replyTurn = turn
      const sentAtMs = clock()
      audioOf(turn).sentAtMs = sentAtMs
      await sleep(action.durationMs)
      return sentAtMs
    }
    if (action.kind === 'dtmf') {
      for (const [index, digit] of [...action.digits].entries()) {
        if (index > 0) await sleep(DTMF_GAP_MS)
        send({ event: 'dtmf', streamSid, sequenceNumber: nextSequence(), dtmf: { track: 'inbound_track', digit } })
      }
    } else {
      let audio: Buffer
      try {
        audio = await context.callerAudio.get(action.text, script.language, audioFile)
      } catch (error) {
        emit({ type: 'failure', atMs: clock(), kind: 'harness_error', message: (error as Error).message })
        close()
        return clock()
      }
      if (action.kind === 'barge-in') {
        bargeInTurn = turn
        bargeInStartMs = undefined
        await stream(audio, () => (bargeInStartMs = clock()))
      } else {
        await stream(audio)
      }
    }
    // The previous reply is over from the caller's side; new agent audio answers this turn.
    const sentAtMs = clock()
    replyTurn = turn
    audioOf(turn).sentAtMs = sentAtMs
    return sentAtMs
  }

  const hangup = async () => {
    if (closed || !socket) return
    callerEnded = true
    send({ event: 'stop', sequenceNumber: nextSequence(), streamSid, stop: { accountSid, callSid } })
    stopped = true
    paced?.stop()
    const closedNow = new Promise<void>((resolve) => closeWaiters.push(resolve))
    close()
    await closedNow
  }

  const stopTimers = () => {
    paced?.stop()
    if (markTimer) clearTimeout(markTimer)
    if (replyEndTimer) clearTimeout(replyEndTimer)
  }

  const close = () => {
    stopTimers()
    callerEnded = true
    if (!socket || closed) return
    if (socket.readyState === socket.OPEN) socket.close(1000, 'call ended')
    else socket.terminate()
    const current = socket
    setTimeout(() => current.terminate(), 1000).unref()
  }

  return {
    open,
    perform,
    hangup,
    close,
    lastMessage: () => last,
    audioTiming: (turn) => {
      const audio = audioByTurn.get(turn)
      if (!audio) return undefined
      const { sentAtMs: _sentAtMs, lastMediaAtMs: _lastMediaAtMs, ...timing } = audio
      return timing
    },
    pacing: () => ({ framesSent, latenessMs }),
  }
}

const SILENT_FRAME = Buffer.alloc(FRAME_BYTES, MULAW_SILENCE)
const SILENT_FRAME_BASE64 = SILENT_FRAME.toString('base64')
