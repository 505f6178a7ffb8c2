import type { LlmEventListener } from './emit-event.ts'
import type { RouteConfig } from './route-config.ts'
import type { SharedState } from './shared-state.ts'
import type { BreakerOptions } from './target-breaker.ts'
import type { TargetConfig } from './target-config.ts'
import type { TelemetryOptions } from './telemetry.ts'
import type { ProviderAdapter } from './types.ts'

/** Options of `createLlmClient`. */
export interface LlmClientOptions {
  /** Named targets (provider + model/deployment + region). Required, at least one. */
  targets: Record<string, TargetConfig>
  /** Named routes, each with its fallback chain and time budget. Required, at least one. */
  routes: Record<string, RouteConfig>
  /** Receives every event (attempts, fallbacks, breaker changes, rate limits). Default: none. */
  onEvent?: LlmEventListener
  /** Circuit breaker settings for every target. Defaults: see `breakerDefaults`. */
  breaker?: BreakerOptions
  /** Tracer and meter. Default: the global OpenTelemetry API (no-op unless an SDK is registered). */
  telemetry?: TelemetryOptions
  /**
   * Builds a target's adapter. Default: `createProviderAdapter` (OpenAI, Azure OpenAI,
   * Bedrock). Pass your own to add a provider.
   */
  createAdapter?: (targetName: string, config: TargetConfig) => ProviderAdapter
  /**
   * Shares breaker state, Retry-After cooldowns, exhausted `x-ratelimit-*` limits and the
   * `requestsPerMinute` / `tokensPerMinute` window with every client of the same namespace
   * (e.g. `createRedisSharedState` from `@voxguard/llm/redis`). Default: none, every
   * client keeps its own state.
   */
  sharedState?: SharedState
}
