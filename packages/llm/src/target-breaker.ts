import CircuitBreaker from 'opossum'
import type { BreakerState } from './emit-event.ts'
import type { LlmError } from './llm-error.ts'

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

/** The defaults `BreakerOptions` fields take when left out. */
export const breakerDefaults = {
  errorThresholdPercentage: 50,
  volumeThreshold: 4,
  resetTimeoutMs: 10_000,
  rollingCountTimeoutMs: 10_000,
} as const satisfies Required<BreakerOptions>

/** The right to send one request through the breaker; settle it exactly once. */
export interface BreakerPermit {
  /** The target answered: counts as a success (closes a half-open breaker). */
  succeed(): void
  /** The target failed: counts as a failure (reopens a half-open breaker). */
  fail(error: LlmError): void
  /**
   * The attempt ended without saying anything about the target's health (the caller
   * aborted, the route deadline passed, a losing hedge was cancelled, the request was bad):
   * nothing is counted. If this permit was the half-open probe, the breaker stays half-open
   * and the next call sends a new probe.
   */
  release(): void
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
  /**
   * A released half-open probe. opossum still counts it as in flight (so no second probe
   * is admitted); the next `acquire` takes it over, so the next call is the probe.
   */
  #spareProbe: ((error?: LlmError) => void) | undefined
  /** When the current open period ends (`performance.now()` clock). */
  #openUntilMs = 0

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
    }
    this.#breaker = new CircuitBreaker((run: () => Promise<void>) => run(), this.#options)
    this.#breaker.on('open', () => {
      this.#spareProbe = undefined
      this.#openUntilMs = performance.now() + (this.#options.resetTimeout ?? this.#resetTimeoutMs)
      onStateChange('open', this.#options.resetTimeout)
    })
    this.#breaker.on('halfOpen', () => onStateChange('half-open'))
    this.#breaker.on('close', () => {
      this.#spareProbe = undefined
      onStateChange('closed')
    })
  }

  get state(): BreakerState {
    if (this.#breaker.closed) return 'closed'
    return this.#breaker.halfOpen ? 'half-open' : 'open'
  }

  /** A permit to send a request, or `undefined` when the breaker is open (or its one half-open probe is taken). */
  acquire(): BreakerPermit | undefined {
    const spare = this.#spareProbe
    if (spare !== undefined && this.#breaker.halfOpen) {
      this.#spareProbe = undefined
      return this.#permit(spare, true)
    }
    let settle: (error?: LlmError) => void = () => undefined
    const outcome = new Promise<void>((resolve, reject) => {
      settle = (error) => (error === undefined ? resolve() : reject(error))
    })
    const probe = this.#breaker.halfOpen
    let admitted = false
    // opossum runs the action synchronously when it admits the call.
    this.#breaker
      .fire(() => {
        admitted = true
        return outcome
      })
      .catch(() => undefined)
    return admitted ? this.#permit(settle, probe) : undefined
  }

  /** Opens the breaker for exactly `ms` (another client of the fleet saw the target fail), then half-open. */
  openFor(ms: number): void {
    if (this.state === 'open') return
    this.#options.resetTimeout = Math.max(1, Math.round(ms))
    this.#breaker.open()
    this.#options.resetTimeout = this.#resetTimeoutMs
  }

  /** Closes the breaker (another client's probe found the target healthy). */
  close(): void {
    if (this.state !== 'closed') this.#breaker.close()
  }

  /** Milliseconds left of the current open period (0 unless open). */
  openForMs(): number {
    return this.state === 'open' ? Math.max(0, Math.ceil(this.#openUntilMs - performance.now())) : 0
  }

  /** Stops the breaker's timers. */
  shutdown(): void {
    this.#breaker.shutdown()
  }

  #permit(settle: (error?: LlmError) => void, probe: boolean): BreakerPermit {
    let settled = false
    const once = (action: () => void) => {
      if (settled) return
      settled = true
      action()
    }
    return {
      succeed: () => once(() => settle()),
      fail: (error) => once(() => settle(error)),
      // opossum counts every settled action as a success or a failure, and a success closes
      // a half-open breaker; so a released action is not settled. A probe is handed on to
      // the next call; any other released action is dropped (its promise is collected).
      release: () =>
        once(() => {
          if (probe && this.#breaker.halfOpen) this.#spareProbe = settle
        }),
    }
  }
}
