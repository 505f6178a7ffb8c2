import { CALL_RECORD_SCHEMA, CALL_RECORD_VERSION, type AgentEventRecord, type CallRecord, type ToolCallRecord, type TurnExpectations, type TurnRecord } from '../call-record.ts'

/** A turn in a few words, for `callRecord` and `turn`: the caller's text, the reply, and what differs from a prompt, complete reply. */
export interface TurnSpec {
  caller?: string
  reply: string
  firstByteMs?: number
  /** Default `firstByteMs` + 200. */
  completeMs?: number
  timedOut?: boolean
  /** The caller barged in before the reply ended. */
  interrupted?: boolean
  toolCalls?: Array<Pick<ToolCallRecord, 'name' | 'arguments'> & { result?: unknown }>
  expectations?: TurnExpectations
}

/** A turn: index 0 is the greeting (no caller), later turns carry the caller's text. */
export function turn(index: number, spec: TurnSpec): TurnRecord {
  return {
    index,
    ...(spec.caller !== undefined ? { caller: { kind: 'text', text: spec.caller } } : {}),
    sentAtMs: index * 1000,
    agent: {
      text: spec.reply,
      deltaCount: spec.reply === '' ? 0 : 1,
      ...(spec.timedOut ? {} : { firstByteMs: spec.firstByteMs ?? 300, completeMs: spec.completeMs ?? (spec.firstByteMs ?? 300) + 200 }),
      toolCalls: (spec.toolCalls ?? []).map((call) => ({ ...call, atMs: index * 1000 + 100 })),
      ...(spec.interrupted ? { interrupted: true } : {}),
    },
    timedOut: spec.timedOut ?? false,
    ...(spec.expectations ? { expectations: spec.expectations } : {}),
  }
}

/**
 * A call record v1 for tests and benchmarks, with sensible defaults: every field can be
 * overridden; `turns` are specs (numbered from 0, the greeting) or whole turn records, and an
 * event's `atMs` defaults to 50 ms into its turn.
 * @example
 * const record = callRecord({ turns: [{ reply: 'Hello' }, { caller: 'How much is a cleaning?', reply: 'A cleaning is 5,000 yen.' }] })
 */
export function callRecord(overrides: Omit<Partial<CallRecord>, 'turns' | 'events'> & { turns?: Array<TurnSpec | TurnRecord>; events?: Array<Omit<AgentEventRecord, 'atMs'> & { atMs?: number }> } = {}): CallRecord {
  const { turns = [{ reply: 'Sakura Dental Clinic, how can I help?' }], events = [], ...rest } = overrides
  return {
    schema: CALL_RECORD_SCHEMA,
    version: CALL_RECORD_VERSION,
    callId: 'call-1',
    runId: 'run-1',
    scriptId: 'script-1',
    scriptFile: '/scripts/script-1.yaml',
    tags: [],
    protocol: 'text',
    agentUrl: 'ws://127.0.0.1:9/agent',
    repeat: 0,
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: '2026-01-01T00:00:05.000Z',
    durationMs: 5000,
    endedBy: 'caller',
    transport: { closeCode: 1000 },
    turns: turns.map((spec, index) => ('agent' in spec ? spec : turn(index, spec))),
    events: events.map((event) => ({ atMs: event.turn * 1000 + 50, ...event })),
    redacted: false,
    ...rest,
  }
}
