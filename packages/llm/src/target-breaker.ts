import type { BreakerState } from './emit-event.ts'
import { RollingCounts } from './rolling-counts.ts'

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
  fail(): void
  /**
   * The attempt ended without saying anything about the target's health (the caller
   * aborted, the route deadline passed, a losing hedge was cancelled, the request was bad):
   * nothing is counted. If this permit was the half-open probe, the breaker stays half-open
   * and the next call sends a new probe.
   */
  release(): void
}

/**
 * One circuit breaker per target (the opossum model: a rolling window of request and
 * failure counts, open → half-open after `resetTimeoutMs` → one probe decides). The breaker
 * never runs the request: a permit is settled by the router when the attempt ends, so a
 * stream that fails after its first token counts as a failure too. Every transition is
 * synchronous (the retry decision right after a failure sees the breaker it opened), and a
 * closed breaker costs two counter updates per request and no timer.
 */
export class TargetBreaker {
  readonly target: string
  readonly #counts: RollingCounts
  readonly #resetTimeoutMs: number
  readonly #errorThresholdPercentage: number
  readonly #volumeThreshold: number
  readonly #onStateChange: (state: BreakerState, openForMs?: number) => void
  #state: BreakerState = 'closed'
  /** Half-open: the one probe request is out. */
  #probeOut = false
  /** Open → half-open. */
  #timer: NodeJS.Timeout | undefined
  /** When the current open period ends (`performance.now()` clock). */
  #openUntilMs = 0
  #shutdown = false

  constructor(target: string, options: BreakerOptions, onStateChange: (state: BreakerState, openForMs?: number) => void) {
    this.target = target
    this.#resetTimeoutMs = options.resetTimeoutMs ?? breakerDefaults.resetTimeoutMs
    this.#errorThresholdPercentage = options.errorThresholdPercentage ?? breakerDefaults.errorThresholdPercentage
    this.#volumeThreshold = options.volumeThreshold ?? breakerDefaults.volumeThreshold
    this.#counts = new RollingCounts(options.rollingCountTimeoutMs ?? breakerDefaults.rollingCountTimeoutMs)
    this.#onStateChange = onStateChange
  }

  get state(): BreakerState {
    return this.#state
  }

  /**
   * A permit to send a request, or `undefined` when the breaker is open (or its one half-open
   * probe is out). `now`: the `performance.now()` clock, when the caller already read it.
   */
  acquire(now?: number): BreakerPermit | undefined {
    if (this.#shutdown || this.#state === 'open') return undefined
    const probe = this.#state === 'half-open'
    if (probe) {
      if (this.#probeOut) return undefined
      this.#probeOut = true
    }
    this.#counts.addRequest(now)
    return new Permit(this, probe)
  }

  /** Opens the breaker for exactly `ms` (another client of the fleet saw the target fail), then half-open. */
  openFor(ms: number): void {
    if (this.#state !== 'open') this.#open(Math.max(1, Math.round(ms)))
  }

  /** Closes the breaker (another client's probe found the target healthy, or this one's did). */
  close(): void {
    if (this.#state === 'closed') return
    clearTimeout(this.#timer)
    this.#timer = undefined
    this.#state = 'closed'
    this.#probeOut = false
    this.#onStateChange('closed')
  }

  /** Milliseconds left of the current open period (0 unless open). */
  openForMs(): number {
    return this.#state === 'open' ? Math.max(0, Math.ceil(this.#openUntilMs - performance.now())) : 0
  }

  /** Stops the breaker's timer; no permit is granted after. */
  shutdown(): void {
    this.#shutdown = true
    clearTimeout(this.#timer)
    this.#timer = undefined
  }

  /** @internal A permit's outcome. */
  settle(probe: boolean, outcome: 'success' | 'failure' | 'released'): void {
    if (outcome === 'released') {
      if (probe && this.#state === 'half-open') this.#probeOut = false
      return
    }
    if (outcome === 'success') {
      if (this.#state === 'half-open') this.close()
      return
    }
    const failureRatio = this.#counts.addFailure()
    if (this.#state === 'half-open') this.#open(this.#resetTimeoutMs)
    else if (this.#state === 'closed' && failureRatio.requests >= this.#volumeThreshold && (failureRatio.failures / failureRatio.requests) * 100 > this.#errorThresholdPercentage) {
      this.#open(this.#resetTimeoutMs)
    }
  }

  #open(forMs: number): void {
    clearTimeout(this.#timer)
    this.#state = 'open'
    this.#probeOut = false
    this.#openUntilMs = performance.now() + forMs
    if (!this.#shutdown) {
      this.#timer = setTimeout(() => this.#halfOpen(), forMs)
      this.#timer.unref()
    }
    this.#onStateChange('open', forMs)
  }

  #halfOpen(): void {
    this.#timer = undefined
    this.#state = 'half-open'
    this.#probeOut = false
    this.#onStateChange('half-open')
  }
}

/** One request's permit: settles once; later calls do nothing. */
class Permit implements BreakerPermit {
  readonly #breaker: TargetBreaker
  readonly #probe: boolean
  #settled = false

  constructor(breaker: TargetBreaker, probe: boolean) {
    this.#breaker = breaker
    this.#probe = probe
  }

  succeed(): void {
    this.#settle('success')
  }

  fail(): void {
    this.#settle('failure')
  }

  release(): void {
    this.#settle('released')
  }

  #settle(outcome: 'success' | 'failure' | 'released'): void {
    if (this.#settled) return
    this.#settled = true
    this.#breaker.settle(this.#probe, outcome)
  }
}
