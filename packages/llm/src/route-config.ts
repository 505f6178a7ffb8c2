/** How a pool orders its members for one call (the first is tried first, the rest are its fallbacks). */
export type PoolStrategy = 'round-robin' | 'weighted' | 'least-latency'

/** A set of interchangeable targets (e.g. one deployment in several regions). */
export interface PoolConfig {
  /** Target names of the pool's members. */
  pool: string[]
  /** Default `'round-robin'`. */
  strategy?: PoolStrategy
  /** For `weighted`: relative weight per member name (default 1 each). */
  weights?: Record<string, number>
  /**
   * For `least-latency`: every Nth call of the pool starts with the member measured longest
   * ago, so a slower or recovered region is re-measured. Default 10; 0 turns probing off.
   */
  probeEveryCalls?: number
}

/** One link of a route's chain: a target name or a pool of targets. */
export type ChainEntry = string | PoolConfig

/** A named use case (`answer`, `classify`) with its ordered fallback chain and time budget. */
export interface RouteConfig {
  /** Ordered targets and pools; the call falls back along it. Required, not empty. */
  chain: ChainEntry[]
  /** Total time for the whole call, retries and fallbacks included. Default 10000. */
  deadlineMs?: number
  /** Streams: an attempt without a first token after this long times out and fails over. Default 3000. */
  firstTokenTimeoutMs?: number
  /** Streams: longest silence between two parts after the first token. Default 3000. */
  interChunkTimeoutMs?: number
  /** Non-streaming chat: an attempt without an answer after this long times out and fails over. Default: the remaining deadline. */
  attemptTimeoutMs?: number
  /** Start the next target when the current one has no first token (stream) or answer (chat) after this long. Default: no hedging. */
  hedgeAfterMs?: number
  /**
   * Streams: after a failure past the first token (cut, stall, server error), the next target
   * continues with the text so far as an assistant prefix; one that rejects the prefix is asked
   * for the whole answer (a `restart` part). Default true (a phone caller is better served by
   * the rest of the sentence than by an error); false throws the failure to the caller.
   */
  continueOnMidStreamError?: boolean
  /** Requests the whole call may make, retries and fallbacks together; a retry never takes an attempt an untried target needs. Default 4. */
  maxAttempts?: number
  /** Retries of the same target after a retryable error (server, network, rate_limited). Default 1. */
  maxRetriesPerTarget?: number
  /** Total time the call may spend waiting between retries (backoff and Retry-After). Default 2000. */
  maxTotalWaitMs?: number
  /**
   * First backoff wait when the provider sent no Retry-After; the step doubles per retry up
   * to `maxBackoffMs`, and each wait is half the step plus a random half (equal jitter). Default 100.
   */
  initialBackoffMs?: number
  /** Largest backoff step. Default 1000. */
  maxBackoffMs?: number
}

/** A route with every default applied. */
export interface ResolvedRoute {
  name: string
  chain: ChainEntry[]
  deadlineMs: number
  firstTokenTimeoutMs: number
  interChunkTimeoutMs: number
  attemptTimeoutMs: number | undefined
  hedgeAfterMs: number | undefined
  continueOnMidStreamError: boolean
  maxAttempts: number
  maxRetriesPerTarget: number
  maxTotalWaitMs: number
  initialBackoffMs: number
  maxBackoffMs: number
}

/** The defaults `RouteConfig` fields take when left out (one place; the README's routes table says the same). */
export const routeDefaults = {
  deadlineMs: 10_000,
  firstTokenTimeoutMs: 3_000,
  interChunkTimeoutMs: 3_000,
  continueOnMidStreamError: true,
  maxAttempts: 4,
  maxRetriesPerTarget: 1,
  maxTotalWaitMs: 2_000,
  initialBackoffMs: 100,
  maxBackoffMs: 1_000,
} as const

/** Applies the documented defaults (the one place they live). */
export function resolveRoute(name: string, route: RouteConfig): ResolvedRoute {
  return {
    name,
    chain: route.chain,
    deadlineMs: route.deadlineMs ?? routeDefaults.deadlineMs,
    firstTokenTimeoutMs: route.firstTokenTimeoutMs ?? routeDefaults.firstTokenTimeoutMs,
    interChunkTimeoutMs: route.interChunkTimeoutMs ?? routeDefaults.interChunkTimeoutMs,
    attemptTimeoutMs: route.attemptTimeoutMs,
    hedgeAfterMs: route.hedgeAfterMs,
    continueOnMidStreamError: route.continueOnMidStreamError ?? routeDefaults.continueOnMidStreamError,
    maxAttempts: route.maxAttempts ?? routeDefaults.maxAttempts,
    maxRetriesPerTarget: route.maxRetriesPerTarget ?? routeDefaults.maxRetriesPerTarget,
    maxTotalWaitMs: route.maxTotalWaitMs ?? routeDefaults.maxTotalWaitMs,
    initialBackoffMs: route.initialBackoffMs ?? routeDefaults.initialBackoffMs,
    maxBackoffMs: route.maxBackoffMs ?? routeDefaults.maxBackoffMs,
  }
}

/**
 * The target names of a chain, in chain order, without duplicates. `orderPool` orders each
 * pool's members (default: as configured; a call passes its pool strategy).
 */
export function targetsOfChain(chain: ChainEntry[], orderPool: (pool: PoolConfig) => readonly string[] = (pool) => pool.pool): string[] {
  const names: string[] = []
  for (const entry of chain) {
    for (const name of typeof entry === 'string' ? [entry] : orderPool(entry)) {
      if (!names.includes(name)) names.push(name)
    }
  }
  return names
}
