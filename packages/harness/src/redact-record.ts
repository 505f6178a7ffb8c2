import type { CallRecord } from './call-record.ts'

/** A redaction rule: every match of `pattern` (global) is replaced by `replacement`. */
export interface RedactionPattern {
  pattern: RegExp
  replacement: string
}

/**
 * Default rules: e-mail addresses, and phone numbers (an optional `+country`, then 9–15
 * digits in groups separated by spaces, dots, dashes or parentheses). Dates such as
 * `2025-06-14` (8 digits) and times such as `09:00-18:00` are kept.
 */
export const DEFAULT_REDACTION_PATTERNS: readonly RedactionPattern[] = [
  { pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, replacement: '[email]' },
  { pattern: /(?<![\w:])\+?\(?\d[\d\s().-]{7,}\d(?![\w:])/g, replacement: '[phone]' },
]

const MIN_PHONE_DIGITS = 9
const MAX_PHONE_DIGITS = 15

/** Applies the rules to one text. Phone-like matches with fewer than 9 digits are kept. */
export function redactText(text: string, patterns: readonly RedactionPattern[] = DEFAULT_REDACTION_PATTERNS): string {
  let result = text
  for (const { pattern, replacement } of patterns) {
    const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`)
    result = result.replace(global, (match) => {
      if (replacement === '[phone]') {
        const digits = match.replace(/\D/g, '').length
        if (digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS) return match
      }
      return replacement
    })
  }
  return result
}

/**
 * A copy of the record with every transcript text redacted: caller texts, agent texts,
 * tool-call arguments and results, event data and failure evidence. Expectations (from
 * the script, not the caller) are kept.
 */
export function redactRecord(record: CallRecord, patterns: readonly RedactionPattern[] = DEFAULT_REDACTION_PATTERNS): CallRecord {
  const deep = <T>(value: T): T => redactDeep(value, patterns)
  return {
    ...record,
    turns: record.turns.map((turn) => ({
      ...turn,
      ...(turn.caller ? { caller: deep(turn.caller) } : {}),
      agent: {
        ...turn.agent,
        text: redactText(turn.agent.text, patterns),
        toolCalls: turn.agent.toolCalls.map((call) => ({ ...call, arguments: deep(call.arguments), ...('result' in call ? { result: deep(call.result) } : {}) })),
        ...(turn.agent.audio?.heardText !== undefined ? { audio: { ...turn.agent.audio, heardText: redactText(turn.agent.audio.heardText, patterns) } } : {}),
      },
    })),
    events: record.events.map((event) => ({ ...event, ...(event.data ? { data: deep(event.data) } : {}) })),
    ...(record.failure ? { failure: deep(record.failure) } : {}),
    ...(record.transport.closeReason ? { transport: { ...record.transport, closeReason: redactText(record.transport.closeReason, patterns) } } : {}),
    redacted: true,
  }
}

function redactDeep<T>(value: T, patterns: readonly RedactionPattern[]): T {
  if (typeof value === 'string') return redactText(value, patterns) as T
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, patterns)) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, typeof item === 'number' || typeof item === 'boolean' ? item : redactDeep(item, patterns)])) as T
  }
  return value
}
