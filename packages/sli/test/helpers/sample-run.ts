import { AGENT_EVENTS, type AgentEventRecord, type CallFailure, type CallRecord, type TurnRecord } from '@voxguard/harness'
import { judgeRecords, type Verdict } from '@voxguard/judge'
import { knowledgeFixture } from '@voxguard/knowledge/testing'

export const clinicKnowledge = knowledgeFixture('clinic')

export interface TurnSpec {
  caller: string
  reply: string
  firstByteMs?: number
  completeMs?: number
  firstMediaMs?: number
  replyWithinMs?: number
}

export interface CallSpec {
  scriptId: string
  repeat?: number
  runId?: string
  protocol?: 'text' | 'twilio'
  language?: string
  tags?: string[]
  startedAt?: string
  durationMs?: number
  turns: TurnSpec[]
  events?: AgentEventRecord[]
  failure?: CallFailure
  closeCode?: number
}

/** A call record v1 as the harness writes it (greeting at turn 0, then the caller turns). */
export function callRecord(spec: CallSpec): CallRecord {
  const repeat = spec.repeat ?? 1
  const startedAt = spec.startedAt ?? '2026-03-01T02:00:00.000Z'
  const durationMs = spec.durationMs ?? 4000
  const turns: TurnRecord[] = [
    { index: 0, sentAtMs: 0, agent: { text: 'Sakura Dental Clinic, how can I help?', deltaCount: 1, firstByteMs: 40, completeMs: 60, toolCalls: [] }, timedOut: false },
    ...spec.turns.map((turn, index): TurnRecord => ({
      index: index + 1,
      caller: { kind: 'text', text: turn.caller },
      sentAtMs: 500 * (index + 1),
      agent: {
        text: turn.reply,
        deltaCount: 2,
        ...(turn.firstByteMs !== undefined ? { firstByteMs: turn.firstByteMs } : {}),
        ...(turn.completeMs !== undefined ? { completeMs: turn.completeMs } : {}),
        toolCalls: [],
        ...(turn.firstMediaMs !== undefined ? { audio: { firstMediaMs: turn.firstMediaMs, playbackMs: 1000, mediaFrames: 50, marksSent: [], marksEchoed: [] } } : {}),
      },
      timedOut: false,
      ...(turn.replyWithinMs !== undefined ? { expectations: { replyWithinMs: turn.replyWithinMs } } : {}),
    })),
  ]
  const record: CallRecord = {
    schema: 'voxguard.call-record',
    version: 1,
    callId: `${spec.scriptId}#${repeat}-${spec.runId ?? 'run-1'}`,
    runId: spec.runId ?? 'run-1',
    scriptId: spec.scriptId,
    scriptFile: `/suite/${spec.scriptId}.yaml`,
    tags: spec.tags ?? [],
    language: spec.language ?? 'en',
    protocol: spec.protocol ?? 'text',
    agentUrl: 'ws://127.0.0.1:8080/text',
    repeat,
    startedAt,
    endedAt: new Date(Date.parse(startedAt) + durationMs).toISOString(),
    durationMs,
    endedBy: spec.failure ? 'error' : 'caller',
    transport: spec.closeCode !== undefined ? { closeCode: spec.closeCode } : { closeCode: 1000 },
    turns,
    events: spec.events ?? [],
    redacted: true,
  }
  if (spec.failure) record.failure = spec.failure
  return record
}

/**
 * Six calls of one run, judged by the real judge against the clinic's knowledge base:
 * two passes (one served by a fallback target), a contradicted price (dialogue), a dropped
 * socket (system), a slow and wrong reply (both), and a Japanese Twilio call.
 */
export async function sampleRun(runId = 'run-1', day = '2026-03-01'): Promise<{ records: CallRecord[]; verdicts: Verdict[] }> {
  const at = (minute: number) => `${day}T02:0${minute}:00.000Z`
  const records = [
    callRecord({ runId, scriptId: 'prices', repeat: 1, tags: ['prices', 'faq'], startedAt: at(0), turns: [{ caller: 'How much is a cleaning?', reply: 'A cleaning is 5,000 yen.', firstByteMs: 420, completeMs: 700 }] }),
    callRecord({ runId, scriptId: 'prices', repeat: 2, tags: ['prices', 'faq'], startedAt: at(1), turns: [{ caller: 'How much is a cleaning?', reply: 'A cleaning is 3,000 yen.', firstByteMs: 380, completeMs: 650 }] }),
    callRecord({
      runId,
      scriptId: 'hours',
      tags: ['hours', 'faq'],
      startedAt: at(2),
      turns: [{ caller: 'When do you open on Monday?', reply: 'On Monday we are open from 9:00 to 18:00.', firstByteMs: 900, completeMs: 1300 }],
      events: [{ name: AGENT_EVENTS.llmFallback, data: { route: 'answer', from: 'azure-japaneast', to: 'azure-swedencentral', reason: 'rate_limited' }, atMs: 700, turn: 1 }],
    }),
    callRecord({
      runId,
      scriptId: 'address',
      tags: ['faq'],
      startedAt: at(3),
      durationMs: 2000,
      turns: [{ caller: 'Where is the clinic?', reply: '', firstByteMs: undefined }],
      closeCode: 1011,
      failure: { kind: 'socket_dropped', message: 'the agent closed the socket (1011 internal error)', turn: 1, closeCode: 1011, closeReason: 'internal error', atMs: 1800 },
    }),
    callRecord({ runId, scriptId: 'saturday', tags: ['hours'], startedAt: at(4), turns: [{ caller: 'When do you close on Saturday?', reply: 'On Saturday we close at 5 pm.', firstByteMs: 2300, completeMs: 2600, replyWithinMs: 1500 }] }),
    callRecord({ runId, scriptId: 'hours-ja', protocol: 'twilio', language: 'ja', tags: ['hours'], startedAt: at(5), turns: [{ caller: '月曜日は何時からですか', reply: '月曜日は9時から18時まで診療しています。', firstByteMs: 600, completeMs: 1900, firstMediaMs: 650 }] }),
  ]
  const verdicts = await judgeRecords(records, { knowledgeFile: clinicKnowledge })
  return { records, verdicts }
}
