import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { callRecord } from '@voxguard/harness/testing'
import { judgeCall } from './judge-call.ts'
import { parseKnowledgeBase } from '@voxguard/knowledge'
import { knowledgeFixture } from '@voxguard/knowledge/testing'

const knowledgeFile = knowledgeFixture('clinic')
const knowledge = parseKnowledgeBase(readFileSync(knowledgeFile, 'utf8'), knowledgeFile)
const greeting = { reply: 'Sakura Dental Clinic, how can I help?' }
const saturdayQuestion = 'What time do you open on Saturday?'
const saturdayAnswer = 'On Saturday we are open from 9:00 to 13:00.'

const codes = (verdict: Awaited<ReturnType<typeof judgeCall>>) => verdict.reasons.map((reason) => reason.code)

describe('judgeCall: one minimal record per reason code', () => {
  it('passes a clean call with factor null', async () => {
    const verdict = await judgeCall(callRecord({ turns: [greeting, { caller: saturdayQuestion, reply: saturdayAnswer, expectations: { saysAny: ['13:00', '1 pm'] } }] }), { knowledge })
    expect(verdict).toMatchObject({ schema: 'voxguard.verdict', version: 1, outcome: 'pass', factor: null, reasons: [], hallucinations: [], turnsJudged: 2 })
    expect(verdict.claimsChecked).toBeGreaterThan(0)
  })

  it('a caller hang-up turn is not a judged agent turn (the hallucination rate counts replies only)', async () => {
    const record = callRecord({ turns: [greeting, { caller: saturdayQuestion, reply: saturdayAnswer }] })
    record.turns.push({ index: 2, caller: { kind: 'hangup' }, sentAtMs: 2000, agent: { text: '', deltaCount: 0, toolCalls: [] }, timedOut: false })
    const verdict = await judgeCall(record, { knowledge })
    expect(verdict).toMatchObject({ outcome: 'pass', turnsJudged: 2 })
  })

  it('agent_unreachable: connect_failed, nothing else judged', async () => {
    const verdict = await judgeCall(callRecord({ turns: [], endedBy: 'error', failure: { kind: 'connect_failed', message: 'ECONNREFUSED 127.0.0.1:9', atMs: 3 }, expectations: { goalTool: 'book_appointment' } }), { knowledge })
    expect(verdict).toMatchObject({ outcome: 'fail', factor: 'system' })
    expect(verdict.reasons).toEqual([{ code: 'agent_unreachable', factor: 'system', message: 'connect_failed: ECONNREFUSED 127.0.0.1:9', evidence: { event: 'connect_failed', timingMs: 3, closeCode: 1000 } }])
  })

  it('socket_dropped: carries the close code and turn', async () => {
    const record = callRecord({ turns: [greeting, { caller: saturdayQuestion, reply: 'On Satur' }], endedBy: 'error', transport: { closeCode: 1006 }, failure: { kind: 'socket_dropped', message: 'closed without a close frame', turn: 1, closeCode: 1006, atMs: 1400 } })
    const verdict = await judgeCall(record, { knowledge })
    expect(verdict.reasons).toEqual([expect.objectContaining({ code: 'socket_dropped', factor: 'system', turn: 1, evidence: expect.objectContaining({ closeCode: 1006, event: 'socket_dropped' }) })])
  })

  it('turn_timeout: a timed-out turn is not also "failing to mention" the hours', async () => {
    const record = callRecord({ turns: [greeting, { caller: saturdayQuestion, reply: '', timedOut: true, expectations: { saysAny: ['13:00'] } }] })
    const verdict = await judgeCall(record, { knowledge })
    expect(codes(verdict)).toEqual(['turn_timeout'])
    expect(verdict.factor).toBe('system')
  })

  it('latency_over_budget: first byte after the turn budget, with timing evidence', async () => {
    const record = callRecord({ turns: [greeting, { caller: saturdayQuestion, reply: saturdayAnswer, firstByteMs: 2400, expectations: { replyWithinMs: 1500 } }] })
    const verdict = await judgeCall(record, { knowledge })
    expect(verdict.reasons).toEqual([expect.objectContaining({ code: 'latency_over_budget', turn: 1, evidence: { timingMs: 2400, budgetMs: 1500 } })])
  })

  it('latency_over_budget: the call-wide budget applies to every turn', async () => {
    const record = callRecord({ turns: [greeting, { caller: saturdayQuestion, reply: saturdayAnswer, firstByteMs: 900 }], expectations: { replyWithinMs: 800 } })
    expect(codes(await judgeCall(record, { knowledge }))).toEqual(['latency_over_budget'])
  })

  it.each([
    ['llm.all_failed', 'llm_unavailable'],
    ['llm.deadline', 'llm_unavailable'],
    ['asr.error', 'asr_failure'],
    ['asr.empty', 'asr_failure'],
    ['tts.error', 'tts_failure'],
  ])('%s event → %s, and the turn is not judged for dialogue', async (event, code) => {
    const record = callRecord({
      turns: [greeting, { caller: saturdayQuestion, reply: "Sorry, I'm having trouble right now.", expectations: { saysAny: ['13:00'] } }],
      events: [{ name: event, turn: 1, data: { message: 'upstream failed' } }],
    })
    const verdict = await judgeCall(record, { knowledge })
    expect(codes(verdict)).toEqual([code])
    expect(verdict.reasons[0]?.evidence.event).toBe(event)
    expect(verdict.factor).toBe('system')
  })

  it('llm.fallback is evidence only: the call still passes', async () => {
    const record = callRecord({ turns: [greeting, { caller: saturdayQuestion, reply: saturdayAnswer }], events: [{ name: 'llm.fallback', turn: 1, data: { from: 'east', to: 'west', reason: 'server 503' } }] })
    expect((await judgeCall(record, { knowledge })).outcome).toBe('pass')
  })

  it('protocol_error: failure kind protocol_error', async () => {
    const record = callRecord({ turns: [greeting], endedBy: 'error', failure: { kind: 'protocol_error', message: 'binary frame from agent', turn: 1, atMs: 900 } })
    expect(codes(await judgeCall(record, { knowledge }))).toEqual(['protocol_error'])
  })

  it('harness_error: the test tool broke, not the agent; turns from there on are not judged', async () => {
    const record = callRecord({ turns: [greeting, { caller: 'How much is a cleaning?', reply: 'A cleaning is 3,000 yen.' }], endedBy: 'error', failure: { kind: 'harness_error', message: 'script step 2 has no text', turn: 1, atMs: 1200 }, expectations: { goalTool: 'book_appointment' } })
    const verdict = await judgeCall(record, { knowledge })
    expect(verdict.reasons).toEqual([{ code: 'harness_error', factor: 'system', turn: 1, message: 'harness_error: script step 2 has no text', evidence: { event: 'harness_error', timingMs: 1200, closeCode: 1000 } }])
    expect(verdict).toMatchObject({ factor: 'system', hallucinations: [], turnsJudged: 1 })
  })

  it.each(['turn_timeout', 'call_timeout'] as const)('turn_timeout: failure kind %s, one reason even when the turn is also marked timedOut', async (kind) => {
    const record = callRecord({ turns: [greeting, { caller: saturdayQuestion, reply: '', timedOut: true, expectations: { saysAny: ['13:00'] } }], endedBy: 'error', failure: { kind, message: 'no agent.final within 8000 ms', turn: 1, atMs: 9000 }, expectations: { goalTool: 'book_appointment' } })
    const verdict = await judgeCall(record, { knowledge })
    expect(verdict.reasons).toEqual([expect.objectContaining({ code: 'turn_timeout', factor: 'system', turn: 1, evidence: expect.objectContaining({ event: kind, timingMs: 9000 }) })])
  })

  it('hallucination: a wrong price, with the knowledge-base entry as evidence', async () => {
    const record = callRecord({ turns: [greeting, { caller: 'How much is a cleaning?', reply: 'A cleaning is 3,000 yen.' }] })
    const verdict = await judgeCall(record, { knowledge })
    expect(verdict.reasons).toEqual([expect.objectContaining({ code: 'hallucination', factor: 'dialogue', turn: 1, evidence: { quote: '3,000 yen', knowledge: { path: 'facts.prices_yen.cleaning', value: '5000' } } })])
    expect(verdict.hallucinations).toEqual([{ turn: 1, reply: 'A cleaning is 3,000 yen.', findings: [expect.objectContaining({ status: 'contradicted', type: 'price' })] }])
  })

  it('expectation_unmet: says / never says / regex / tool, case- and width-insensitive', async () => {
    const record = callRecord({
      turns: [
        greeting,
        { caller: saturdayQuestion, reply: 'ON SATURDAY WE ARE OPEN FROM ９:００ TO １３:００.', expectations: { saysAll: ['saturday', '13:00'], neverSays: ['sunday'], matches: ['9:00\\s+to'] } },
        { caller: 'Book me a cleaning on Saturday at 10:00', reply: 'Sure, you are booked.', expectations: { toolCalled: { name: 'book_appointment' } } },
      ],
    })
    const verdict = await judgeCall(record, { knowledge })
    // Saying "you are booked" without booking is also an unsupported statement.
    expect(verdict.reasons.map((reason) => [reason.code, reason.turn, reason.message])).toEqual([
      ['expectation_unmet', 2, 'turn 2: tool book_appointment was not called'],
      ['hallucination', 2, 'turn 2: unsupported statement "Sure, you are booked."'],
    ])
    const booked = callRecord({ turns: [greeting, { caller: 'Book me a cleaning on Saturday at 10:00', reply: 'Sure, you are booked.', toolCalls: [{ name: 'book_appointment', arguments: { day: 'saturday', time: '10:00' }, result: { confirmed: true } }], expectations: { toolCalled: { name: 'book_appointment', arguments: { day: 'Saturday' } } } }] })
    expect((await judgeCall(booked, { knowledge })).outcome).toBe('pass')
  })

  it('expectation_unmet in Japanese: full-width text matches half-width expectations', async () => {
    const record = callRecord({ turns: [greeting, { caller: '土曜日は何時までですか', reply: '土曜日は９時から１３時までです。', expectations: { saysAny: ['13時'], neverSays: ['日曜'] } }] })
    expect((await judgeCall(record, { knowledge })).outcome).toBe('pass')
    const wrong = callRecord({ turns: [greeting, { caller: '土曜日は何時までですか', reply: '日曜日はお休みです。', expectations: { saysAny: ['13時'] } }] })
    expect(codes(await judgeCall(wrong, { knowledge }))).toContain('expectation_unmet')
  })

  it('task_incomplete: the goal tool was never called', async () => {
    const record = callRecord({ turns: [greeting, { caller: 'I want to book a cleaning', reply: 'I can book that for you. What day and time would you like?' }], expectations: { goalTool: 'book_appointment' } })
    expect(codes(await judgeCall(record, { knowledge }))).toEqual(['task_incomplete'])
  })

  it('misunderstanding: a fallback reply to a clear question', async () => {
    const fallback = "I'm sorry, I can help with opening hours, prices, our address, insurance and appointments. What would you like to know?"
    const record = callRecord({ turns: [greeting, { caller: 'How much does whitening cost?', reply: fallback, expectations: { saysAny: ['30000', '30,000'] } }] })
    const verdict = await judgeCall(record, { knowledge })
    expect(codes(verdict)).toEqual(['misunderstanding'])
    expect(verdict.reasons[0]?.message).toBe('turn 1: the caller asked about price; the agent answered fallback')
  })

  it('misunderstanding: the reply answers another intent (address instead of hours)', async () => {
    const record = callRecord({ turns: [greeting, { caller: 'What are your opening hours on Saturday?', reply: 'We are at 2-14-3 Dogenzaka, Shibuya-ku, Tokyo, 5 minutes on foot from the Hachiko exit of Shibuya Station.', expectations: { saysAny: ['13:00'] } }] })
    expect(codes(await judgeCall(record, { knowledge }))).toEqual(['misunderstanding'])
  })

  it('misunderstanding uses no intent names: an intent the caller also asked for, or a hand-off intent, is not one', async () => {
    const shop = parseKnowledgeBase(
      [
        'version: 1',
        'facts:',
        "  business: { name: Kim's Barbers }",
        '  prices: { haircut: 40 }',
        'intents:',
        '  prices: { keywords: [how much, price, haircut], reply: "A haircut is {facts.prices.haircut} dollars." }',
        '  end_call: { keywords: [bye], reply: "Thanks for calling {facts.business.name}. Have a nice day!" }',
        '  operator: { keywords: [person], reply: "Let me put you through to the front desk.", tool: transfer_call }',
        '  fallback: { reply: "Sorry, I can only help with prices." }',
      ].join('\n'),
      'shop.yaml',
    )
    const judged = async (caller: string, reply: string) => codes(await judgeCall(callRecord({ turns: [{ reply: 'Hello, how can I help?' }, { caller, reply }] }), { knowledge: shop }))
    expect(await judged('How much is a haircut? Actually never mind, bye.', "Thanks for calling Kim's Barbers. Have a nice day!")).not.toContain('misunderstanding')
    expect(await judged('How much is a haircut?', 'Let me put you through to the front desk.')).not.toContain('misunderstanding')
    expect(await judged('How much is a haircut?', "Thanks for calling Kim's Barbers. Have a nice day!")).toEqual(['misunderstanding'])
  })

  it('loop: the same reply three times', async () => {
    const again = "Sorry, could you say that again?"
    const record = callRecord({ turns: [greeting, { caller: 'uh', reply: again }, { caller: 'hmm', reply: again }, { caller: 'well', reply: 'Sorry, could you say that again ?' }] })
    const verdict = await judgeCall(record, { knowledge })
    expect(codes(verdict)).toEqual(['loop'])
    expect(verdict.reasons[0]).toMatchObject({ turn: 3, message: 'the agent gave the same reply 3 times (turns 1, 2, 3)' })
  })

  it('the same answer to the same question asked three times is not a loop', async () => {
    const record = callRecord({ turns: [greeting, { caller: saturdayQuestion, reply: saturdayAnswer }, { caller: saturdayQuestion, reply: saturdayAnswer }, { caller: saturdayQuestion, reply: saturdayAnswer }] })
    expect((await judgeCall(record, { knowledge })).outcome).toBe('pass')
  })

  it('premature_hangup: the agent ended the call before the goal', async () => {
    const record = callRecord({ endedBy: 'agent', turns: [greeting, { caller: 'I want to book a cleaning', reply: 'Thank you for calling Sakura Dental Clinic. Goodbye.' }], expectations: { goalTool: 'book_appointment' } })
    const verdict = await judgeCall(record, { knowledge })
    expect(codes(verdict)).toEqual(['premature_hangup'])
    expect(verdict.reasons[0]?.evidence.event).toBe('agent.hangup')
  })

  it('a hand-off to a human is not a premature hang-up', async () => {
    const record = callRecord({ endedBy: 'agent', turns: [greeting, { caller: 'Can I talk to a person?', reply: 'Of course, I will connect you to our receptionist.' }], events: [{ name: 'handoff.human', turn: 1, data: { reason: 'caller asked' } }], expectations: { goalTool: 'book_appointment' } })
    expect((await judgeCall(record, { knowledge })).outcome).toBe('pass')
  })
})

