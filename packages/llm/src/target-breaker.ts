import CircuitBreaker from 'opossum'
import type { BreakerState } from './emit-event.ts'
import { isCallerErrorKind } from './error-action.ts'
import { isLlmError, type LlmError } from './llm-error.ts'

/** Circuit breaker settings, shared by every target of a client. */
export interface BreakerOptions {
  /** Failure percentage within the rolling window that opens the breaker. Default 50. */
  errorThresholdPercentage?: number
  /** Requests within the window before the percentage is trusted. Default 4. */
  volumeThreshold?: number
  /** How long an open breaker waits before letting one probe through (half-open). Default 10000. */
  resetTimeoutMs?: number
  /** Length of the rolling window of counts. Default 10000. */
  rollingCountTimeoutMs?: number
}

export const breakerDefaults = {
  errorThresholdPercentage: 50,
  volumeThreshold: 4,
  resetTimeoutMs: 10_000,
  rollingCountTimeoutMs: 10_000,
} as const satisfies Required<BreakerOptions>

/** The right to send one request through the breaker; settle it exactly once. */
export interface BreakerPermit {
  succeed(): void
  /** Caller errors (bad_request, aborted) are not counted against the target. */
  fail(error: LlmError): void
}

/**
 * One opossum breaker per target. The breaker never runs the request itself: a permit
 * is a pending action whose outcome the router reports when the attempt ends, so a
 * stream that fails after its first token counts as a failure too.
 */
export class TargetBreaker {
  readonly target: string
  #breaker: CircuitBreaker<[() => Promise<void>], void>
  #resetTimeoutMs: number
  #options: CircuitBreaker.Options<[() => Promise<void>]>

  constructor(target: string, options: BreakerOptions, onStateChange: (state: BreakerState, openForMs?: number) => void) {
    this.target = target
    this.#resetTimeoutMs = options.resetTimeoutMs ?? breakerDefaults.resetTimeoutMs
    // opossum keeps (and reads) this very object as `breaker.options`.
    this.#options = {
      name: target,
      timeout: false,
      resetTimeout: this.#resetTimeoutMs,
      errorThresholdPercentage: options.errorThresholdPercentage ?? breakerDefaults.errorThresholdPercentage,
      volumeThreshold: options.volumeThreshold ?? breakerDefaults.volumeThreshold,
      rollingCountTimeout: options.rollingCountTimeoutMs ?? breakerDefaults.rollingCountTimeoutMs,
      rollingPercentilesEnabled: false,
      enableSnapshots: false,
      errorFilter: (error: unknown) => isLlmError(error) && isCallerErrorKind(error.kind),
    }
    this.#breaker = new CircuitBreaker((run: () => Promise<void>) => run(), this.#options)
    this.#breaker.on('open', () => onStateChange('open', this.#options.resetTimeout))
    this.#breaker.on('halfOpen', () => onStateChange('half-open'))
    this.#breaker.on('close', () => onStateChange('closed'))
  }

  get state(): BreakerState {
    if (this.#breaker.closed) return 'closed'
    return this.#breaker.halfOpen ? 'half-open' : 'open'
  }

  /** A permit to send a request, or `undefined` when the breaker is open (or its one half-open probe is taken). */
  acquire(): BreakerPermit | undefined {
    let settle: (error?: LlmError) => void = () => undefined
    const outcome = new Promise<void>((resolve, reject) => {
      settle = (error) => (error === undefined ? resolve() : reject(error))
    })
    let admitted = false
    // opossum runs the action synchronously when it admits the call.
    this.#breaker
      .fire(() => {
        admitted = true
        return outcome
      })
      .catch(() => undefined)
    if (!admitted) return undefined
    let settled = false
    return {
      succeed: () => {
        if (settled) return
        settled = true
        settle()
      },
      fail: (error) => {
        if (settled) return
        settled = true
        settle(error)
      },
    }
  }

  /** Opens the breaker for exactly `ms` (a 429's Retry-After), then half-open. */
  openFor(ms: number): void {
    if (this.state === 'open') return
    this.#options.resetTimeout = ms
    this.#breaker.open()
    this.#options.resetTimeout = this.#resetTimeoutMs
  }

  /** Stops the breaker's timers. */
  shutdown(): void {
    this.#breaker.shutdown()
  }
}
