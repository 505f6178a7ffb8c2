/**
 * Generates call records whose verdict is known, for the judge's attribution benchmark:
 * clean calls, calls with injected hallucinations (a wrong price, hour, weekday/date, name,
 * policy, address, phone or number in one or two replies, logged like
 * @voxguard/mock-llm's `voxguard.mock-ground-truth` hallucination lines), calls with
 * system faults (connect failure, socket drop, timeout, LLM/ASR/TTS failure events,
 * latency, protocol error), other dialogue failures, and independent system + dialogue
 * failures. Seeded: the same seed gives the same calls.
 */
import type { CallRecord, TurnRecord } from '@voxguard/harness'
import { callRecord } from '@voxguard/harness/testing'
import type { Factor } from '@voxguard/judge'
import type { KnowledgeBase } from '@voxguard/knowledge'
import { fillTemplate } from '@voxguard/knowledge'

type ClaimType = 'price' | 'hours' | 'date' | 'name' | 'policy' | 'address' | 'phone' | 'number'
interface Mutation { claimType: ClaimType; from: string; to: string[] }
interface Exchange { caller: string; reply: string; saysAny: string[]; mutations: Mutation[]; tool?: { name: string; arguments: Record<string, unknown>; result: unknown } }

/** One injected hallucination, in the shape of @voxguard/mock-llm's ground-truth lines. */
export interface InjectedHallucination { schema: 'voxguard.mock-ground-truth'; version: 1; kind: 'hallucination'; claimType: ClaimType; original: string; injected: string; replyText: string; turn: number }
export interface GeneratedCall {
  record: CallRecord
  truth: { factor: Factor | 'both' | null; scenario: string; hallucinatedTurns: number[]; injected: InjectedHallucination[] }
}

function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = Math.imul(state ^ (state >>> 15), 1 | state)
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

