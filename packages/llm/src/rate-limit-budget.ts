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

/** What the provider's headers last said about one kind of limit. */
interface LearnedLimit {
  remaining: number
  /** Until when the figure holds (the header's reset time). */
  untilMs: number
}

/** Reset assumed when a provider sends `x-ratelimit-remaining-*` without `x-ratelimit-reset-*` (Azure). */
export const defaultLearnedResetMs = 1_000

/**
 * A sliding one-minute window of requests and tokens per target, from config, plus what
 * the provider's `x-ratelimit-remaining-requests/-tokens` and `x-ratelimit-reset-*`
 * headers last said (until that reset). A target without room is skipped (the router
 * falls back, as a gateway would redirect a 429 to another region) instead of being sent
 * a request it would reject.
 */
export class RateLimitBudget {
  readonly options: RateLimitOptions
  #entries: Array<{ atMs: number; tokens: number }> = []
  #learned: { requests?: LearnedLimit; tokens?: LearnedLimit } = {}
  #now: () => number

  constructor(options: RateLimitOptions, now: () => number = () => performance.now()) {
    this.options = options
    this.#now = now
  }

  /** Reserves room for one request of about `estimatedTokens`, or returns why there is none. */
  reserve(estimatedTokens: number): RateLimitReservation | { noRoom: string } {
    const now = this.#now()
    this.#entries = this.#entries.filter((entry) => entry.atMs > now - windowMs)
    const requests = this.#current('requests', now)
    if (requests !== undefined && requests.remaining < 1) {
      return { noRoom: `provider reported 0 requests remaining for the next ${Math.ceil(requests.untilMs - now)} ms` }
    }
    const tokens = this.#current('tokens', now)
    if (tokens !== undefined && tokens.remaining < estimatedTokens) {
      return { noRoom: `provider reported ${tokens.remaining} tokens remaining (~${estimatedTokens} needed) for the next ${Math.ceil(tokens.untilMs - now)} ms` }
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
    // Count this request against what the provider said, so concurrent calls do not all pile on.
    if (requests !== undefined) requests.remaining -= 1
    if (tokens !== undefined) tokens.remaining -= estimatedTokens
    return {
      settle: (actualTokens) => {
        if (actualTokens !== undefined) entry.tokens = actualTokens
      },
      cancel: () => {
        this.#entries = this.#entries.filter((candidate) => candidate !== entry)
        if (requests !== undefined) requests.remaining += 1
        if (tokens !== undefined) tokens.remaining += estimatedTokens
      },
    }
  }

  /**
   * Learns from response headers (lower-cased names): `x-ratelimit-remaining-requests` and
   * `-tokens` hold until their `x-ratelimit-reset-*` (default 1 s when absent).
   */
  learn(headers: Record<string, string>): void {
    const now = this.#now()
    for (const kind of ['requests', 'tokens'] as const) {
      const text = headers[`x-ratelimit-remaining-${kind}`]
      const remaining = text === undefined || text.trim() === '' ? Number.NaN : Number(text)
      if (!Number.isFinite(remaining) || remaining < 0) continue
      const resetMs = parseResetDuration(headers[`x-ratelimit-reset-${kind}`]) ?? defaultLearnedResetMs
      this.#learned[kind] = { remaining, untilMs: now + resetMs }
    }
  }

  #current(kind: 'requests' | 'tokens', now: number): LearnedLimit | undefined {
    const learned = this.#learned[kind]
    if (learned === undefined || now >= learned.untilMs) return undefined
    return learned
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
