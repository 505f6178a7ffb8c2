import type { BreakerState } from './emit-event.ts'
import type { LlmErrorCode } from './llm-error.ts'
import type { FleetBudget } from './fleet-budget.ts'
import type { RateLimitBudget } from './rate-limit-budget.ts'
import { updateEwma } from './select-from-pool.ts'
import type { TargetBreaker } from './target-breaker.ts'
import type { SharedTargetChange } from './shared-state.ts'
import type { ProviderAdapter } from './types.ts'

/** Counters for one target since the client was created (for /metrics and least-latency pools). */
export interface TargetStats {
  target: string
  provider: string
  model: string
  breakerState: BreakerState
  /** Requests sent (attempts that reached the provider). */
  requests: number
  successes: number
  failures: number
  /** Times the target was skipped (breaker open, no rate-limit budget). */
  skipped: number
  /** Smoothed latency of successful attempts (time to first token for streams). */
  latencyEwmaMs: number | undefined
  lastErrorKind: LlmErrorCode | undefined
}

/** Everything the router keeps per target: adapter, breaker, budget, counters. */
export class TargetRuntime {
  readonly name: string
  readonly adapter: ProviderAdapter
  readonly breaker: TargetBreaker
  readonly budget: RateLimitBudget
  requests = 0
  successes = 0
  failures = 0
  skipped = 0
  latencyEwmaMs: number | undefined
  /** When `latencyEwmaMs` last got a sample (`performance.now()` clock). */
  latencyMeasuredAtMs: number | undefined
  lastErrorKind: LlmErrorCode | undefined
  /** Tells the fleet about a change (set when the client has `sharedState`). */
  share: ((change: SharedTargetChange) => void) | undefined
  /** The fleet-wide rate-limit window (set when the client has `sharedState` and the target has limits). */
  fleetBudget: FleetBudget | undefined
  /** Until when (performance.now) an exhausted learned limit was last shared, per limit. */
  #sharedExhaustedUntil = { requests: 0, tokens: 0 }

  constructor(name: string, adapter: ProviderAdapter, breaker: TargetBreaker, budget: RateLimitBudget) {
    this.name = name
    this.adapter = adapter
    this.breaker = breaker
    this.budget = budget
  }

  /** The fields every event about this target carries (its breaker state as of now). */
  eventFields(): { target: string; provider: string; model: string; breakerState: BreakerState } {
    return { target: this.name, provider: this.adapter.provider, model: this.adapter.model, breakerState: this.breaker.state }
  }

  /** An attempt succeeded after `latencyMs`; `now` on the `performance.now()` clock. */
  recordSuccess(latencyMs: number, now: number): void {
    this.successes += 1
    this.latencyEwmaMs = updateEwma(this.latencyEwmaMs, latencyMs)
    this.latencyMeasuredAtMs = now
  }

  /**
   * A 429's Retry-After: the target takes no request for `ms` (skipped while another target
   * can serve; waited for by a call with none left). Never opens the breaker.
   */
  coolDown(ms: number): void {
    this.budget.coolDown(ms)
    this.share?.({ type: 'cooldown', target: this.name, forMs: ms })
  }

  /**
   * Learns the provider's `x-ratelimit-*` headers. With a fleet, an exhausted limit (0
   * requests left, or tokens below 5% of `x-ratelimit-limit-tokens`) is shared once per reset
   * period: the headers of every answer are not a change worth a Redis write.
   */
  learn(headers: Record<string, string>): void {
    const share = this.share
    if (share === undefined) {
      this.budget.learn(headers)
      return
    }
    this.budget.learn(headers, (limit, remaining, forMs) => {
      const limitTokens = Number(headers['x-ratelimit-limit-tokens'])
      const exhausted = limit === 'requests' ? remaining < 1 : Number.isFinite(limitTokens) && remaining < limitTokens * 0.05
      const now = performance.now()
      if (!exhausted || this.#sharedExhaustedUntil[limit] > now) return
      this.#sharedExhaustedUntil[limit] = now + forMs
      share({ type: 'learned-limit', target: this.name, limit, remaining, forMs })
    })
  }

  recordFailure(kind: LlmErrorCode): void {
    this.failures += 1
    this.lastErrorKind = kind
  }

  stats(): TargetStats {
    return {
      target: this.name,
      provider: this.adapter.provider,
      model: this.adapter.model,
      breakerState: this.breaker.state,
      requests: this.requests,
      successes: this.successes,
      failures: this.failures,
      skipped: this.skipped,
      latencyEwmaMs: this.latencyEwmaMs,
      lastErrorKind: this.lastErrorKind,
    }
  }
}
