import { appendFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AGENT_EVENT_SCHEMA, HarnessError, parseAgentEventLine, runCalls } from '@voxguard/harness'
import { writeWav } from '@voxguard/harness/audio'
import type { CallRecord } from '@voxguard/harness'
import { runTwilioCall } from './helpers/run-twilio-call.ts'
import { startTwilioAgent, toneSamples } from './helpers/twilio-agent.ts'
import type { TwilioAgent } from './helpers/twilio-agent.ts'
import { writeFiles } from './helpers/write-script.ts'

let agent: TwilioAgent | undefined
afterEach(async () => {
  await agent?.close()
  agent = undefined
})

const eventLine = (keys: Record<string, string>, name: string, data: Record<string, unknown>) => `${JSON.stringify({ schema: AGENT_EVENT_SCHEMA, version: 1, at: new Date().toISOString(), ...keys, name, data })}\n`

describe('Twilio fidelity', () => {
  it('a failed call (turn timeout) sends stop with the callSid before it closes, as Twilio does', async () => {
    agent = await startTwilioAgent('never-answers')
    const record = await runTwilioCall(agent.url, 'id: unanswered\nturns:\n  - say: Hello\n    audio: tone.wav\n', 400)
    expect(record.failure).toMatchObject({ kind: 'turn_timeout', turn: 1 })
    // The record is written as the harness closes; the app reads the stop and the close right after.
    const messages = agent.calls[0]!.messages
    await vi.waitFor(() => expect(messages.at(-1)?.event).toBe('stop'), { timeout: 2000 })
    const start = messages.find((message) => message.event === 'start') as { start: { callSid: string; accountSid: string } }
    expect(messages.at(-1)).toMatchObject({ event: 'stop', stop: { callSid: start.start.callSid, accountSid: start.start.accountSid } })
    expect(messages.filter((message) => message.event === 'stop')).toHaveLength(1)
    expect(record.transport.callSid).toBe(start.start.callSid)
  }, 10_000)

  it('a DTMF turn with `expect: { noReply: true }` goes on at once: digits collected in silence are no timeout', async () => {
    agent = await startTwilioAgent('well-behaved')
    // The app answers only after the second key, like an IVR collecting a two-digit choice.
    const record = await runTwilioCall(agent.url, 'id: ivr\nturns:\n  - dtmf: "1"\n    expect: { noReply: true }\n  - dtmf: "2"\n', 800)
    expect(record.failure).toBeUndefined()
    expect(record.turns[1]).toMatchObject({ timedOut: false, expectations: { noReply: true } })
    expect(record.turns[1]!.agent.firstByteMs).toBeUndefined()
    expect(record.turns[2]!.agent.audio).toMatchObject({ mediaFrames: 20 })
    expect(agent.calls[0]!.digits).toEqual(['1', '2'])

    // Without it the first key waits for a reply that never comes.
    const waiting = await runTwilioCall(agent.url, 'id: ivr-waiting\nturns:\n  - dtmf: "1"\n  - dtmf: "2"\n', 400)
    expect(waiting.failure).toMatchObject({ kind: 'turn_timeout', turn: 1 })
  }, 10_000)

  it('joins the agent event log by callSid as each call ends: the lines written so far, none of another call, in the turn they happened', async () => {
    agent = await startTwilioAgent('well-behaved')
    const files = writeFiles({ 'call.yaml': 'id: joined\nturns:\n  - say: Hello\n    audio: tone.wav\n', 'tone.wav': writeWav(toneSamples(300), 16000) })
    const log = join(files.dir, 'agent-events.jsonl')
    writeFileSync(log, eventLine({ callSid: 'CAother' }, 'asr.result', { text: 'another call' }))
    // The agent writes its events while the call runs: its greeting, then what it heard once the
    // caller stopped speaking (when it answers); the last line is still half-written when the call ends.
    let written = 0
    const writer = setInterval(() => {
      const call = agent!.calls[0]
      const start = call?.messages.find((message) => message.event === 'start') as { start: { callSid: string } } | undefined
      if (!call || !start) return
      if (written === 0) {
        appendFileSync(log, eventLine({ callSid: start.start.callSid }, 'reply.text', { replyId: 'reply-0', text: 'Thank you for calling.' }))
        written++
      } else if (written === 1 && call.marksSent.length >= 2) {
        appendFileSync(log, eventLine({ callSid: start.start.callSid }, 'asr.result', { text: 'hello', confidence: 0.9 }))
        appendFileSync(log, '{"schema":"voxguard.agent-event","version":1,"at":')
        written++
        clearInterval(writer)
      }
    }, 5)
    const records: CallRecord[] = []
    await runCalls({ scripts: [files.path('call.yaml')], agentUrl: agent.url, protocol: 'twilio', outDir: join(files.dir, 'out'), replyEndSilenceMs: 150, endGraceMs: 50, agentEventLog: log, onRecord: (record) => records.push(record) })
    clearInterval(writer)
    const [record] = records as [CallRecord]
    expect(record.failure).toBeUndefined()
    const joined = record.events.filter((event) => event.source === 'agent-log')
    expect(joined.map((event) => [event.name, event.turn, event.data])).toEqual([
      ['reply.text', 0, { replyId: 'reply-0', text: 'Thank you for calling.' }],
      ['asr.result', 1, { text: 'hello', confidence: 0.9 }],
    ])
  }, 10_000)

  it('rejects a bad agent event line naming file, line and field', () => {
    const error = (() => {
      try {
        parseAgentEventLine('{"schema":"voxguard.agent-event","version":1,"at":"2026-01-01T00:00:00Z","name":"asr.result"}', 'events.jsonl', 7)
      } catch (caught) {
        return caught
      }
    })()
    expect(HarnessError.isInstance(error)).toBe(true)
    expect((error as HarnessError).message).toBe('events.jsonl:7: "callId" or "callSid" must be a string (which call the event belongs to)')
  })
})
