import type { RateLimitOptions, RateLimitRefusal, RateLimitReservation } from './rate-limit-budget.ts'
import type { LeaseGrant, SharedStateSession } from './shared-state.ts'

/** Share of a per-minute limit one lease takes: small enough that leases held by idle clients waste little. */
export const leaseRatio = 0.02
/** How long a lease's room may be used before what is left goes back to the fleet. */
export const leaseLifetimeMs = 1_000

interface Lease {
  requests: number
  tokens: number
  expiresAtMs: number
  grant: LeaseGrant
}

/**
 * One target's share of the fleet's rate-limit window (`requestsPerMinute`,
 * `tokensPerMinute` shared by every client of the namespace). Room is leased from the store
 * a few calls at a time (`leaseRatio` of the limit) and spent locally, so most calls make no
 * round trip; one call refills for every concurrent caller. While the store is unreachable
 * `take` answers `undefined`: the client's own window decides alone.
 */
export class FleetBudget {
  readonly target: string
  readonly #options: RateLimitOptions
  readonly #session: SharedStateSession
  readonly #now: () => number
  #lease: Lease | undefined
  #refilling: Promise<boolean | undefined> | undefined

  constructor(target: string, options: RateLimitOptions, session: SharedStateSession, now: () => number = () => performance.now()) {
    this.target = target
    this.#options = options
    this.#session = session
    this.#now = now
  }

  /**
   * Room for one request of about `estimatedTokens`: a reservation (spent from the lease),
   * a refusal (the fleet used the budget), a promise of either when the lease must be
   * refilled, or `undefined` when the store is unreachable.
   */
  take(estimatedTokens: number): RateLimitReservation | RateLimitRefusal | Promise<RateLimitReservation | RateLimitRefusal | undefined> | undefined {
    if (!this.#session.online) return undefined
    return this.#spend(estimatedTokens) ?? this.#refillAndSpend(estimatedTokens)
  }

  async #refillAndSpend(estimatedTokens: number): Promise<RateLimitReservation | RateLimitRefusal | undefined> {
    // Concurrent callers share one refill, then spend from it in turn.
    for (let round = 0; round < 3; round += 1) {
      this.#refilling ??= this.#refill(estimatedTokens).finally(() => {
        this.#refilling = undefined
      })
      const granted = await this.#refilling
      if (granted === undefined) return undefined
      const spent = this.#spend(estimatedTokens)
      if (spent !== undefined) return spent
      if (!granted) break
    }
    const { requestsPerMinute, tokensPerMinute } = this.#options
    const limits = [requestsPerMinute === undefined ? '' : `requestsPerMinute ${requestsPerMinute}`, tokensPerMinute === undefined ? '' : `tokensPerMinute ${tokensPerMinute}`].filter(Boolean).join(' / ')
    return { noRoom: `the fleet used its ${limits} (shared window)` }
  }

  /** Spends from the current lease, or `undefined` when it has no room (or expired). */
  #spend(estimatedTokens: number): RateLimitReservation | undefined {
    const lease = this.#lease
    if (lease === undefined || lease.requests < 1 || lease.tokens < estimatedTokens || this.#now() >= lease.expiresAtMs) return undefined
    lease.requests -= 1
    lease.tokens -= estimatedTokens
    let settled = false
    return {
      // The provider's real count replaces the estimate in whatever lease is current.
      settle: (actualTokens) => {
        if (settled || actualTokens === undefined) return
        settled = true
        if (this.#lease !== undefined) this.#lease.tokens += estimatedTokens - actualTokens
      },
      cancel: () => {
        if (settled) return
        settled = true
        if (this.#lease === lease) {
          lease.requests += 1
          lease.tokens += estimatedTokens
        }
      },
    }
  }

  /** Gives the old lease's room back and leases more: `true` granted, `false` no room, `undefined` store unreachable. */
  async #refill(estimatedTokens: number): Promise<boolean | undefined> {
    const old = this.#lease
    this.#lease = undefined
    if (old !== undefined && (old.requests > 0 || old.tokens > 0)) old.grant.giveBack(Math.max(0, old.requests), Number.isFinite(old.tokens) ? Math.max(0, old.tokens) : 0)
    const { requestsPerMinute, tokensPerMinute } = this.#options
    const grant = await this.#session.lease(this.target, {
      requestsPerMinute,
      tokensPerMinute,
      requests: requestsPerMinute === undefined ? 1_000_000 : Math.max(1, Math.ceil(requestsPerMinute * leaseRatio)),
      tokens: tokensPerMinute === undefined ? Number.MAX_SAFE_INTEGER : Math.max(estimatedTokens, Math.ceil(tokensPerMinute * leaseRatio)),
      minimumTokens: tokensPerMinute === undefined ? 0 : estimatedTokens,
    })
    if (grant === undefined) return undefined
    if (grant.requests < 1) return false
    this.#lease = { requests: grant.requests, tokens: tokensPerMinute === undefined ? Number.POSITIVE_INFINITY : grant.tokens, expiresAtMs: this.#now() + leaseLifetimeMs, grant }
    return true
  }
}
