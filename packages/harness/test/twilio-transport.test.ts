import { execFileSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { runTwilioCall } from './helpers/run-twilio-call.ts'
import { startTwilioAgent } from './helpers/twilio-agent.ts'
import type { TwilioAgent, TwilioAgentBehaviour } from './helpers/twilio-agent.ts'

const SCRIPT = `
id: twilio-menu
turns:
  - say: What time do you open?
    audio: tone.wav
  - dtmf: "12"
  - say: Please book a cleaning.
    audio: tone.wav
  - bargeIn: { say: Wait, afterMs: 100, audio: tone.wav }
`

let agent: TwilioAgent | undefined
afterEach(async () => {
  await agent?.close()
  agent = undefined
})

async function run(behaviour: TwilioAgentBehaviour, script = SCRIPT, agentOptions: { replyDelayMs?: number; replyAudioMs?: number; endOfSpeechMs?: number } = {}) {
  agent = await startTwilioAgent(behaviour, agentOptions)
  return { record: await runTwilioCall(agent.url, script), log: agent.calls[0]! }
}

describe('Twilio Media Streams transport against a real WebSocket app', () => {
  it('plays Twilio: connected/start, 160-byte μ-law frames every 20 ms, DTMF, marks, clear on barge-in, stop', async () => {
    const { record, log } = await run('well-behaved', SCRIPT, { replyDelayMs: 50, replyAudioMs: 500 })
    expect(record.failure).toBeUndefined()
    expect(record.protocol).toBe('twilio')

    // Opening messages and customParameters.
    expect(log.messages[0]).toEqual({ event: 'connected', protocol: 'Call', version: '1.0.0' })
    const start = log.messages[1] as { event: string; sequenceNumber: string; start: Record<string, unknown> }
    expect(start).toMatchObject({ event: 'start', sequenceNumber: '1' })
    expect(start.start).toMatchObject({ tracks: ['inbound'], customParameters: { callId: record.callId, scriptId: 'twilio-menu' }, mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } })
    expect(log.messages.at(-1)).toMatchObject({ event: 'stop', stop: { callSid: expect.stringMatching(/^CA/) } })

    // Frames: 160 bytes, strings, consecutive chunks, increasing sequence numbers, 20 ms timestamps.
    expect(log.frames.length).toBeGreaterThan(100)
    expect(log.frames.every((frame) => frame.bytes === 160)).toBe(true)
    log.frames.forEach((frame, index) => {
      expect(frame.chunk).toBe(String(index + 1))
      expect(frame.timestamp).toBe(String(index * 20))
    })
    const sequence = [start, ...log.messages.slice(2)].map((message) => Number((message as { sequenceNumber?: string }).sequenceNumber)).filter(Number.isFinite)
    const allSequence = [...sequence, ...log.frames.map((frame) => Number(frame.sequenceNumber))].sort((left, right) => left - right)
    expect(new Set(allSequence).size).toBe(allSequence.length)
    expect(log.frames.map((frame) => Number(frame.sequenceNumber))).toEqual([...log.frames.map((frame) => Number(frame.sequenceNumber))].sort((left, right) => left - right))

    // Pacing: real time, no drift over the call.
    const first = log.frames[0]!
    const last = log.frames.at(-1)!
    const expectedSpanMs = (log.frames.length - 1) * 20
    expect(Math.abs(last.arrivedAtMs - first.arrivedAtMs - expectedSpanMs)).toBeLessThan(30)
    const gaps = log.frames.slice(1).map((frame, index) => frame.arrivedAtMs - log.frames[index]!.arrivedAtMs).sort((left, right) => left - right)
    expect(gaps[Math.floor(gaps.length / 2)]).toBeGreaterThan(17)
    expect(gaps[Math.floor(gaps.length / 2)]).toBeLessThan(23)
    expect(record.transport.framesSent).toBe(log.frames.length)
    expect(record.transport.pacingLatenessMs!.p50).toBeLessThan(5)

    // The caller's tone is 300 ms = 15 frames per spoken turn (resampled from 16 kHz).
    expect(log.frames.filter((frame) => frame.speech).length).toBeGreaterThanOrEqual(3 * 14)

    // DTMF sent one digit per message on the inbound track.
    expect(log.digits).toEqual(['1', '2'])
    expect(log.messages.find((message) => message.event === 'dtmf')).toMatchObject({ dtmf: { track: 'inbound_track', digit: '1' }, sequenceNumber: expect.any(String) })

    // Turn latency: end of caller audio → first agent media = 200 ms end-of-speech + 50 ms delay.
    // The lower bound has slack for a loaded machine (the last caller frame may leave late, which
    // shortens the measured gap); counted from the agent's end-of-speech instead it would be ~50 ms.
    const turn1 = record.turns[1]!
    expect(turn1.agent.firstByteMs).toBeGreaterThanOrEqual(180)
    expect(turn1.agent.firstByteMs).toBeLessThan(400)
    expect(turn1.agent.audio).toMatchObject({ firstMediaMs: turn1.agent.firstByteMs, playbackMs: 500, mediaFrames: 25, marksSent: ['reply-1'], marksEchoed: ['reply-1'] })
    expect(record.turns[0]!.agent.audio).toMatchObject({ playbackMs: 300, mediaFrames: 15, marksSent: ['reply-0'], marksEchoed: ['reply-0'] })

    // Marks came back when their audio had played (by the playback clock), not before.
    for (const sent of log.marksSent.slice(0, 2)) {
      const echo = log.marksEchoed.find((mark) => mark.name === sent.name)!
      expect(echo.atMs).toBeGreaterThanOrEqual(sent.playsUntilMs - 15)
    }

    // Barge-in: the agent cleared, its reply is interrupted, pending marks echoed at once.
    expect(log.clears).toHaveLength(1)
    const interrupted = record.turns[3]!
    expect(interrupted.agent.interrupted).toBe(true)
    const bargeIn = record.turns[4]!
    expect(bargeIn.caller).toEqual({ kind: 'barge-in', text: 'Wait', afterMs: 100 })
    expect(bargeIn.agent.audio!.clearAfterMs).toBeGreaterThanOrEqual(35)
    expect(bargeIn.agent.audio!.clearAfterMs).toBeLessThan(200)
    const clearedMark = log.marksSent.find((mark) => mark.playsUntilMs > log.clears[0]! + 50)!
    const clearedEcho = log.marksEchoed.find((mark) => mark.name === clearedMark.name)!
    expect(clearedEcho.atMs - log.clears[0]!).toBeLessThan(30)
    expect(bargeIn.agent.audio!.playbackMs).toBe(500)
  }, 15_000)

  it('synthesises caller speech with espeak-ng and sox when the turn has no audio file', async () => {
    execFileSync('espeak-ng', ['--version']) // fails (not skips) when the Debian package is missing
    const { record, log } = await run('well-behaved', 'id: tts\nturns:\n  - say: What time do you open on Saturday?\n', { endOfSpeechMs: 600 })
    expect(record.failure).toBeUndefined()
    const speechFrames = log.frames.filter((frame) => frame.speech).length
    expect(speechFrames).toBeGreaterThan(40) // more than 0.8 s of speech
    expect(record.turns[1]!.agent.audio!.mediaFrames).toBe(20)
  }, 15_000)
})
