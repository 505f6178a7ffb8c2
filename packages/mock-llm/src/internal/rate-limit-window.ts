/** The outcome of asking a rate-limit window for room. */
export type RateLimitDecision =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; limitKind: 'requests' | 'tokens'; resetMs: number; headers: Record<string, string> }

/**
 * Enforced RPM/TPM in fixed windows of `windowMs` counted from server start. Admitted
 * requests count; rejected ones do not. Headers follow OpenAI's `x-ratelimit-*` names.
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

  /** Admits (and counts) a request of `tokens` tokens at `elapsedMs` after server start, or refuses it. */
  take(elapsedMs: number, tokens: number): RateLimitDecision {
    const windowIndex = Math.floor(elapsedMs / this.#windowMs)
    if (windowIndex !== this.#windowIndex) {
      this.#windowIndex = windowIndex
      this.#requests = 0
      this.#tokens = 0
    }
    const resetMs = (windowIndex + 1) * this.#windowMs - elapsedMs
    const requestsFull = this.#requestsPerWindow !== undefined && this.#requests + 1 > this.#requestsPerWindow
    const tokensFull = this.#tokensPerWindow !== undefined && this.#tokens + tokens > this.#tokensPerWindow
    if (requestsFull || tokensFull) {
      return { allowed: false, limitKind: requestsFull ? 'requests' : 'tokens', resetMs, headers: this.headers(resetMs) }
    }
    this.#requests += 1
    this.#tokens += tokens
    return { allowed: true, headers: this.headers(resetMs) }
  }

  /** Current `x-ratelimit-*` headers (only for the limits that are set). */
  headers(resetMs: number): Record<string, string> {
    const headers: Record<string, string> = {}
    if (this.#requestsPerWindow !== undefined) {
      headers['x-ratelimit-limit-requests'] = String(this.#requestsPerWindow)
      headers['x-ratelimit-remaining-requests'] = String(Math.max(0, this.#requestsPerWindow - this.#requests))
      headers['x-ratelimit-reset-requests'] = formatResetDuration(resetMs)
    }
    if (this.#tokensPerWindow !== undefined) {
      headers['x-ratelimit-limit-tokens'] = String(this.#tokensPerWindow)
      headers['x-ratelimit-remaining-tokens'] = String(Math.max(0, this.#tokensPerWindow - this.#tokens))
      headers['x-ratelimit-reset-tokens'] = formatResetDuration(resetMs)
    }
    return headers
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
