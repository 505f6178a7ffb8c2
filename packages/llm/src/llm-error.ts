/**
 * The one error type of @voxguard/llm. Every provider error, timeout and routing failure
 * is normalised to an `LlmError` with a `kind`; the kind decides what the router does:
 *
 * | kind            | router action                                   |
 * |-----------------|-------------------------------------------------|
 * | rate_limited    | retry same target if its wait fits, else fall back |
 * | timeout         | fall back                                        |
 * | server          | retry same target, then fall back                |
 * | network         | retry same target, then fall back                |
 * | auth            | fall back (this target's key is bad)             |
 * | content_filter  | fall back (another model may answer)             |
 * | context_length  | fall back (another model may have a larger window) |
 * | bad_request     | fail now (the caller's request is wrong)         |
 * | aborted         | fail now (the caller cancelled)                  |
 * | breaker_open    | skip target without a request                    |
 * | deadline        | fail now (the route's total deadline passed)     |
 * | all_failed      | final: every target in the chain failed          |
 */
export type LlmErrorKind =
  | 'rate_limited'
  | 'timeout'
  | 'server'
  | 'network'
  | 'auth'
  | 'bad_request'
  | 'content_filter'
  | 'context_length'
  | 'aborted'
  | 'breaker_open'
  | 'deadline'
  | 'all_failed'

/** One attempt against one target, as recorded in results, stream ends and errors. */
export interface AttemptRecord {
  target: string
  provider: string
  model: string
  /** 1-based attempt number across the whole call. */
  attempt: number
  startedAtMs: number
  latencyMs: number
  /** Time to first token for streams. */
  timeToFirstTokenMs?: number
  outcome: 'success' | 'error' | 'skipped' | 'cancelled'
  errorKind?: LlmErrorKind
  status?: number
  /** Why the router moved on after this attempt (e.g. "server 503; fell back"). */
  reason?: string
}

export interface LlmErrorOptions {
  kind: LlmErrorKind
  target?: string
  status?: number
  /** Response headers, lower-cased names. Never contains credentials. */
  headers?: Record<string, string>
  /** Wait the provider asked for (from retry-after-ms / x-ms-retry-after-ms / retry-after). */
  retryAfterMs?: number
  attempts?: AttemptRecord[]
  cause?: unknown
}

/**
 * The error every `chat` and `stream` failure is: `kind` (see the table above), the
 * `target` and HTTP `status` when one is known, the response `headers` (never credentials),
 * the provider's `retryAfterMs`, and `attempts`, every attempt of the call so far.
 * @example
 * try {
 *   await llm.chat({ route: 'answer', messages })
 * } catch (error) {
 *   if (isLlmError(error) && error.kind === 'deadline') speak('Sorry, one moment please.')
 * }
 */
export class LlmError extends Error {
  override readonly name = 'LlmError'
  readonly kind: LlmErrorKind
  readonly target: string | undefined
  readonly status: number | undefined
  readonly headers: Record<string, string>
  readonly retryAfterMs: number | undefined
  attempts: AttemptRecord[]

  constructor(message: string, options: LlmErrorOptions) {
    super(message, { cause: options.cause })
    this.kind = options.kind
    this.target = options.target
    this.status = options.status
    this.headers = options.headers ?? {}
    this.retryAfterMs = options.retryAfterMs
    this.attempts = options.attempts ?? []
  }
}

/** Whether `value` is an `LlmError` (a type guard for `catch` blocks). */
export function isLlmError(value: unknown): value is LlmError {
  return value instanceof LlmError
}
