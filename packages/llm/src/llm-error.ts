import { VoxguardError, type VoxguardErrorOptions } from '@voxguard/errors'

/**
 * The one error type of @voxguard/llm. Every provider error, timeout and routing failure
 * is normalised to an `LlmError` with a `code`; the code decides what the router does:
 *
 * | code            | router action                                   |
 * |-----------------|-------------------------------------------------|
 * | rate_limited    | retry same target if its wait fits, else fall back; the target cools down (its breaker never opens for it) |
 * | timeout         | fall back                                        |
 * | server          | retry same target, then fall back                |
 * | network         | refused/reset/DNS before the request was sent: fall back at once; otherwise retry same target, then fall back |
 * | auth            | fall back (this target's key is bad)             |
 * | content_filter  | fall back (another model may answer)             |
 * | context_length  | fall back (another model may have a larger window) |
 * | request_invalid | fail now (the caller's request is wrong)         |
 * | aborted         | fail now (the caller cancelled)                  |
 * | breaker_open    | skip target without a request                    |
 * | deadline        | fail now (the route's total deadline passed)     |
 * | all_failed      | final: every target in the chain failed          |
 */
export const LLM_ERROR_CODES = ['rate_limited', 'timeout', 'server', 'network', 'auth', 'request_invalid', 'content_filter', 'context_length', 'aborted', 'breaker_open', 'deadline', 'all_failed'] as const
export type LlmErrorCode = (typeof LLM_ERROR_CODES)[number]

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
  errorCode?: LlmErrorCode
  status?: number
  /** Why the router moved on after this attempt (e.g. "server 503; fell back"). */
  reason?: string
}

export interface LlmErrorOptions extends Pick<VoxguardErrorOptions, 'cause'> {
  target?: string
  status?: number
  /** Response headers, lower-cased names. Never contains credentials. */
  headers?: Record<string, string>
  /** Wait the provider asked for (from retry-after-ms / x-ms-retry-after-ms / retry-after). */
  retryAfterMs?: number
  attempts?: AttemptRecord[]
}

/**
 * The error every `chat` and `stream` failure is: `code` (see the table above), the
 * `target` and HTTP `status` when one is known, the response `headers` (never credentials),
 * the provider's `retryAfterMs`, and `attempts`, every attempt of the call so far.
 * `LlmError.isInstance(value)` also recognises an error from another copy of this package.
 * @example
 * try {
 *   await llm.chat({ route: 'answer', messages })
 * } catch (error) {
 *   if (LlmError.isInstance(error) && error.code === 'deadline') speak('Sorry, one moment please.')
 * }
 */
export class LlmError extends VoxguardError<LlmErrorCode> {
  static override readonly errorName = 'LlmError'
  readonly target: string | undefined
  readonly status: number | undefined
  readonly headers: Record<string, string>
  readonly retryAfterMs: number | undefined
  attempts: AttemptRecord[]

  constructor(code: LlmErrorCode, message: string, options: LlmErrorOptions = {}) {
    super(code, message, 'cause' in options ? { cause: options.cause } : {})
    this.target = options.target
    this.status = options.status
    this.headers = options.headers ?? {}
    this.retryAfterMs = options.retryAfterMs
    this.attempts = options.attempts ?? []
  }
}
