import { parseDurationText } from './parse-retry-after.ts'

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

/** Why a target has no room now; `retryInMs`: when it will (a cooldown or a learned reset), if known. */
export interface RateLimitRefusal {
  noRoom: string
  retryInMs?: number
}

/** What the provider's headers last said about one kind of limit. */
interface LearnedLimit {
  remaining: number
  /** Until when the figure holds (the header's reset time). */
  untilMs: number
}

/** Reset assumed when a provider sends `x-ratelimit-remaining-*` without `x-ratelimit-reset-*` (Azure). */
export const defaultLearnedResetMs = 1_000

/** The headers `learn` reads, per kind of limit. */
const learnedHeaders = [
  { kind: 'requests', remainingHeader: 'x-ratelimit-remaining-requests', resetHeader: 'x-ratelimit-reset-requests' },
  { kind: 'tokens', remainingHeader: 'x-ratelimit-remaining-tokens', resetHeader: 'x-ratelimit-reset-tokens' },
] as const

/** The reservation of a request nothing counts. */
const nothingReserved: RateLimitReservation = { settle: () => undefined, cancel: () => undefined }

/** One request counted in the sliding window (time order, oldest first). */
interface WindowEntry {
  atMs: number
  tokens: number
  /** False once the entry left the window or was cancelled: it no longer counts. */
  counted: boolean
}

/**
 * A sliding one-minute window of requests and tokens per target, from config, plus what
 * the provider's `x-ratelimit-remaining-requests/-tokens` and `x-ratelimit-reset-*`
 * headers last said (until that reset). A target without room is skipped (the router
 * falls back, as a gateway would redirect a 429 to another region) instead of being sent
 * a request it would reject.
 *
 * Cost per request is constant: the window is a queue in time order with running totals
 * (expired entries leave from the front), and it is not kept at all when neither
 * `requestsPerMinute` nor `tokensPerMinute` is configured.
 */
export class RateLimitBudget {
  readonly options: RateLimitOptions
  #window: WindowEntry[] = []
  /** Index of the oldest entry still in `#window`'s time range. */
  #head = 0
  #requestsInWindow = 0
  #tokensInWindow = 0
  readonly #keepsWindow: boolean
  #learned: { requests?: LearnedLimit; tokens?: LearnedLimit } = {}
  #coolingUntilMs = 0
  #now: () => number

  constructor(options: RateLimitOptions, now: () => number = () => performance.now()) {
    this.options = options
    this.#keepsWindow = options.requestsPerMinute !== undefined || options.tokensPerMinute !== undefined
    this.#now = now
  }