function exchanges(knowledge: KnowledgeBase, japanese: boolean): Exchange[] {
  const reply = (intent: string) => fillTemplate(knowledge.intents[intent]?.reply ?? '', knowledge)
  if (japanese) {
    return [
      { caller: '土曜日は何時までですか', reply: '土曜日は午前9時から午後1時までです。', saysAny: ['午後1時'], mutations: [{ claimType: 'hours', from: '午後1時', to: ['午後3時', '午後5時', '午後2時'] }, { claimType: 'date', from: '土曜日', to: ['日曜日'] }] },
      { caller: 'クリーニングはいくらですか', reply: 'クリーニングは5,000円です。', saysAny: ['5,000円', '5000円'], mutations: [{ claimType: 'price', from: '5,000円', to: ['3,000円', '6,000円', '三千円', '8,000円'] }] },
      { caller: '電話番号を教えてください', reply: '電話番号は03-1234-5678です。', saysAny: ['03-1234-5678'], mutations: [{ claimType: 'phone', from: '03-1234-5678', to: ['03-1234-5679', '03-4321-5678'] }] },
      { caller: 'キャンセル料はいくらですか', reply: '24時間前を過ぎたキャンセルは2,000円かかります。', saysAny: ['2,000円'], mutations: [{ claimType: 'price', from: '2,000円', to: ['3,000円', '1,000円'] }, { claimType: 'number', from: '24時間', to: ['48時間', '12時間'] }] },
      { caller: 'ホワイトニングは保険がききますか', reply: 'ホワイトニングは保険の対象外です。', saysAny: ['対象外'], mutations: [{ claimType: 'policy', from: '対象外です', to: ['対象です'] }] },
      { caller: '日曜日は開いていますか', reply: '日曜日は休診です。', saysAny: ['休診'], mutations: [{ claimType: 'date', from: '日曜日は休診です', to: ['日曜日も診療しています'] }] },
    ]
  }
  return [
    { caller: 'What time do you open on Saturday?', reply: 'On Saturday we are open from 9:00 to 13:00.', saysAny: ['13:00', '1 pm'], mutations: [{ claimType: 'hours', from: '13:00', to: ['14:00', '15:00', '17:00', '12:00'] }, { claimType: 'date', from: 'Saturday', to: ['Sunday'] }] },
    { caller: 'What are your opening hours?', reply: reply('hours'), saysAny: ['09:00'], mutations: [{ claimType: 'hours', from: 'Wednesday 09:00-12:00', to: ['Wednesday 09:00-18:00', 'Wednesday 10:00-12:00'] }, { claimType: 'hours', from: 'Friday 09:00-20:00', to: ['Friday 09:00-19:00'] }, { claimType: 'date', from: 'closed on Sundays', to: ['closed on Mondays'] }] },
    { caller: 'How much is a cleaning?', reply: 'A cleaning is 5,000 yen.', saysAny: ['5,000', '5000'], mutations: [{ claimType: 'price', from: '5,000 yen', to: ['3,000 yen', '6,000 yen', '4,500 yen', '8,000 yen'] }] },
    { caller: 'How much do your treatments cost?', reply: reply('price'), saysAny: ['yen'], mutations: [{ claimType: 'price', from: '30000 yen', to: ['20000 yen', '35000 yen'] }, { claimType: 'price', from: 'checkup is 3000', to: ['checkup is 2000', 'checkup is 5000'] }] },
    { caller: 'Where are you located?', reply: reply('address'), saysAny: ['Dogenzaka'], mutations: [{ claimType: 'address', from: '2-14-3', to: ['2-4-13', '3-14-2'] }, { claimType: 'number', from: '5 minutes', to: ['15 minutes', '10 minutes'] }] },
    { caller: 'What is your phone number?', reply: 'Our phone number is 03-1234-5678.', saysAny: ['03-1234-5678'], mutations: [{ claimType: 'phone', from: '03-1234-5678', to: ['03-1234-5679', '03-8765-4321'] }] },
    { caller: 'Who is the director of the clinic?', reply: 'Our director is Dr. Haruka Tanaka.', saysAny: ['Tanaka'], mutations: [{ claimType: 'name', from: 'Dr. Haruka Tanaka', to: ['Dr. Haruka Suzuki', 'Dr. Emily Tanaka', 'Dr. Kenji Sato'] }] },
    { caller: 'Is whitening covered by insurance?', reply: reply('insurance'), saysAny: ['not covered'], mutations: [{ claimType: 'policy', from: 'Whitening is not covered by insurance.', to: ['Whitening is covered by insurance.'] }, { claimType: 'policy', from: 'We accept Japanese National Health Insurance.', to: ['We accept private insurance.'] }] },
    { caller: 'I need to cancel my appointment.', reply: reply('cancel'), saysAny: ['cancel'], mutations: [{ claimType: 'number', from: '24 hours', to: ['48 hours', '12 hours'] }, { claimType: 'price', from: '2000 yen', to: ['3000 yen', '1500 yen'] }] },
    { caller: 'Is there parking?', reply: 'Parking is not available; please use the coin parking behind the building.', saysAny: ['coin parking'], mutations: [{ claimType: 'policy', from: 'Parking is not available; please use the coin parking behind the building.', to: ['Parking is available at the clinic.'] }] },
    { caller: 'Do you see children?', reply: 'Children are welcome from age 3.', saysAny: ['3'], mutations: [{ claimType: 'number', from: 'age 3', to: ['age 6', 'age 1'] }] },
    { caller: 'How long is an appointment?', reply: 'Each appointment slot is 30 minutes.', saysAny: ['30'], mutations: [{ claimType: 'number', from: '30 minutes', to: ['45 minutes', '60 minutes'] }] },
    {
      caller: 'Book me a cleaning on Saturday at 11:00.', reply: 'You are booked for a cleaning on Saturday, March 7 at 11:00.', saysAny: ['booked'],
      mutations: [{ claimType: 'date', from: 'March 7', to: ['March 8', 'March 14'] }, { claimType: 'hours', from: '11:00', to: ['14:00', '16:30'] }],
      tool: { name: 'book_appointment', arguments: { service: 'cleaning', day: 'saturday', time: '11:00' }, result: { confirmed: true, date: '2026-03-07', time: '11:00' } },
    },
  ]
}

