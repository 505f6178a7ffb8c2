import { randomBytes } from 'node:crypto'
import type { AudioTiming, CallerAction } from './call-record.ts'
import type { CallTransport, CallTransportContext } from './call-transport.ts'
import { framePayloads, SILENT_FRAME_PAYLOAD } from './audio/frame-payloads.ts'
import type { PacedStream } from './audio/frame-scheduler.ts'
import { AgentSocket } from './internal/agent-socket.ts'
import { RECORD_LIMITS } from './record-limits.ts'

const DTMF_GAP_MS = 100
/** What an app may send on a bidirectional stream, each naming the stream (`streamSid`). */
const APP_EVENTS: ReadonlySet<unknown> = new Set(['media', 'mark', 'clear'])

interface TurnAudio extends AudioTiming {
  sentAtMs?: number
  lastMediaAtMs?: number
  /** The agent's μ-law audio for this turn, as received. */
  chunks: Buffer[]
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
  let callerEnded = false
  let sequence = 0
  let paced: PacedStream | undefined
  let framesSent = 0
  const latenessMs: number[] = []
  // Caller audio waiting to be streamed (base64 frame payloads) and who waits for it to finish.
  let outgoing: readonly string[] = []
  let outgoingIndex = 0
  let onOutgoingStart: (() => void) | undefined
  let onOutgoingDrained: (() => void) | undefined
  // Agent audio: which turn it answers, the playback clock and queued marks.
  let replyTurn = 0
  let bargeInTurn: number | undefined
  let bargeInStartMs: number | undefined
  let playbackEndsAtMs = 0
  // Marks wait in a FIFO (their play-out times only grow: `clear` flushes the queue before the
  // clock can move back), read from `markHead`: O(1) per mark, so a mark storm cannot stall the
  // event loop that paces every other call's frames.
  const pendingMarks: Array<{ name: string; atMs: number; turn: number }> = []
  let markHead = 0
  let markTimer: NodeJS.Timeout | undefined
  let markTimerAtMs = 0
  let replyEndTimer: NodeJS.Timeout | undefined
  const audioByTurn = new Map<number, TurnAudio>()

  const audioOf = (turn: number): TurnAudio => {
    let audio = audioByTurn.get(turn)
    if (!audio) {
      audio = { playbackMs: 0, mediaFrames: 0, marksSent: [], marksEchoed: [], chunks: [] }
      audioByTurn.set(turn, audio)
    }
    return audio
  }

  // Nothing is sent after `stop` (Twilio's last message).
  let stopped = false
  const sendRaw = (text: string) => {
    if (!stopped) socket.send(text)
  }
  const send = (message: object) => sendRaw(JSON.stringify(message))
  const nextSequence = () => String(++sequence)

  // Runs 50 times a second per call: the payload strings are encoded once per audio buffer
  // (framePayloads) and the JSON is built by hand, the same as JSON.stringify({ event,
  // sequenceNumber, streamSid, media: { track, chunk, timestamp, payload } }).
  const mediaPrefix = '{"event":"media","sequenceNumber":"'
  const mediaMiddle = `","streamSid":"${streamSid}","media":{"track":"inbound","chunk":"`
  const sendFrame = (frameIndex: number, lateByMs: number) => {
    if (!socket.isOpen) return
    const speaking = outgoingIndex < outgoing.length
    let payload = SILENT_FRAME_PAYLOAD
    if (speaking) {
      if (outgoingIndex === 0) onOutgoingStart?.()
      payload = outgoing[outgoingIndex++]!
    }
    framesSent++
    latenessMs.push(lateByMs)
    sendRaw(`${mediaPrefix}${++sequence}${mediaMiddle}${frameIndex + 1}","timestamp":"${frameIndex * 20}","payload":"${payload}"}}`)
    if (speaking && outgoingIndex === outgoing.length) {
      const drained = onOutgoingDrained
      onOutgoingDrained = undefined
      onOutgoingStart = undefined
      drained?.()
    }
  }

  const echoMarks = (upToMs: number) => {
    while (markHead < pendingMarks.length && pendingMarks[markHead]!.atMs <= upToMs) {
      const mark = pendingMarks[markHead++]!
      send({ event: 'mark', sequenceNumber: nextSequence(), streamSid, mark: { name: mark.name } })
      audioOf(mark.turn).marksEchoed.push(mark.name)
    }
    if (markHead === pendingMarks.length) {
      pendingMarks.length = 0
      markHead = 0
    } else if (markHead > 1024 && markHead * 2 > pendingMarks.length) {
      pendingMarks.splice(0, markHead)
      markHead = 0
    }
    armMarkTimer()
  }

