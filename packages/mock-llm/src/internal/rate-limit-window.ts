/**
 * Rate-limit state told to a client: OpenAI sends all six `x-ratelimit-*` headers from it,
 * Azure the two `remaining` ones, Bedrock none.
 */
export interface RateLimitSnapshot {
  limitRequests: number
  remainingRequests: number
  resetRequestsMs: number
  limitTokens: number
  remainingTokens: number
  resetTokensMs: number
}

/** The outcome of asking a rate-limit window for room. */
export type RateLimitDecision =
  | { allowed: true; snapshot: RateLimitSnapshot }
  | { allowed: false; limitKind: 'requests' | 'tokens'; resetMs: number; snapshot: RateLimitSnapshot }

/** Limits announced for a budget the profile does not enforce (`rpm`/`tpm` unset). */
export const nominalRequestsPerWindow = 10_000
export const nominalTokensPerWindow = 10_000_000

/**
 * Enforced RPM/TPM in fixed windows of `windowMs` counted from server start. Admitted
 * requests count; rejected ones do not. An unset limit is never enforced and is announced
 * as the nominal one.
 */
export class RateLimitWindow {
  readonly #requestsPerWindow: number | undefined
  readonly #tokensPerWindow: number | undefined
  readonly #windowMs: number
  #windowIndex = -1
  #requests = 0
  #tokens = 0

  constructor(requestsPerWindow: number | undefined, tokensPerWindow: number | undefined, windowMs: number) {
    this.#requestsPerWindow = requestsPerWindow
    this.#tokensPerWindow = tokensPerWindow
    this.#windowMs = windowMs
  }

  /** Whether the profile enforces a limit (then every OpenAI/Azure response tells the state). */
  get enforced(): boolean {
    return this.#requestsPerWindow !== undefined || this.#tokensPerWindow !== undefined
  }

  /** Admits (and counts) a request of `tokens` tokens at `elapsedMs` after server start, or refuses it. */
  take(elapsedMs: number, tokens: number): RateLimitDecision {
    const resetMs = this.#enterWindow(elapsedMs)
    const requestsFull = this.#requestsPerWindow !== undefined && this.#requests + 1 > this.#requestsPerWindow
    const tokensFull = this.#tokensPerWindow !== undefined && this.#tokens + tokens > this.#tokensPerWindow
    if (requestsFull || tokensFull) {
      return { allowed: false, limitKind: requestsFull ? 'requests' : 'tokens', resetMs, snapshot: this.#snapshot(resetMs) }
    }
    this.#requests += 1
    this.#tokens += tokens
    return { allowed: true, snapshot: this.#snapshot(resetMs) }
  }

  /** The state at `elapsedMs` without counting a request. */
  peek(elapsedMs: number): RateLimitSnapshot {
    return this.#snapshot(this.#enterWindow(elapsedMs))
  }

  /** Moves to the window of `elapsedMs` (resetting the counts in a new one); returns the ms left in it. */
  #enterWindow(elapsedMs: number): number {
    const windowIndex = Math.floor(elapsedMs / this.#windowMs)
    if (windowIndex !== this.#windowIndex) {
      this.#windowIndex = windowIndex
      this.#requests = 0
      this.#tokens = 0
    }
    return (windowIndex + 1) * this.#windowMs - elapsedMs
  }

  #snapshot(resetMs: number): RateLimitSnapshot {
    const limitRequests = this.#requestsPerWindow ?? nominalRequestsPerWindow
    const limitTokens = this.#tokensPerWindow ?? nominalTokensPerWindow
    return {
      limitRequests,
      remainingRequests: Math.max(0, limitRequests - this.#requests),
      resetRequestsMs: resetMs,
      limitTokens,
      remainingTokens: Math.max(0, limitTokens - this.#tokens),
      resetTokensMs: resetMs,
    }
  }
}

/** Formats a duration the way OpenAI writes `x-ratelimit-reset-*`: `20ms`, `1.5s`, `6m0s`. */
export function formatResetDuration(ms: number): string {
  const rounded = Math.max(0, Math.round(ms))
  if (rounded < 1000) return `${rounded}ms`
  if (rounded < 60_000) return `${Number((rounded / 1000).toFixed(3))}s`
  const minutes = Math.floor(rounded / 60_000)
  return `${minutes}m${Number(((rounded - minutes * 60_000) / 1000).toFixed(3))}s`
}
