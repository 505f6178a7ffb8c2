// A hostile Twilio Media Streams app: each call gets one misbehaviour (mark and clear storms,
// media that is not base64, another stream's or no streamSid, a frame over the size limit,
// invalid JSON, binary, unknown events, media after `stop`, never closing, odd close codes).
// The harness, playing Twilio, must record every call, end each the way Twilio would, name
// the app's offending frame in the failure, and never crash or hang.
import type { IncomingMessage } from 'node:http'
import type { WebSocket } from 'ws'
import { RECORD_LIMITS, type CallFailure } from '@voxguard/harness'
import { runHostileSessions, type HostileFigures } from './run-hostile-sessions.ts'

/** Each behaviour and how a call with it must end (`ok`: no failure). */
export const TWILIO_OUTCOMES = {
  'ok': ['ok'],
  'mark-storm': ['ok'],
  'mark-flood': ['protocol_error'],
  'clear-storm': ['ok'],
  'bad-base64': ['protocol_error'],
  'wrong-stream-sid': ['protocol_error'],
  'no-stream-sid': ['protocol_error'],
  'mark-without-name': ['protocol_error'],
  'huge-frame': ['protocol_error'],
  'invalid-json': ['protocol_error'],
  'binary': ['protocol_error'],
  'unknown-event': ['protocol_error'],
  'media-after-stop': ['ok'],
  'never-closes': ['ok'],
  'deaf-after-stop': ['ok'],
  'close-1002': ['socket_dropped'],
  'close-1011': ['socket_dropped'],
  'close-4000': ['socket_dropped'],
  'terminate': ['socket_dropped'],
  'never-answers': ['turn_timeout'],
} as const satisfies Record<string, readonly string[]>

export type TwilioBehaviour = keyof typeof TWILIO_OUTCOMES

/** 20 ms of μ-law audio (160 bytes, base64). */
const FRAME = Buffer.alloc(160, 0x7f).toString('base64')
/** Marks a turn's record may hold (RECORD_LIMITS.maxEvents), the reply's own mark included: the storm fills it, the flood goes one over. */
const STORM_SIZE = RECORD_LIMITS.maxEvents - 1

function behave(socket: WebSocket, behaviour: TwilioBehaviour, request: IncomingMessage): void {
  let streamSid = ''
  let replies = 0
  let chatter: NodeJS.Timeout | undefined
  const send = (message: object | string) => socket.readyState === socket.OPEN && socket.send(typeof message === 'string' ? message : JSON.stringify(message))
  // 100 ms of audio (or `frames` × 20 ms) and its mark.
  const speak = (frames = 5) => {
    for (let frame = 0; frame < frames; frame++) send({ event: 'media', streamSid, media: { payload: FRAME } })
    send({ event: 'mark', streamSid, mark: { name: `reply-${replies++}` } })
  }
  socket.on('close', () => clearInterval(chatter))
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { event?: string; streamSid?: string }
    if (message.event === 'start') streamSid = message.streamSid ?? ''
    if (message.event === 'stop') {
      if (behaviour === 'media-after-stop') {
        for (let frame = 0; frame < 50; frame++) send({ event: 'media', streamSid, media: { payload: FRAME } })
        send({ event: 'mark', streamSid, mark: { name: 'after-stop' } })
      }
      // Keeps talking and never ends the call; the harness closes it.
      if (behaviour === 'never-closes') chatter = setInterval(() => send({ event: 'media', streamSid, media: { payload: FRAME } }), 20)
      // Stops reading: the close handshake never completes; the harness must terminate the socket.
      if (behaviour === 'deaf-after-stop') request.socket.pause()
      return
    }
    if (message.event !== 'dtmf') return
    switch (behaviour) {
      case 'mark-storm':
      case 'mark-flood':
        // One storm a call, while 1.5 s of reply audio plays: marks that arrive after their turn ended count in the next turn.
        if (replies > 0) return speak()
        speak(75)
        for (let index = 0; index < STORM_SIZE + (behaviour === 'mark-flood' ? 1 : 0); index++) send({ event: 'mark', streamSid, mark: { name: `storm-${index}` } })
        return
      case 'clear-storm': speak(); for (let index = 0; index < 2000; index++) send({ event: 'clear', streamSid }); return
      case 'bad-base64': return send({ event: 'media', streamSid, media: { payload: '!!not base64, not audio!!' } })
      case 'wrong-stream-sid': return send({ event: 'media', streamSid: 'MZ00000000000000000000000000000000', media: { payload: FRAME } })
      case 'no-stream-sid': return send({ event: 'mark', mark: { name: 'anonymous' } })
      case 'mark-without-name': return send({ event: 'mark', streamSid, mark: { label: 'x' } })
      case 'huge-frame': return send({ event: 'media', streamSid, media: { payload: 'A'.repeat(2_000_000) } })
      case 'invalid-json': return send('{"event":"media","streamSid":')
      case 'binary': return socket.send(Buffer.from([0xff, 0, 1, 2]))
      case 'unknown-event': return send({ event: 'play', streamSid, play: { url: 'https://example.com/x.wav' } })
      case 'close-1002': return socket.close(1002, 'protocol')
      case 'close-1011': return socket.close(1011, 'crash 090-1234-5678')
      case 'close-4000': return socket.close(4000)
      case 'terminate': return socket.terminate()
      case 'never-answers': return
      default: return speak()
    }
  })
}

/** A protocol error must name the frame: its event or field in the message, the frame itself as `lastMessage`. */
function namesFrame(failure: CallFailure): boolean {
  if (failure.message.trim() === '') return false
  if (failure.kind !== 'protocol_error') return true
  return (failure.lastMessage ?? '') !== '' && /media|mark|clear|frame|event/u.test(failure.message)
}

/** Runs `sessions` Twilio calls (two DTMF turns each), behaviours in turn, against the hostile app. */
export function runHostileTwilioSessions(sessions: number): Promise<HostileFigures> {
  return runHostileSessions({
    protocol: 'twilio',
    behaviours: Object.keys(TWILIO_OUTCOMES) as TwilioBehaviour[],
    behave,
    script: 'greeting: false\nturns:\n  - dtmf: "1"\n  - dtmf: "2"\n',
    // The app runs in the harness's process: 16 mark floods at once (10,001 marks and their echoes
    // each) kept it busy long enough that a 2 s turn timeout fired before calls were accepted.
    options: { concurrency: 16, turnTimeoutMs: 5000, callTimeoutMs: 10_000, endGraceMs: 50, replyEndSilenceMs: 150 },
    outcomes: TWILIO_OUTCOMES,
    namesFrame,
  }, sessions)
}