  /**
   * Reserves room for one request of about `estimatedTokens` (a number, or a function asked
   * only when something is counted), or returns why there is none.
   */
  reserve(estimatedTokens: number | (() => number)): RateLimitReservation | RateLimitRefusal {
    // Nothing configured, learned or cooling: nothing to count, no estimate, no clock to read.
    if (!this.#keepsWindow && this.#coolingUntilMs === 0 && this.#learned.requests === undefined && this.#learned.tokens === undefined) return nothingReserved
    return this.#reserve(typeof estimatedTokens === 'number' ? estimatedTokens : estimatedTokens())
  }

  #reserve(estimatedTokens: number): RateLimitReservation | RateLimitRefusal {
    const now = this.#now()
    // A timer may fire a fraction of a millisecond before the cooldown it waited for ends.
    if (this.#coolingUntilMs - now > 1) {
      const retryInMs = Math.ceil(this.#coolingUntilMs - now)
      return { noRoom: `cooling down after a 429 for ${retryInMs} ms more`, retryInMs }
    }
    const requests = this.#current('requests', now)
    if (requests !== undefined && requests.remaining < 1) {
      const retryInMs = Math.ceil(requests.untilMs - now)
      return { noRoom: `provider reported 0 requests remaining for the next ${retryInMs} ms`, retryInMs }
    }
    const tokens = this.#current('tokens', now)
    if (tokens !== undefined && tokens.remaining < estimatedTokens) {
      return { noRoom: `provider reported ${tokens.remaining} tokens remaining (~${estimatedTokens} needed) for the next ${Math.ceil(tokens.untilMs - now)} ms` }
    }
    let entry: WindowEntry | undefined
    if (this.#keepsWindow) {
      this.#expire(now)
      const { requestsPerMinute, tokensPerMinute } = this.options
      if (requestsPerMinute !== undefined && this.#requestsInWindow >= requestsPerMinute) {
        return { noRoom: `requestsPerMinute ${requestsPerMinute} used` }
      }
      const used = this.#tokensInWindow
      if (tokensPerMinute !== undefined && used + estimatedTokens > tokensPerMinute) {
        return { noRoom: `tokensPerMinute ${tokensPerMinute} would be exceeded (${used} used, ~${estimatedTokens} needed)` }
      }
      entry = { atMs: now, tokens: estimatedTokens, counted: true }
      this.#window.push(entry)
      this.#requestsInWindow += 1
      this.#tokensInWindow += estimatedTokens
    }
    // Nothing is counted (no window, no learned limit in force): nothing to settle or give back.
    if (entry === undefined && requests === undefined && tokens === undefined) return nothingReserved
    // Count this request against what the provider said, so concurrent calls do not all pile on.
    if (requests !== undefined) requests.remaining -= 1
    if (tokens !== undefined) tokens.remaining -= estimatedTokens
    return {
      settle: (actualTokens) => {
        if (entry === undefined || actualTokens === undefined) return
        if (entry.counted) this.#tokensInWindow += actualTokens - entry.tokens
        entry.tokens = actualTokens
      },
      cancel: () => {
        if (entry?.counted === true) {
          entry.counted = false
          this.#requestsInWindow -= 1
          this.#tokensInWindow -= entry.tokens
        }
        if (requests !== undefined) requests.remaining += 1
        if (tokens !== undefined) tokens.remaining += estimatedTokens
      },
    }
  }

  /**
   * A 429's Retry-After: no request until `ms` from now (a later end wins). The target is
   * skipped meanwhile, or waited for by a call that has no other target left.
   */
  coolDown(ms: number): void {
    this.#coolingUntilMs = Math.max(this.#coolingUntilMs, this.#now() + ms)
  }

  /** Milliseconds left of the current cooldown (0 when none). */
  coolingForMs(): number {
    return Math.max(0, Math.ceil(this.#coolingUntilMs - this.#now()))
  }

  /**
   * Learns from response headers (lower-cased names): `x-ratelimit-remaining-requests` and
   * `-tokens` hold until their `x-ratelimit-reset-*` (default 1 s when absent).
   */
  learn(headers: Record<string, string>, onLearned?: (limit: 'requests' | 'tokens', remaining: number, forMs: number) => void): void {
    let now: number | undefined
    for (const { kind, remainingHeader, resetHeader } of learnedHeaders) {
      const text = headers[remainingHeader]
      if (text === undefined) continue
      const remaining = text.trim() === '' ? Number.NaN : Number(text)
      if (!Number.isFinite(remaining) || remaining < 0) continue
      const resetMs = parseDurationText(headers[resetHeader]) ?? defaultLearnedResetMs
      now ??= this.#now()
      this.#learned[kind] = { remaining, untilMs: now + resetMs }
      onLearned?.(kind, remaining, resetMs)
    }
  }

  /** What another client of the fleet learned: `remaining` holds for `forMs` (unless this client learned later). */
  setLearned(limit: 'requests' | 'tokens', remaining: number, forMs: number): void {
    this.#learned[limit] = { remaining, untilMs: this.#now() + forMs }
  }

  /** Drops the entries older than one minute from the front of the window. */
  #expire(now: number): void {
    const window = this.#window
    while (this.#head < window.length && (window[this.#head] as WindowEntry).atMs <= now - windowMs) {
      const entry = window[this.#head] as WindowEntry
      if (entry.counted) {
        entry.counted = false
        this.#requestsInWindow -= 1
        this.#tokensInWindow -= entry.tokens
      }
      this.#head += 1
    }
    // Compact now and then, so the array does not grow with every request ever made.
    if (this.#head > 1024 && this.#head * 2 > window.length) {
      this.#window = window.slice(this.#head)
      this.#head = 0
    }
  }

  #current(kind: 'requests' | 'tokens', now: number): LearnedLimit | undefined {
    const learned = this.#learned[kind]
    if (learned === undefined || now >= learned.untilMs) return undefined
    return learned
  }
}

/** Rough token estimate for budgeting: ~4 characters per token, plus the output allowance. */
export function estimateTokens(texts: string[], maxOutputTokens: number | undefined): number {
  const characters = texts.reduce((sum, text) => sum + text.length, 0)
  return Math.ceil(characters / 4) + (maxOutputTokens ?? 256)
}
