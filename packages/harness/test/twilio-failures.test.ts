import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseCallRecord, RECORD_LIMITS, runCalls } from '@voxguard/harness'
import type { CallRecord } from '@voxguard/harness'
import { runTwilioCall } from './helpers/run-twilio-call.ts'
import { MARK_STORM_SIZE, startTwilioAgent } from './helpers/twilio-agent.ts'
import type { TwilioAgent } from './helpers/twilio-agent.ts'
import { writeFiles } from './helpers/write-script.ts'

let agent: TwilioAgent | undefined
afterEach(async () => {
  await agent?.close()
  agent = undefined
})

describe('Twilio Media Streams transport against misbehaving apps', () => {
  it('records a dropped socket, a silent agent and malformed frames as failures with evidence', async () => {
    const script = 'id: short\nturns:\n  - say: Hello\n    audio: tone.wav\n'
    agent = await startTwilioAgent('drops-socket')
    const dropped = await runTwilioCall(agent.url, script)
    expect(dropped.failure).toMatchObject({ kind: 'socket_dropped', closeCode: 1006, turn: 1 })
    expect(dropped.failure!.lastMessage).toContain('"event":"mark"')
    await agent!.close()

    agent = await startTwilioAgent('never-answers')
    const silent = await runTwilioCall(agent.url, script, 400)
    expect(silent.failure).toMatchObject({ kind: 'turn_timeout', turn: 1 })
    expect(silent.turns[1]!.timedOut).toBe(true)
    await agent!.close()

    agent = await startTwilioAgent('malformed')
    const malformed = await runTwilioCall(agent.url, script)
    expect(malformed.failure).toMatchObject({ kind: 'protocol_error', lastMessage: '{"event":"media","media":' })
  }, 45_000)

  it('ends a call on callTimeoutMs or abort while the caller is silent, not when the silence is over', async () => {
    agent = await startTwilioAgent('well-behaved')
    const files = writeFiles({ 'quiet.yaml': 'id: quiet\ngreeting: false\nturns:\n  - silenceMs: 5000\n' })
    const records: CallRecord[] = []
    const startedAt = performance.now()
    await runCalls({ scripts: [files.path('quiet.yaml')], agentUrl: agent.url, protocol: 'twilio', outDir: join(files.dir, 'out'), callTimeoutMs: 300, onRecord: (record) => records.push(record) })
    expect(records[0]!.failure).toMatchObject({ kind: 'call_timeout', turn: 1 })
    expect(records[0]!.durationMs).toBeLessThan(1500)
    expect(performance.now() - startedAt).toBeLessThan(2500)

    const controller = new AbortController()
    setTimeout(() => controller.abort(), 300)
    const abortedAt = performance.now()
    const aborted = await runCalls({ scripts: [files.path('quiet.yaml')], agentUrl: agent.url, protocol: 'twilio', outDir: join(files.dir, 'aborted'), signal: controller.signal })
    expect(aborted.calls).toBe(0)
    expect(performance.now() - abortedAt).toBeLessThan(2500)
  }, 45_000)

  it('measures a slow app: first agent media 200 ms end-of-speech + its 600 ms delay after the caller audio, no timeout', async () => {
    agent = await startTwilioAgent('well-behaved', { replyDelayMs: 600 })
    const record = await runTwilioCall(agent.url, 'id: slow\nturns:\n  - say: Hello\n    audio: tone.wav\n', 1500)
    expect(record.failure).toBeUndefined()
    const turn = record.turns[1]!
    // ~800 ms; the bounds leave room for a loaded machine (the caller audio's last frame and the
    // agent's timer both slip) and still tell it from a count that missed the app's delay (~200 ms).
    expect(turn.agent.audio!.firstMediaMs).toBeGreaterThanOrEqual(700)
    expect(turn.agent.audio!.firstMediaMs).toBeLessThan(1400)
    expect(turn.agent.firstByteMs).toBe(turn.agent.audio!.firstMediaMs)
    expect(turn.agent.audio).toMatchObject({ playbackMs: 400, mediaFrames: 20 })
  }, 45_000)

  it('a media payload that is not base64 is a protocol_error naming it, not audio the agent played', async () => {
    agent = await startTwilioAgent('bad-base64')
    const record = await runTwilioCall(agent.url, 'id: bad-audio\nturns:\n  - say: Hello\n    audio: tone.wav\n')
    expect(record.failure).toMatchObject({ kind: 'protocol_error', turn: 1 })
    expect(record.failure!.message).toContain('not base64')
    expect(record.turns[1]?.agent.audio?.playbackMs ?? 0).toBe(0)
  }, 45_000)

  it('a media frame naming another stream is a protocol_error naming both streams (Twilio warning 31951)', async () => {
    agent = await startTwilioAgent('wrong-stream-sid')
    const record = await runTwilioCall(agent.url, 'id: other-stream\nturns:\n  - say: Hello\n    audio: tone.wav\n')
    expect(record.failure).toMatchObject({ kind: 'protocol_error', turn: 1, lastMessage: expect.stringContaining('"streamSid":"MZ0000"') })
    expect(record.failure!.message).toMatch(/^media frame with streamSid "MZ0000"; this stream is MZ[0-9a-f]{32} \(Twilio warning 31951/)
    expect(record.turns[1]?.agent.audio?.playbackMs ?? 0).toBe(0)
  }, 45_000)

  it('a storm of marks up to the record limit is echoed in full and in order; one more is a protocol_error naming the mark frame', async () => {
    // The storm arrives while the reply plays (the marks wait for it); audio sent after the storm keeps the turn open until every mark was read.
    agent = await startTwilioAgent('mark-storm', { replyAudioMs: 1000 })
    const record = await runTwilioCall(agent.url, 'id: storm\nturns:\n  - say: Hello\n    audio: tone.wav\n', 20_000)
    expect(record.failure).toBeUndefined()
    const echoed = record.turns[1]!.agent.audio!.marksEchoed
    expect(echoed).toEqual(['reply-1', ...Array.from({ length: MARK_STORM_SIZE }, (_, index) => `storm-${index}`)])
    expect(echoed).toHaveLength(RECORD_LIMITS.maxEvents)
    await agent.close()

    agent = await startTwilioAgent('mark-storm', { replyAudioMs: 1000, markStormSize: MARK_STORM_SIZE + 1 })
    const over = await runTwilioCall(agent.url, 'id: storm\nturns:\n  - say: Hello\n    audio: tone.wav\n', 20_000)
    expect(over.failure).toMatchObject({ kind: 'protocol_error', turn: 1, lastMessage: expect.stringContaining(`"storm-${MARK_STORM_SIZE}"`) })
    expect(over.failure!.message).toBe(`mark frame beyond the record limit: the app sent more than ${RECORD_LIMITS.maxEvents} marks in turn 1`)
    // What the harness recorded its own reader accepts (a record over the limit would make merge, judge and report refuse the file).
    expect(() => parseCallRecord(JSON.stringify(over), 'records.jsonl', 1)).not.toThrow()
  }, 45_000)
})
