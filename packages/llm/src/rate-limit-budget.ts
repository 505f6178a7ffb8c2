/** Per-target request and token budgets (what the provider granted this deployment). */
export interface RateLimitOptions {
  /** Requests per rolling minute this client may send to the target. Default: unlimited. */
  requestsPerMinute?: number
  /** Tokens (estimated input + maximum output) per rolling minute. Default: unlimited. */
  tokensPerMinute?: number
}

const windowMs = 60_000

/** A reserved slot; `settle` replaces the estimate with the real token count. */
export interface RateLimitReservation {
  settle(actualTokens: number | undefined): void
  /** Gives the slot back (the request was never sent). */
  cancel(): void
}

/**
 * A sliding one-minute window of requests and tokens per target, from config and from
 * the provider's `x-ratelimit-remaining-requests/-tokens` and `x-ratelimit-reset-*`
 * headers. A target without room is skipped (the router falls back, as a gateway
 * would redirect a 429 to another region) instead of being sent a request it would reject.
 */
export class RateLimitBudget {
  readonly options: RateLimitOptions
  #entries: Array<{ atMs: number; tokens: number }> = []
  #blockedUntilMs = 0
  #now: () => number

  constructor(options: RateLimitOptions, now: () => number = () => performance.now()) {
    this.options = options
    this.#now = now
  }

  /** Reserves room for one request of about `estimatedTokens`, or returns why there is none. */
  reserve(estimatedTokens: number): RateLimitReservation | { noRoom: string } {
    const now = this.#now()
    this.#entries = this.#entries.filter((entry) => entry.atMs > now - windowMs)
    if (now < this.#blockedUntilMs) {
      return { noRoom: `provider reported no remaining budget for ${Math.ceil(this.#blockedUntilMs - now)} ms` }
    }
    const { requestsPerMinute, tokensPerMinute } = this.options
    if (requestsPerMinute !== undefined && this.#entries.length >= requestsPerMinute) {
      return { noRoom: `requestsPerMinute ${requestsPerMinute} used` }
    }
    const used = this.#entries.reduce((sum, entry) => sum + entry.tokens, 0)
    if (tokensPerMinute !== undefined && used + estimatedTokens > tokensPerMinute) {
      return { noRoom: `tokensPerMinute ${tokensPerMinute} would be exceeded (${used} used, ~${estimatedTokens} needed)` }
    }
    const entry = { atMs: now, tokens: estimatedTokens }
    this.#entries.push(entry)
    return {
      settle: (actualTokens) => {
        if (actualTokens !== undefined) entry.tokens = actualTokens
      },
      cancel: () => {
        this.#entries = this.#entries.filter((candidate) => candidate !== entry)
      },
    }
  }

  /** Learns from response headers (lower-cased names); a zero remaining count blocks until its reset. */
  learn(headers: Record<string, string>): void {
    const now = this.#now()
    for (const kind of ['requests', 'tokens']) {
      const remaining = headers[`x-ratelimit-remaining-${kind}`]
      if (remaining === undefined || Number(remaining) > 0) continue
      const resetMs = parseResetDuration(headers[`x-ratelimit-reset-${kind}`]) ?? 1_000
      this.#blockedUntilMs = Math.max(this.#blockedUntilMs, now + resetMs)
    }
  }
}

/**
 * Parses OpenAI's reset durations (`1s`, `6m0s`, `20ms`, `1h2m3.5s`) or plain seconds.
 * Returns milliseconds, or `undefined` when absent or unreadable.
 */
export function parseResetDuration(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 }
  let total = 0
  let matched = ''
  for (const match of value.trim().matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    total += Number(match[1]) * (units[match[2] as string] as number)
    matched += match[0]
  }
  return matched === value.trim() ? total : undefined
}

/** Rough token estimate for budgeting: ~4 characters per token, plus the output allowance. */
export function estimateTokens(texts: string[], maxOutputTokens: number | undefined): number {
  const characters = texts.reduce((sum, text) => sum + text.length, 0)
  return Math.ceil(characters / 4) + (maxOutputTokens ?? 256)
}
