import type { BreakerState } from './emit-event.ts'
import type { LlmErrorCode } from './llm-error.ts'
import type { RateLimitBudget } from './rate-limit-budget.ts'
import { updateEwma } from './select-from-pool.ts'
import type { TargetBreaker } from './target-breaker.ts'
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

  recordSuccess(latencyMs: number): void {
    this.successes += 1
    this.latencyEwmaMs = updateEwma(this.latencyEwmaMs, latencyMs)
    this.latencyMeasuredAtMs = performance.now()
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
