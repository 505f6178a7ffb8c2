import type WebSocket from 'ws'
import { startAgentServer } from './start-agent-server.ts'
import { decodeMulaw } from '../../src/audio/mulaw.ts'
import { RECORD_LIMITS } from '../../src/record-limits.ts'

export type TwilioAgentBehaviour = 'well-behaved' | 'drops-socket' | 'never-answers' | 'malformed' | 'bad-base64' | 'mark-storm' | 'wrong-stream-sid'

export interface ReceivedFrame {
  sequenceNumber: string
  chunk: string
  timestamp: string
  bytes: number
  speech: boolean
  arrivedAtMs: number
}

export interface TwilioCallLog {
  messages: Array<Record<string, unknown>>
  frames: ReceivedFrame[]
  digits: string[]
  marksEchoed: Array<{ name: string; atMs: number }>
  marksSent: Array<{ name: string; atMs: number; playsUntilMs: number }>
  clears: number[]
}

export interface TwilioAgent {
  url: string
  calls: TwilioCallLog[]
  close(): Promise<void>
}

const SPEECH_LEVEL = 500

/**
 * A real Twilio-Media-Streams app on 127.0.0.1:<ephemeral>: greets with 300 ms of audio,
 * detects the end of the caller's speech by energy (`endOfSpeechMs` of quiet frames, default 200 ms), waits
 * `replyDelayMs`, then bursts `replyAudioMs` of μ-law audio followed by a mark. It answers
 * DTMF keys the same way, and sends `clear` when the caller speaks while its audio plays.
 */
/** How many marks the `mark-storm` agent sends after its reply by default: with the reply's own mark, as many as a turn's record may hold. */
export const MARK_STORM_SIZE = RECORD_LIMITS.maxEvents - 1

export async function startTwilioAgent(behaviour: TwilioAgentBehaviour, options: { replyDelayMs?: number; replyAudioMs?: number; endOfSpeechMs?: number; markStormSize?: number } = {}): Promise<TwilioAgent> {
  const calls: TwilioCallLog[] = []
  const replyDelayMs = options.replyDelayMs ?? 50
  const replyAudioMs = options.replyAudioMs ?? 400
  const endOfSpeechFrames = (options.endOfSpeechMs ?? 200) / 20
  const server = await startAgentServer('/twilio', (socket: WebSocket) => {
    const log: TwilioCallLog = { messages: [], frames: [], digits: [], marksEchoed: [], marksSent: [], clears: [] }
    calls.push(log)
    let streamSid = ''
    let speechFrames = 0
    let quietFrames = 0
    let playingUntilMs = 0
    let replies = 0
    const send = (message: object) => socket.readyState === socket.OPEN && socket.send(JSON.stringify(message))
    const speak = (audioMs: number) => {
      const now = performance.now()
      const bytes = (audioMs / 1000) * 8000
      for (let offset = 0; offset < bytes; offset += 160) send({ event: 'media', streamSid, media: { payload: Buffer.alloc(160, 0x10).toString('base64') } })
      const name = `reply-${replies++}`
      playingUntilMs = Math.max(now, playingUntilMs) + audioMs
      send({ event: 'mark', streamSid, mark: { name } })
      log.marksSent.push({ name, atMs: now, playsUntilMs: playingUntilMs })
    }
    const answer = () => {
      if (behaviour === 'never-answers') return
      if (behaviour === 'drops-socket') return socket.terminate()
      if (behaviour === 'malformed') return socket.send('{"event":"media","media":')
      if (behaviour === 'bad-base64') return send({ event: 'media', streamSid, media: { payload: '!!not base64, not audio!!' } })
      if (behaviour === 'wrong-stream-sid') return send({ event: 'media', streamSid: 'MZ0000', media: { payload: Buffer.alloc(160, 0x10).toString('base64') } })
      if (behaviour === 'mark-storm') {
        speak(replyAudioMs)
        for (let index = 0; index < (options.markStormSize ?? MARK_STORM_SIZE); index++) send({ event: 'mark', streamSid, mark: { name: `storm-${index}` } })
        // 300 ms more audio without a mark, sent after the storm on the same socket: the reply cannot
        // end before the harness has read every storm frame, however slowly a loaded machine reads them.
        for (let offset = 0; offset < 2400; offset += 160) send({ event: 'media', streamSid, media: { payload: Buffer.alloc(160, 0x10).toString('base64') } })
        return
      }
      setTimeout(() => speak(replyAudioMs), replyDelayMs)
    }
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>
      const now = performance.now()
      if (message.event !== 'media') log.messages.push(message)
      switch (message.event) {
        case 'start':
          streamSid = String(message.streamSid)
          setTimeout(() => speak(300), 20)
          return
        case 'media': {
          const media = message.media as { payload: string; chunk: string; timestamp: string }
          const payload = Buffer.from(media.payload, 'base64')
          const samples = decodeMulaw(payload)
          const level = samples.reduce((sum, sample) => sum + Math.abs(sample), 0) / samples.length
          const speech = level > SPEECH_LEVEL
          log.frames.push({ sequenceNumber: String(message.sequenceNumber), chunk: media.chunk, timestamp: media.timestamp, bytes: payload.length, speech, arrivedAtMs: now })
          if (speech) {
            speechFrames++
            quietFrames = 0
            if (now < playingUntilMs && speechFrames === 3) {
              playingUntilMs = now
              log.clears.push(now)
              send({ event: 'clear', streamSid })
            }
          } else if (speechFrames > 0 && ++quietFrames === endOfSpeechFrames) {
            speechFrames = 0
            answer()
          }
          return
        }
        case 'dtmf':
          log.digits.push((message.dtmf as { digit: string }).digit)
          if (log.digits.length === 2) answer()
          return
        case 'mark':
          log.marksEchoed.push({ name: (message.mark as { name: string }).name, atMs: now })
          return
      }
    })
  })
  return { url: server.url, calls, close: server.close }
}

/** A 16 kHz PCM WAV tone of `durationMs` (speech stand-in for the energy detector). */
export function toneSamples(durationMs: number, sampleRate = 16000): Int16Array {
  const samples = new Int16Array(Math.round((durationMs / 1000) * sampleRate))
  for (let index = 0; index < samples.length; index++) samples[index] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * index) / sampleRate))
  return samples
}
