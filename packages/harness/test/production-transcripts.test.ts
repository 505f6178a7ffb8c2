import { readFileSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { callScriptFromRecord, HarnessError, readTranscripts, transcriptToCallRecord } from '@voxguard/harness'
import { CallScriptSchema } from '../src/call-script-schema.ts'
import { renderAgentEventJsonSchema } from '../src/transcript/transcript-line-schema.ts'
import { transcriptFixture } from '../src/testing.ts'

const fixture = transcriptFixture('twilio-intelligence')

describe('production transcripts', () => {
  it('agent-event.schema.json is generated from the zod schema and up to date (run packages/harness/scripts/write-agent-event-schema.ts)', () => {
    const committed = readFileSync(fileURLToPath(new URL('../agent-event.schema.json', import.meta.url)), 'utf8')
    expect(committed).toBe(renderAgentEventJsonSchema())
  })

  it('a Twilio Conversational Intelligence transcript becomes a call record: channels by participant role, offsets placed in time, redacted', async () => {
    const [call, ...others] = await readTranscripts([fixture])
    expect(others).toEqual([])
    expect(call).toMatchObject({ callId: 'GT0123456789abcdef0123456789abcdef', callSid: 'CA0123456789abcdef0123456789abcdef' })
    const record = transcriptToCallRecord(call!, { runId: 'production-2026-12-02' })
    expect(record).toMatchObject({ callId: 'GT0123456789abcdef0123456789abcdef', protocol: 'twilio', transport: { callSid: 'CA0123456789abcdef0123456789abcdef' }, tags: ['production'], startedAt: '2026-12-02T09:12:30.000Z', redacted: true })
    expect(record.turns.map((turn) => [turn.index, turn.caller, turn.agent.text, turn.agent.firstByteMs, turn.agent.completeMs])).toEqual([
      [0, undefined, 'Thank you for calling Sakura Dental Clinic. How can I help you?', 400, 3100],
      [1, { kind: 'text', text: 'Hi, my name is Aiko Tanaka. How much does a cleaning cost?' }, 'A cleaning is 5000 yen.', 850, 3600],
      [2, { kind: 'text', text: 'Great. Please call me back at [phone] or write to [email].' }, 'Of course. We are open until 9 pm on Saturdays.', 750, 4150],
    ])
    const text = JSON.stringify(record)
    for (const personal of ['090-1234-5678', 'aiko.tanaka@example.com', '+819012345678', '+81312345678']) expect(text).not.toContain(personal)
  })

  it('--redact-names: the names the caller gave become [name] wherever they appear', async () => {
    const [call] = await readTranscripts([fixture])
    const record = transcriptToCallRecord(call!, { runId: 'r', redaction: 'names' })
    expect(record.turns[1]!.caller).toEqual({ kind: 'text', text: 'Hi, my name is [name] [name]. How much does a cleaning cost?' })
    expect(JSON.stringify(record)).not.toMatch(/Aiko|Tanaka/)
  })

  it('a production call becomes a valid call script: caller turns, tools per turn, neverSays, tagged production with the source call id', async () => {
    const [call] = await readTranscripts([fixture])
    const record = transcriptToCallRecord(call!, { runId: 'r' })
    record.turns[1]!.agent.toolCalls.push({ name: 'lookup_price', arguments: { item: 'cleaning' }, atMs: 7000 })
    const script = callScriptFromRecord(record, { neverSays: ['until 9 pm'], replyWithinMs: 2500, knowledgeBase: '../kb.yaml' })
    expect(CallScriptSchema.parse(script)).toEqual(script)
    expect(script).toMatchObject({
      id: 'production-GT0123456789abcdef0123456789abcdef',
      tags: ['production'],
      knowledgeBase: '../kb.yaml',
      metadata: { sourceCallId: 'GT0123456789abcdef0123456789abcdef' },
      turns: [{ say: 'Hi, my name is Aiko Tanaka. How much does a cleaning cost?', expect: { toolCalled: { name: 'lookup_price' } } }, { say: 'Great. Please call me back at [phone] or write to [email].' }],
      expect: { neverSays: ['until 9 pm'], toolsCalled: [{ name: 'lookup_price' }], replyWithinMs: 2500 },
    })
  })

  it('replies go to the turn that prompted them (by the agent\'s turn numbers, else by time); a barge-in and a hang-up mid-answer are turns as a harness records them', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'transcript-'))
    const t0 = Date.parse('2026-12-02T09:00:00.000Z')
    const at = (ms: number) => new Date(t0 + ms).toISOString()
    const line = (ms: number, name: string, data: Record<string, unknown>) => JSON.stringify({ schema: 'voxguard.agent-event', version: 1, at: at(ms), callId: 'c1', name, data })
    const file = join(directory, 'day.jsonl')
    await writeFile(file, [
      line(0, 'call.start', { scriptId: 'barge-in' }),
      // The caller spoke in the very millisecond the greeting began: the number says whose it is.
      line(5, 'caller.utterance', { text: 'Hours on Monday?', startAt: at(5), endAt: at(5), turn: 1 }),
      line(300, 'agent.utterance', { text: 'Hello!', startAt: at(5), endAt: at(300), turn: 0, interrupted: true }),
      line(2000, 'agent.utterance', { text: 'On Monday we open at 9:00', startAt: at(1200), endAt: at(2000), turn: 1, interrupted: true }),
      line(1500, 'caller.utterance', { text: 'And Saturday?', startAt: at(1500), endAt: at(1500), turn: 2 }),
      line(3000, 'agent.utterance', { text: 'On Saturday', startAt: at(2600), endAt: at(3000), interrupted: true }),
      line(2900, 'call.end', { endedBy: 'caller' }),
    ].join('\n') + '\n')
    const [call] = await readTranscripts([file])
    const record = transcriptToCallRecord(call!, { runId: 'r' })
    expect(record.scriptId).toBe('barge-in')
    expect(record.turns.map((turn) => [turn.index, turn.caller, turn.agent.text, turn.agent.firstByteMs, turn.agent.interrupted])).toEqual([
      [0, undefined, 'Hello!', 5, true],
      [1, { kind: 'text', text: 'Hours on Monday?' }, 'On Monday we open at 9:00', 1195, true],
      [2, { kind: 'barge-in', text: 'And Saturday?', afterMs: 300 }, 'On Saturday', 1100, true],
      [3, { kind: 'hangup', afterMs: 300 }, '', undefined, undefined],
    ])
    expect(record.endedBy).toBe('caller')
  })

  it('a bad line is an error naming file, line and field; nothing is skipped', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'transcript-'))
    const file = join(directory, 'day.jsonl')
    const line = (name: string, data: unknown) => JSON.stringify({ schema: 'voxguard.agent-event', version: 1, at: '2026-12-02T09:00:00.000Z', callId: 'c1', name, data })
    await writeFile(file, [line('call.start', {}), line('caller.utterance', { text: 'hello', startAt: '2026-12-02T09:00:01.000Z' })].join('\n') + '\n')
    const error = await readTranscripts([file]).catch((caught: unknown) => caught)
    expect(HarnessError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ code: 'transcript_invalid', file, line: 2, field: 'data.endAt' })
    expect((error as Error).message).toContain(`${file}:2: "data.endAt" of a caller.utterance line`)
    const twilio = join(directory, 'twilio.json')
    await writeFile(twilio, JSON.stringify({ sentences: [{ media_channel: 'one', transcript: 'hi' }] }))
    await expect(readTranscripts([twilio])).rejects.toMatchObject({ code: 'transcript_invalid', field: 'sentences[0].media_channel' })
  })
})
