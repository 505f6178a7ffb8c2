import type { CallRecord } from './call-record.ts'
import { DEFAULT_REDACTION_PATTERNS, redactText } from './redact-text.ts'
import type { RedactionPattern } from './redact-text.ts'

/** Deeper than this, a value is replaced rather than walked (records are bounded at 32 levels anyway). */
const MAX_REDACTION_DEPTH = 64

/**
 * A copy of the record with every free text redacted: the script's title, persona and goal,
 * caller texts, agent texts and what the harness heard, tool-call arguments and results,
 * event data, expectations (they quote what the caller or agent should say), failure
 * evidence and close reasons. Identifiers (ids, file paths, the agent URL, names of tools and
 * events) and timings are kept.
 */
export function redactRecord(record: CallRecord, patterns: readonly RedactionPattern[] = DEFAULT_REDACTION_PATTERNS): CallRecord {
  const deep = <T>(value: T): T => redactDeep(value, patterns, 0)
  const text = (value: string | undefined) => (value === undefined ? undefined : redactText(value, patterns))
  const optional = <K extends 'title' | 'persona' | 'goal'>(key: K) => (record[key] === undefined ? {} : { [key]: text(record[key]) })
  return {
    ...record,
    ...optional('title'),
    ...optional('persona'),
    ...optional('goal'),
    ...(record.expectations ? { expectations: deep(record.expectations) } : {}),
    turns: record.turns.map((turn) => ({
      ...turn,
      ...(turn.caller ? { caller: deep(turn.caller) } : {}),
      ...(turn.expectations ? { expectations: deep(turn.expectations) } : {}),
      agent: {
        ...turn.agent,
        text: redactText(turn.agent.text, patterns),
        toolCalls: turn.agent.toolCalls.map((call) => ({ ...call, arguments: deep(call.arguments), ...('result' in call ? { result: deep(call.result) } : {}) })),
        ...(turn.agent.audio ? { audio: deep(turn.agent.audio) } : {}),
      },
    })),
    events: record.events.map((event) => ({ ...event, ...(event.data ? { data: deep(event.data) } : {}) })),
    ...(record.failure ? { failure: deep(record.failure) } : {}),
    ...(record.transport.closeReason ? { transport: { ...record.transport, closeReason: redactText(record.transport.closeReason, patterns) } } : {}),
    redacted: true,
  }
}

function redactDeep<T>(value: T, patterns: readonly RedactionPattern[], depth: number): T {
  if (typeof value === 'string') return redactText(value, patterns) as T
  if (value === null || typeof value !== 'object') return value
  if (depth >= MAX_REDACTION_DEPTH) return '[too deep to redact]' as T
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, patterns, depth + 1)) as T
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, patterns, depth + 1)])) as T
}