  // One timer for the queue's head; a mark queued behind it leaves the timer as it is.
  const armMarkTimer = () => {
    const next = pendingMarks[markHead]
    if (markTimer && next && markTimerAtMs === next.atMs && !socket.isClosed) return
    if (markTimer) clearTimeout(markTimer)
    markTimer = undefined
    if (!next || socket.isClosed) return
    markTimerAtMs = next.atMs
    markTimer = setTimeout(() => {
      markTimer = undefined
      echoMarks(clock())
    }, Math.max(0, next.atMs - clock()))
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

  const onMessage = (message: Record<string, unknown>, atMs: number) => {
    // After `stop` the stream is over: what the app still sends belongs to no turn.
    if (stopped) return
    // Twilio drops a message for another stream (or none) with warning 31951; a test says so.
    if (APP_EVENTS.has(message.event) && message.streamSid !== streamSid) {
      return socket.fail('protocol_error', `${String(message.event)} frame with streamSid ${JSON.stringify(message.streamSid) ?? '(none)'}; this stream is ${streamSid} (Twilio warning 31951: every app message names its stream)`)
    }
    switch (message.event) {
      case 'media': {
        const body = message.media as { payload?: unknown } | undefined
        if (typeof body?.payload !== 'string') return socket.fail('protocol_error', 'media needs media.payload (base64 μ-law)')
        if (!isBase64(body.payload)) return socket.fail('protocol_error', 'media.payload is not base64 (μ-law audio must be base64-encoded)')
        const decoded = Buffer.from(body.payload, 'base64')
        const bytes = decoded.length
        const turn = replyTurn
        const audio = audioOf(turn)
        audio.chunks.push(decoded)
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
        if (typeof name !== 'string') return socket.fail('protocol_error', 'mark needs mark.name')
        const marksSent = audioOf(replyTurn).marksSent
        // A record holds at most RECORD_LIMITS.maxEvents marks a turn (its reader refuses more): more is the app's error.
        if (marksSent.length >= RECORD_LIMITS.maxEvents) return socket.fail('protocol_error', `mark frame beyond the record limit: the app sent more than ${RECORD_LIMITS.maxEvents} marks in turn ${replyTurn}`)
        marksSent.push(name)
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
        return socket.fail('protocol_error', `unknown event ${JSON.stringify(message.event)}; an app may send media, mark or clear`)
    }
  }

  const socket = new AgentSocket(context, {
    onOpen: () => {
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
    },
    onMessage,
    onClose: (code, reason, opened, atMs) => {
      stopTimers()
      // A Twilio app ends a call by ending it (Twilio then closes the stream normally).
      if (opened && !callerEnded && code === 1000) emit({ type: 'agent-hangup', atMs, reason: reason || 'stream closed by the agent' })
      onOutgoingDrained?.()
    },
    beforeClose: () => {
      stopTimers()
      callerEnded = true
    },
    binaryFrameMessage: 'agent sent a binary frame; Twilio Media Streams accept JSON text frames only (Twilio error 31950)',
    closeReason: 'call ended',
    // Evidence without the audio: computed only when a failure asks for it, not per media frame.
    describeLastMessage: (message, text) => (message.event === 'media' ? JSON.stringify({ ...message, media: { payload: '…' } }) : text),
  })

  const stream = (audio: Buffer, onStart?: () => void): Promise<void> =>
    new Promise((resolve) => {
      if (socket.isClosed || audio.length === 0) return resolve()
      outgoing = framePayloads(audio)
      outgoingIndex = 0
      onOutgoingStart = onStart
      onOutgoingDrained = resolve
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
      await socket.sleep(action.durationMs)
      return sentAtMs
    }
    if (action.kind === 'dtmf') {
      for (const [index, digit] of [...action.digits].entries()) {
        if (index > 0) await socket.sleep(DTMF_GAP_MS)
        send({ event: 'dtmf', streamSid, sequenceNumber: nextSequence(), dtmf: { track: 'inbound_track', digit } })
      }
    } else {
      let audio: Buffer
      try {
        audio = await context.callerAudio.get(action.text, script.language, audioFile)
      } catch (error) {
        socket.fail('harness_error', (error as Error).message)
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
    if (socket.isClosed) return
    callerEnded = true
    send({ event: 'stop', sequenceNumber: nextSequence(), streamSid, stop: { accountSid, callSid } })
    stopped = true
    paced?.stop()
    const closedNow = socket.untilClosed()
    socket.close()
    await closedNow
  }

  const stopTimers = () => {
    paced?.stop()
    if (markTimer) clearTimeout(markTimer)
    if (replyEndTimer) clearTimeout(replyEndTimer)
  }

  /** A call the harness ends early (timeout, abort, failure) ends as Twilio ends one: `stop`, then the close. */
  const close = () => {
    if (socket.isOpen && !stopped) {
      callerEnded = true
      send({ event: 'stop', sequenceNumber: nextSequence(), streamSid, stop: { accountSid, callSid } })
      stopped = true
    }
    socket.close()
  }

  return {
    open: () => socket.open(),
    perform,
    hangup,
    close,
    callSid,
    agentAudio: (turn) => {
      const audio = audioByTurn.get(turn)
      return audio && audio.chunks.length > 0 ? Buffer.concat(audio.chunks) : undefined
    },
    lastMessage: () => socket.lastMessage(),
    audioTiming: (turn) => {
      const audio = audioByTurn.get(turn)
      if (!audio) return undefined
      const { sentAtMs: _sentAtMs, lastMediaAtMs: _lastMediaAtMs, chunks: _chunks, ...timing } = audio
      return timing
    },
    pacing: () => ({ framesSent, latenessMs }),
  }
}

/** Strict base64 (RFC 4648 alphabet, padded to a multiple of 4): Buffer.from would skip bad characters and count them as audio. */
function isBase64(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text)
}
