/**
 * The contract between a client and a shared-state store (e.g. `@voxguard/llm/redis`), so
 * every client of a fleet that names the same namespace sees one breaker state, one cooldown
 * and one rate-limit window per target. The client never waits on the store to decide a call:
 * it keeps a local copy that the store's notifications update, and falls back to local state
 * whenever the store is unreachable.
 */

/**
 * A change one client tells the others about a target. Durations, not clock times: clocks
 * differ between hosts, and the store keeps each change for exactly its duration.
 */
export type SharedTargetChange =
  | { type: 'breaker-open'; target: string; forMs: number }
  | { type: 'breaker-close'; target: string }
  | { type: 'cooldown'; target: string; forMs: number }
  | { type: 'learned-limit'; target: string; limit: 'requests' | 'tokens'; remaining: number; forMs: number }

/** What a client asks of the fleet's shared rate-limit window for one target. */
export interface LeaseRequest {
  /** The target's configured limits (`requestsPerMinute`, `tokensPerMinute`); at least one is set. */
  requestsPerMinute: number | undefined
  tokensPerMinute: number | undefined
  /** Requests and tokens wanted in one lease (a few calls' worth, so most calls need no round trip). */
  requests: number
  tokens: number
  /** The least worth granting: one request of this many tokens. */
  minimumTokens: number
}

/** Room granted from the fleet's window; zero requests when the fleet used the budget. */
export interface LeaseGrant {
  requests: number
  tokens: number
  /** Gives unused room back (the lease expired with room left). */
  giveBack(requests: number, tokens: number): void
}

/** The client's side of a shared-state session (implemented by the client). */
export interface SharedStateMember {
  /** Every target name of the client. */
  readonly targets: readonly string[]
  /** A change another client published, or (on a resync) one the store still holds. */
  apply(change: SharedTargetChange, source: 'fleet' | 'resync'): void
  /** This client's changes still in force, written back to a store that lost them (restarted). */
  activeChanges(): SharedTargetChange[]
  /** The store became unreachable (`online: false`) or reachable and resynced (`true`). */
  availability(online: boolean, reason: string): void
}

/** The store's side of a session (implemented by the store adapter). */
export interface SharedStateSession {
  /** Whether the store is reachable now. */
  readonly online: boolean
  /** Tells the fleet; never throws and never blocks the caller (a failure makes the session offline). */
  publish(change: SharedTargetChange): void
  /** Leases room from the fleet's window; `undefined` when the store is unreachable or slow (use local state). */
  lease(target: string, request: LeaseRequest): Promise<LeaseGrant | undefined>
  /** Leaves the fleet and closes the store's connections. */
  close(): Promise<void>
}

/**
 * A shared-state store: `createLlmClient({ sharedState })` joins it once. See
 * `createRedisSharedState` in `@voxguard/llm/redis`.
 */
export interface SharedState {
  join(member: SharedStateMember): SharedStateSession
}
