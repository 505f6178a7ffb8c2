/**
 * The bounds every stage holds a call record to: the harness never records more (an agent
 * that sends more gets a `protocol_error`), and the reader refuses a record that exceeds
 * them (`records_invalid` naming the field), so the judge's work per record is bounded too.
 */
export const RECORD_LIMITS = {
  /** Largest WebSocket frame the harness accepts from an agent (bytes). */
  maxFrameBytes: 1024 * 1024,
  /** Deepest nesting of a JSON value an agent may send (tool-call arguments, event data). */
  maxJsonDepth: 32,
  /** Most values (objects, arrays, scalars) in one such JSON value. */
  maxJsonNodes: 10_000,
  /** Longest text field: a reply, a caller text, an argument string (characters). */
  maxTextChars: 100_000,
  /** Most turns in a call (the caller's turns after includes, plus the greeting). */
  maxTurns: 1_000,
  /** Most agent events, and most tool calls, in one call. */
  maxEvents: 10_000,
  /** Longest records.jsonl line the reader accepts (bytes). */
  maxLineBytes: 32 * 1024 * 1024,
} as const
