import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { AudioTiming, CallRecord } from '@voxguard/harness'
import { parseKnowledgeBase } from '@voxguard/knowledge'
import { callRecord, type TurnSpec } from '@voxguard/harness/testing'
import { judgeCall } from './judge-call.ts'
import { knowledgeFixture } from '@voxguard/knowledge/testing'

const knowledgeFile = knowledgeFixture('clinic')
const knowledge = parseKnowledgeBase(readFileSync(knowledgeFile, 'utf8'), knowledgeFile)

interface AudioTurnSpec extends Omit<TurnSpec, 'reply'> {
  /** What the agent meant to say (`reply.text` in its event log); absent: no event log. */
  intended?: string
  /** What the harness's recogniser heard in the reply's audio. */
  heard?: string
  /** What the agent's recogniser heard from the caller (`asr.result`). */
  agentHeard?: string
  audio?: Partial<AudioTiming>
}

/** A Twilio call record: the replies' text fields are empty (audio only), as the harness records them. */
function audioCall(turns: AudioTurnSpec[], overrides: Omit<Partial<CallRecord>, 'turns' | 'events'> = {}): CallRecord {
  const record = callRecord({ protocol: 'twilio', turns: turns.map((spec) => ({ ...spec, reply: '' })), ...overrides })
  record.turns.forEach((turn, index) => {
    const spec = turns[index]!
    turn.agent.audio = { playbackMs: 2000, mediaFrames: 100, marksSent: [], marksEchoed: [], ...(spec.heard !== undefined ? { heardText: spec.heard, heardBy: 'pocketsphinx' } : {}), ...spec.audio }
    if (spec.agentHeard !== undefined) record.events.push({ name: 'asr.result', data: { text: spec.agentHeard, confidence: 0.7 }, atMs: index * 1000 + 20, turn: index, source: 'agent-log' })
    if (spec.intended !== undefined) record.events.push({ name: 'reply.text', data: { replyId: `reply-${index}`, text: spec.intended }, atMs: index * 1000 + 400, turn: index, source: 'agent-log' })
  })
  return record
}

const greeting = { intended: 'Thank you for calling Sakura Dental Clinic. How can I help you?', heard: 'thank you for calling sakura dental clinic how can i help you' }