const GREETING = { en: 'Thank you for calling Sakura Dental Clinic. How can I help?', ja: 'お電話ありがとうございます。さくら歯科クリニックです。' }
const APOLOGY = "I'm sorry, I'm having trouble answering right now. Please call back later."
const SYSTEM_SCENARIOS = ['connect_failed', 'socket_dropped', 'turn_timeout', 'llm.all_failed', 'llm.deadline', 'asr.empty', 'asr.error', 'tts.error', 'latency', 'protocol_error'] as const
const DIALOGUE_SCENARIOS = ['misunderstanding', 'loop', 'premature_hangup', 'task_incomplete'] as const

function turnRecord(index: number, caller: string | undefined, text: string, extra: Partial<TurnRecord> = {}, saysAny?: string[]): TurnRecord {
  return { index, ...(caller !== undefined ? { caller: { kind: 'text', text: caller } } : {}), sentAtMs: index * 2000, agent: { text, deltaCount: 3, firstByteMs: 350 + ((index * 37) % 300), completeMs: 900, toolCalls: [] }, timedOut: false, ...(saysAny ? { expectations: { saysAny } } : {}), ...extra }
}

/** Generates `count` calls (seeded) with their ground truth. */
export function generateJudgedCalls(options: { knowledge: KnowledgeBase; count: number; seed: number }): GeneratedCall[] {
  const next = random(options.seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  const calls: GeneratedCall[] = []
  for (let number = 0; number < options.count; number += 1) {
    const japanese = next() < 0.35
    const pool = exchanges(options.knowledge, japanese)
    const chosen = [...pool].sort(() => next() - 0.5).slice(0, 2 + Math.floor(next() * 3))
    const roll = next()
    const scenario = roll < 0.3 ? 'clean' : roll < 0.6 ? 'hallucination' : roll < 0.85 ? pick(SYSTEM_SCENARIOS) : roll < 0.95 ? pick(DIALOGUE_SCENARIOS) : 'both'
    const turns: TurnRecord[] = [turnRecord(0, undefined, japanese ? GREETING.ja : GREETING.en)]
    const injected: InjectedHallucination[] = []
    const events: CallRecord['events'] = []
    let failure: CallRecord['failure']
    let endedBy: CallRecord['endedBy'] = 'caller'
    let expectations: CallRecord['expectations'] = { replyWithinMs: 1500 }
    const faultTurn = 1 + Math.floor(next() * chosen.length)
    const hallucinate = new Set<number>()
    if (scenario === 'hallucination' || scenario === 'both') {
      hallucinate.add(1 + Math.floor(next() * chosen.length))
      if (scenario === 'hallucination' && next() < 0.25) hallucinate.add(1 + Math.floor(next() * chosen.length))
      if (scenario === 'both') hallucinate.delete(faultTurn)
      if (hallucinate.size === 0) hallucinate.add(faultTurn === 1 ? 2 : 1)
    }
    for (const [position, exchange] of chosen.entries()) {
      const index = position + 1
      let text = exchange.reply
      if (hallucinate.has(index)) {
        const mutation = pick(exchange.mutations)
        const replacement = pick(mutation.to)
        text = text.replace(mutation.from, replacement)
        injected.push({ schema: 'voxguard.mock-ground-truth', version: 1, kind: 'hallucination', claimType: mutation.claimType, original: mutation.from, injected: replacement, replyText: text, turn: index })
      }
      const turn = turnRecord(index, exchange.caller, text, {}, exchange.saysAny)
      if (exchange.tool) turn.agent.toolCalls.push({ ...exchange.tool, atMs: index * 2000 + 200 })
      if (index === faultTurn && scenario !== 'clean' && scenario !== 'hallucination') {
        if (scenario === 'connect_failed') break
        if (scenario === 'socket_dropped' || scenario === 'turn_timeout' || scenario === 'protocol_error') {
          turn.agent.text = text.slice(0, Math.floor(text.length / 2))
          turn.timedOut = scenario === 'turn_timeout'
          if (turn.timedOut) delete turn.agent.completeMs
          failure = { kind: scenario, message: scenario === 'socket_dropped' ? 'the agent closed the socket (1006)' : scenario === 'turn_timeout' ? 'no agent.final within 8000 ms' : 'binary frame from the agent', turn: index, atMs: index * 2000 + 500, ...(scenario === 'socket_dropped' ? { closeCode: 1006 } : {}) }
          endedBy = 'error'
          turns.push(turn)
          break
        }
        if (scenario === 'llm.all_failed' || scenario === 'llm.deadline') {
          turn.agent.text = APOLOGY
          events.push({ name: scenario, data: scenario === 'llm.deadline' ? { route: 'answer', elapsedMs: 4000 } : { attempts: 4 }, atMs: index * 2000 + 300, turn: index })
        } else if (scenario === 'asr.empty' || scenario === 'asr.error') {
          turn.agent.text = japanese ? 'すみません、聞き取れませんでした。もう一度お願いします。' : "Sorry, I didn't catch that. Could you say that again?"
          events.push({ name: scenario, data: scenario === 'asr.error' ? { message: 'recogniser failed' } : {}, atMs: index * 2000 + 100, turn: index })
        } else if (scenario === 'tts.error') {
          events.push({ name: 'tts.error', data: { message: 'synthesis failed' }, atMs: index * 2000 + 400, turn: index })
        } else if (scenario === 'latency') {
          turn.agent.firstByteMs = 2200 + Math.floor(next() * 2000)
        } else if (scenario === 'both') {
          if (next() < 0.5) turn.agent.firstByteMs = 2600
          else {
            turn.agent.text = APOLOGY
            events.push({ name: 'llm.all_failed', data: { attempts: 4 }, atMs: index * 2000 + 300, turn: index })
          }
        } else if (scenario === 'misunderstanding') {
          turn.agent.text = fillTemplate(options.knowledge.intents.fallback?.reply ?? '', options.knowledge)
        } else if (scenario === 'premature_hangup' || scenario === 'task_incomplete') {
          expectations = { ...expectations, goalTool: 'book_appointment' }
          turn.agent.toolCalls = []
          if (scenario === 'premature_hangup') {
            turn.agent.text = 'Thank you for calling Sakura Dental Clinic. Goodbye.'
            endedBy = 'agent'
            turns.push(turn)
            break
          }
        }
      }
      turns.push(turn)
    }
    if (scenario === 'loop') {
      const again = "Sorry, I didn't get that. Could you repeat it?"
      for (let repeat = 0; repeat < 3; repeat += 1) turns.push(turnRecord(turns.length, 'uh, the thing', again))
    }
    if (scenario === 'connect_failed') {
      turns.length = 0
      failure = { kind: 'connect_failed', message: 'connect ECONNREFUSED 127.0.0.1:8080', atMs: 2 }
      endedBy = 'error'
    }
    if (scenario === 'task_incomplete' && !turns.some((turn) => turn.agent.toolCalls.length === 0 && expectations?.goalTool)) expectations = { ...expectations, goalTool: 'book_appointment' }
    if (scenario === 'task_incomplete') {
      for (const turn of turns) {
        if (turn.agent.toolCalls.length > 0 || turn.agent.text.startsWith('You are booked')) turn.agent.text = 'I can book that for you. What day and time would you like?'
        turn.agent.toolCalls = []
      }
    }
    const factor: GeneratedCall['truth']['factor'] = scenario === 'clean' ? null : scenario === 'hallucination' || (DIALOGUE_SCENARIOS as readonly string[]).includes(scenario) ? 'dialogue' : scenario === 'both' ? 'both' : 'system'
    const record = callRecord({
      callId: `bench-${number}`, runId: 'bench', scriptId: `${scenario}`, scriptFile: '/bench/generated.yaml', tags: [japanese ? 'ja' : 'en'], agentUrl: 'ws://127.0.0.1:8080/agent', durationMs: 10_000,
      endedBy, ...(failure ? { failure } : {}), transport: { closeCode: failure?.closeCode ?? 1000 }, turns, events, ...(expectations ? { expectations } : {}),
    })
    calls.push({ record, truth: { factor, scenario, hallucinatedTurns: injected.map((item) => item.turn), injected } })
  }
  return calls
}