describe('judgeCall: precedence', () => {
  const apology = " I'm sorry, I'm having trouble answering right now. Would you like me to connect you to a receptionist?"
  const cut = (spoken: string) => callRecord({
    turns: [greeting, { caller: 'How much is a checkup?', reply: spoken + apology }],
    events: [{ name: 'llm.all_failed', turn: 1, data: { route: 'answer', attempts: 3, spokenChars: spoken.length } }],
  })

  it('a false value streamed before an LLM outage broke the reply off is still a hallucination (factor both)', async () => {
    const verdict = await judgeCall(cut('A cleaning is 5000 yen, a checkup is 4000 yen'), { knowledge })
    expect(verdict.factor).toBe('both')
    expect(verdict.reasons).toContainEqual(expect.objectContaining({ code: 'hallucination', turn: 1, evidence: expect.objectContaining({ knowledge: expect.objectContaining({ path: 'facts.prices_yen.checkup' }) }) }))
  })

  it('what was heard before the outage is grounded without its unfinished last value, and the apology is not', async () => {
    expect(await judgeCall(cut('A cleaning is 5000 yen, a checkup is 3000 yen'), { knowledge })).toMatchObject({ factor: 'system', hallucinations: [] })
    expect(await judgeCall(cut('A cleaning is 5000 yen, a checkup is 30'), { knowledge })).toMatchObject({ factor: 'system', hallucinations: [] })
  })

  it('what the agent then fails to do after a turn lost to an outage is that outage\'s consequence (factor system), not a dialogue failure', async () => {
    const record = callRecord({
      turns: [
        greeting,
        { caller: 'I would like to book an appointment.', reply: "I'm sorry, I'm having trouble answering right now. Would you like me to connect you to a receptionist?" },
        { caller: 'A cleaning next Tuesday at 10:00. My name is Aiko Suzuki.', reply: 'A cleaning is 5000 yen.', expectations: { toolCalled: { name: 'book_appointment' } } },
      ],
      events: [{ name: 'llm.all_failed', turn: 1, data: { attempts: 5 } }],
    })
    const verdict = await judgeCall(record, { knowledge })
    expect(verdict.factor).toBe('system')
    expect(verdict.reasons).toEqual([
      expect.objectContaining({ code: 'llm_unavailable', factor: 'system', turn: 1 }),
      expect.objectContaining({ code: 'expectation_unmet', factor: 'system', turn: 2, consequenceOf: { code: 'llm_unavailable', turn: 1 }, evidence: expect.objectContaining({ expectation: 'toolCalled' }) }),
    ])
  })

  it('saying something forbidden or false after an outage is still the dialogue\'s own failure (factor both)', async () => {
    const record = callRecord({
      turns: [
        greeting,
        { caller: 'How much is a cleaning?', reply: "I'm sorry, I'm having trouble answering right now. Would you like me to connect you to a receptionist?" },
        { caller: 'Is there a cancellation fee?', reply: 'There is no fee for cancelling.', expectations: { neverSays: ['no fee'] } },
      ],
      events: [{ name: 'llm.all_failed', turn: 1, data: { attempts: 5 } }],
    })
    const verdict = await judgeCall(record, { knowledge })
    expect(verdict.factor).toBe('both')
    expect(verdict.reasons).toContainEqual(expect.objectContaining({ code: 'expectation_unmet', factor: 'dialogue', turn: 2, evidence: expect.objectContaining({ expectation: 'neverSays' }) }))
    expect(verdict.reasons.find((reason) => reason.code === 'expectation_unmet')).not.toHaveProperty('consequenceOf')
  })

  it('turns after a socket drop are not judged; the goal is not blamed on the dialogue', async () => {
    const record = callRecord({
      turns: [greeting, { caller: saturdayQuestion, reply: saturdayAnswer }, { caller: 'How much is a cleaning?', reply: 'A clean', expectations: { saysAny: ['5,000', '5000'] } }],
      endedBy: 'error',
      failure: { kind: 'socket_dropped', message: 'closed 1011', turn: 2, closeCode: 1011, atMs: 2300 },
      expectations: { goalTool: 'book_appointment' },
    })
    const verdict = await judgeCall(record, { knowledge })
    expect(codes(verdict)).toEqual(['socket_dropped'])
    expect(verdict).toMatchObject({ factor: 'system', turnsJudged: 2 })
  })

  it('an LLM outage does not make the call task_incomplete too', async () => {
    const record = callRecord({ turns: [greeting, { caller: 'I want to book a cleaning', reply: 'Sorry, please call back later.' }], events: [{ name: 'llm.all_failed', turn: 1, data: { attempts: 4 } }], expectations: { goalTool: 'book_appointment' } })
    expect(codes(await judgeCall(record, { knowledge }))).toEqual(['llm_unavailable'])
  })

  it('a hand-off to a human that follows an LLM outage is not a dialogue failure', async () => {
    const record = callRecord({
      turns: [
        greeting,
        { caller: 'I would like to book an appointment.', reply: "I'm sorry, I'm having trouble answering right now. Would you like me to connect you to a receptionist?" },
        { caller: 'A cleaning next Tuesday at 10:00, please.', reply: 'Of course, I will connect you to our receptionist now. Please hold.', expectations: { toolCalled: { name: 'book_appointment' } } },
      ],
      events: [{ name: 'llm.all_failed', turn: 1, data: { attempts: 5 } }, { name: 'handoff.human', turn: 2, data: { reason: 'accepted after an apology' } }],
      expectations: { goalTool: 'book_appointment' },
    })
    const verdict = await judgeCall(record, { knowledge })
    expect(verdict.reasons.map((reason) => reason.code)).toEqual(['llm_unavailable'])
    expect(verdict.factor).toBe('system')
  })

  it('factor both only for independent failures: slow reply + wrong price', async () => {
    const record = callRecord({ turns: [greeting, { caller: 'How much is a cleaning?', reply: 'A cleaning is 3,000 yen.', firstByteMs: 3000, expectations: { replyWithinMs: 1500 } }] })
    const verdict = await judgeCall(record, { knowledge })
    expect(codes(verdict)).toEqual(['latency_over_budget', 'hallucination'])
    expect(verdict.factor).toBe('both')
  })

  it('a timed-out turn is not checked for hallucinations', async () => {
    const record = callRecord({ turns: [greeting, { caller: 'How much is a cleaning?', reply: 'A cleaning is 3,', timedOut: true }] })
    const verdict = await judgeCall(record, { knowledge })
    expect(codes(verdict)).toEqual(['turn_timeout'])
    expect(verdict.hallucinations).toEqual([])
  })

  it('an interrupted reply is judged on what was heard: its cut-off last value is not a claim, earlier claims are', async () => {
    const cut = callRecord({ turns: [greeting, { caller: 'What are your hours during the week?', reply: 'We are open Monday, Tuesday and Thursday 09:', interrupted: true }] })
    const verdict = await judgeCall(cut, { knowledge })
    expect(verdict).toMatchObject({ outcome: 'pass', factor: null, hallucinations: [] })
    const wrongThenCut = callRecord({ turns: [greeting, { caller: 'How much is a cleaning?', reply: 'A cleaning is 7500 yen, a checkup is 30', interrupted: true }] })
    const flagged = await judgeCall(wrongThenCut, { knowledge })
    expect(flagged.hallucinations.flatMap((turn) => turn.findings.map((finding) => finding.text))).toEqual(['7500 yen'])
  })

  it('a misunderstanding replaces the unmet expectation of the same turn (one reason, not two)', async () => {
    const record = callRecord({ turns: [greeting, { caller: 'How much does whitening cost?', reply: "I'm sorry, I didn't understand. Could you repeat?", expectations: { saysAny: ['30000'] } }] })
    expect(codes(await judgeCall(record, { knowledge }))).toEqual(['misunderstanding'])
  })

  it('rejects a bad option with its name', async () => {
    await expect(judgeCall(callRecord(), { loopThreshold: 1 })).rejects.toThrow('loopThreshold must be an integer ≥ 2 (got 1)')
  })
})