describe('judgeCall on audio (Twilio) calls', () => {
  it('a price the harness misheard while the agent meant the right one is no hallucination: listed as misheard only', async () => {
    const record = audioCall([greeting, { caller: 'How much is a cleaning?', intended: 'A cleaning is 5000 yen.', heard: 'a cleaning is seven thousand yen' }])
    const verdict = await judgeCall(record, { knowledge })
    expect(verdict).toMatchObject({ outcome: 'pass', factor: null, reasons: [], hallucinations: [] })
    expect(verdict.misheard).toEqual([{ turn: 1, reply: 'a cleaning is seven thousand yen', findings: [expect.objectContaining({ text: '7000 yen', type: 'price', status: 'contradicted' })] }])
  })

  it('a false price the agent meant and the caller heard is a hallucination (dialogue), with the heard words as evidence', async () => {
    const record = audioCall([greeting, { caller: 'How much is a cleaning?', intended: 'A cleaning is 7000 yen.', heard: 'a cleaning is seven thousand yen' }])
    const verdict = await judgeCall(record, { knowledge })
    expect(verdict).toMatchObject({ outcome: 'fail', factor: 'dialogue' })
    expect(verdict.reasons).toEqual([
      expect.objectContaining({ code: 'hallucination', factor: 'dialogue', turn: 1, evidence: expect.objectContaining({ heard: 'a cleaning is seven thousand yen', knowledge: { path: 'facts.prices_yen.cleaning', value: '5000' } }) }),
    ])
    expect(verdict.misheard).toBeUndefined()
  })

  it('without the agent event log a false price in what the harness heard is not blamed on the agent', async () => {
    const verdict = await judgeCall(audioCall([greeting, { caller: 'How much is a cleaning?', heard: 'a cleaning is seven thousand yen' }]), { knowledge })
    expect(verdict.outcome).toBe('pass')
    expect(verdict.misheard?.[0]?.findings[0]).toMatchObject({ text: '7000 yen', status: 'contradicted' })
  })

  it('a reply the judge could not hear (no transcript, no event log) is not the AI’s fault: no task_incomplete', async () => {
    const record = audioCall([{}, { caller: 'I would like to book a cleaning on Monday at 10.' }], { expectations: { goalTool: 'book_appointment' }, goal: 'book a cleaning' })
    const verdict = await judgeCall(record, { knowledge })
    expect(verdict).toMatchObject({ outcome: 'pass', factor: null, reasons: [], turnsJudged: 0 })
  })

  it('asr_misrecognition: the agent heard something else than the caller said and the call then failed; both texts are evidence', async () => {
    const record = audioCall([
      greeting,
      { caller: 'How much is a cleaning?', agentHeard: 'how much is a crown', intended: 'A crown is 80000 yen.', heard: 'a crown is eighty thousand yen', expectations: { saysAny: ['5000'] } },
    ])
    const verdict = await judgeCall(record, { knowledge })
    expect(verdict).toMatchObject({ outcome: 'fail', factor: 'system' })
    expect(verdict.reasons).toEqual([
      expect.objectContaining({ code: 'asr_misrecognition', factor: 'system', turn: 1, evidence: { event: 'asr.result', callerSaid: 'How much is a cleaning?', agentHeard: 'how much is a crown', werRatio: 0.2 } }),
      expect.objectContaining({ code: 'expectation_unmet', factor: 'system', turn: 1, consequenceOf: { code: 'asr_misrecognition', turn: 1 } }),
    ])
  })

  it('an agent that heard the caller right is judged on its reply as usual (no asr_misrecognition)', async () => {
    const record = audioCall([greeting, { caller: 'How much is a cleaning?', agentHeard: 'how much is a cleaning', intended: 'A checkup is 3000 yen.', expectations: { saysAny: ['5000'] } }])
    const verdict = await judgeCall(record, { knowledge })
    expect(verdict.reasons.map((reason) => [reason.code, reason.factor])).toEqual([['expectation_unmet', 'dialogue']])
  })

  it('silence where a reply was due → audio_silence; audio that cannot be played → audio_unplayable (system, the turn not judged)', async () => {
    const silent = audioCall([greeting, { caller: 'How much is a cleaning?', timedOut: true, audio: { mediaFrames: 0, playbackMs: 0 } }], { failure: { kind: 'turn_timeout', message: 'the agent did not reply', turn: 1, atMs: 9000 }, endedBy: 'harness' })
    expect((await judgeCall(silent, { knowledge })).reasons.map((reason) => reason.code)).toEqual(['audio_silence'])
    const quiet = audioCall([greeting, { caller: 'How much is a cleaning?', audio: { silent: true }, expectations: { saysAny: ['5000'] } }])
    expect((await judgeCall(quiet, { knowledge })).reasons.map((reason) => [reason.code, reason.factor])).toEqual([['audio_silence', 'system']])
    const noise = audioCall([greeting, { caller: 'How much is a cleaning?', audio: { unplayable: 'a WAV file (RIFF header) sent as raw μ-law' }, expectations: { saysAny: ['5000'] } }])
    expect((await judgeCall(noise, { knowledge })).reasons.map((reason) => [reason.code, reason.factor])).toEqual([['audio_unplayable', 'system']])
  })

  it('tool calls are invisible on an audio call: tool expectations and a goal tool are not held against the agent', async () => {
    const record = audioCall([greeting, { caller: 'Can I speak to a person?', intended: 'Of course, I will connect you to our receptionist now. Please hold.', expectations: { toolCalled: { name: 'handoff_to_human' } } }], { expectations: { goalTool: 'handoff_to_human' } })
    expect(await judgeCall(record, { knowledge })).toMatchObject({ outcome: 'pass', reasons: [] })
  })
})
