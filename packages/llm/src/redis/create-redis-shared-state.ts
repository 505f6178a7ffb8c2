import { randomUUID } from 'node:crypto'
import { Redis, type RedisOptions } from 'ioredis'
import type { LeaseGrant, LeaseRequest, SharedState, SharedStateMember, SharedStateSession, SharedTargetChange } from '../shared-state.ts'
import { leaseScript } from './lease-script.ts'

/** Options of `createRedisSharedState`. */
export interface RedisSharedStateOptions {
  /** Every client naming the same namespace shares its targets' state. Required (e.g. `"voxguard:prod"`). */
  namespace: string
  /** `redis://host:port/db` or ioredis options (host, port, password, tls, …). Default `redis://127.0.0.1:6379`. */
  redis?: string | RedisOptions
  /**
   * A Redis command slower than this counts as Redis being unavailable: the call goes on with
   * local state and the client checks Redis again after `retryAfterMs`. Default 50.
   */
  commandTimeoutMs?: number
  /** After Redis failed or was slow: how long the client serves on local state before trying it again. Default 1000. */
  retryAfterMs?: number
}

/** The defaults `RedisSharedStateOptions` fields take when left out. */
export const redisSharedStateDefaults = { redis: 'redis://127.0.0.1:6379', commandTimeoutMs: 50, retryAfterMs: 1_000 } as const

interface Published {
  from: string
  change: SharedTargetChange
}

type LeaseReply = [number, number, number]

/** The command connection, with the lease script defined on it. */
type LeasingRedis = Redis & { voxguardLease(requestsKey: string, tokensKey: string, ...args: number[]): Promise<LeaseReply> }

/**
 * Shared breaker state, Retry-After cooldowns, learned `x-ratelimit-*` limits and a
 * fleet-wide RPM/TPM window in Redis (ioredis), for every client naming `namespace`.
 * Changes are written as keys that expire with them and announced on one pub/sub channel;
 * each client applies them to its local copy, so a call reads no Redis. A client that
 * loses Redis keeps serving on local state (event `shared-state-offline`), and when Redis
 * returns reads what it holds and writes back its own changes still in force (`shared-state-online`).
 * @example
 * import { createRedisSharedState } from '@voxguard/llm/redis'
 * const llm = createLlmClient({ targets, routes, sharedState: createRedisSharedState({ namespace: 'voxguard:prod', redis: process.env.REDIS_URL }) })
 */
export function createRedisSharedState(options: RedisSharedStateOptions): SharedState {
  if (typeof options?.namespace !== 'string' || options.namespace === '') {
    throw new Error('sharedState.namespace: required, a non-empty string (every client naming it shares state)')
  }
  for (const field of ['commandTimeoutMs', 'retryAfterMs'] as const) {
    const value = options[field]
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) throw new Error(`sharedState.${field}: must be a positive number of milliseconds (got ${String(value)})`)
  }
  return { join: (member) => new RedisSession(options, member) }
}

class RedisSession implements SharedStateSession {
  readonly #member: SharedStateMember
  readonly #namespace: string
  readonly #channel: string
  readonly #id = randomUUID()
  readonly #retryAfterMs: number
  readonly #commands: LeasingRedis
  readonly #subscriber: Redis
  #connected = false
  /** Until when (performance.now) the session serves on local state after a failed or slow command. */
  #unavailableUntil = 0
  #reportedOnline: boolean | undefined
  #closed = false
  #retryTimer: NodeJS.Timeout | undefined

  constructor(options: RedisSharedStateOptions, member: SharedStateMember) {
    this.#member = member
    this.#namespace = options.namespace
    this.#channel = `${options.namespace}:changes`
    this.#retryAfterMs = options.retryAfterMs ?? redisSharedStateDefaults.retryAfterMs
    const redis = options.redis ?? redisSharedStateDefaults.redis
    const common: RedisOptions = {
      // A call never waits for Redis: no queue while offline, no retries per command.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? redisSharedStateDefaults.commandTimeoutMs,
      retryStrategy: (times) => Math.min(50 * times, this.#retryAfterMs),
    }
    this.#commands = (typeof redis === 'string' ? new Redis(redis, common) : new Redis({ ...redis, ...common })) as LeasingRedis
    this.#commands.defineCommand('voxguardLease', { numberOfKeys: 2, lua: leaseScript })
    // The subscriber may queue its SUBSCRIBE until connected; ioredis resubscribes after a reconnect.
    this.#subscriber = this.#commands.duplicate({ enableOfflineQueue: true, commandTimeout: undefined })
    this.#subscriber.on('message', (_channel: string, text: string) => this.#receive(text))
    this.#subscriber.on('error', () => undefined)
    // Resubscribed after a reconnect: read what may have been missed meanwhile.
    this.#subscriber.on('ready', () => {
      if (this.#connected) void this.#resync()
    })
    void this.#subscriber.subscribe(this.#channel).catch(() => undefined)
    this.#commands.on('error', (error: Error) => this.#lost(`redis unreachable (${describe(error)})`))
    this.#commands.on('close', () => this.#lost('redis connection closed'))
    this.#commands.on('ready', () => {
      this.#connected = true
      void this.#resync()
    })
  }

  get online(): boolean {
    return this.#connected && this.#reportedOnline === true && performance.now() >= this.#unavailableUntil
  }

  publish(change: SharedTargetChange): void {
    if (!this.#connected || this.#closed) return
    const message = JSON.stringify({ from: this.#id, change } satisfies Published)
    const pipeline = this.#commands.multi()
    this.#write(pipeline, change)
    pipeline.publish(this.#channel, message)
    pipeline.exec().catch((error: unknown) => this.#slow(error))
  }

  async lease(target: string, request: LeaseRequest): Promise<LeaseGrant | undefined> {
    if (!this.online) return undefined
    const requestsKey = this.#key(target, 'window-requests')
    const tokensKey = this.#key(target, 'window-tokens')
    try {
      const [requests, tokens, second] = await this.#commands.voxguardLease(
        requestsKey,
        tokensKey,
        request.requestsPerMinute ?? -1,
        request.tokensPerMinute ?? -1,
        request.requests,
        request.tokensPerMinute === undefined ? 0 : request.tokens,
        request.minimumTokens,
      )
      return {
        requests,
        tokens,
        giveBack: (unusedRequests, unusedTokens) => {
          if (!this.#connected) return
          const pipeline = this.#commands.pipeline()
          if (request.requestsPerMinute !== undefined && unusedRequests > 0) pipeline.hincrby(requestsKey, String(second), -unusedRequests)
          if (request.tokensPerMinute !== undefined && unusedTokens > 0) pipeline.hincrby(tokensKey, String(second), -Math.floor(unusedTokens))
          pipeline.exec().catch(() => undefined)
        },
      }
    } catch (error) {
      this.#slow(error)
      return undefined
    }
  }

  async close(): Promise<void> {
    this.#closed = true
    clearTimeout(this.#retryTimer)
    this.#commands.disconnect()
    this.#subscriber.disconnect()
  }

  #key(target: string, what: string): string {
    return `${this.#namespace}:${target}:${what}`
  }

  /** Adds the key that keeps `change` for its duration (so a client joining or resyncing later sees it). */
  #write(pipeline: ReturnType<Redis['multi']>, change: SharedTargetChange): void {
    switch (change.type) {
      case 'breaker-open':
        pipeline.set(this.#key(change.target, 'breaker-open'), '1', 'PX', Math.max(1, Math.round(change.forMs)))
        break
      case 'breaker-close':
        pipeline.del(this.#key(change.target, 'breaker-open'))
        break
      case 'cooldown':
        pipeline.set(this.#key(change.target, 'cooldown'), '1', 'PX', Math.max(1, Math.round(change.forMs)))
        break
      case 'learned-limit':
        pipeline.set(this.#key(change.target, `learned-${change.limit}`), String(change.remaining), 'PX', Math.max(1, Math.round(change.forMs)))
        break
    }
  }

  #receive(text: string): void {
    let published: Published
    try {
      published = JSON.parse(text) as Published
    } catch {
      return
    }
    if (published.from === this.#id || typeof published.change?.target !== 'string') return
    this.#member.apply(published.change, 'fleet')
  }

  /** After (re)connecting: apply what Redis holds, write back this client's changes Redis lost, then report online. */
  async #resync(): Promise<void> {
    try {
      const reads = this.#commands.pipeline()
      for (const target of this.#member.targets) {
        reads.pttl(this.#key(target, 'breaker-open'))
        reads.pttl(this.#key(target, 'cooldown'))
        for (const limit of ['requests', 'tokens'] as const) {
          reads.get(this.#key(target, `learned-${limit}`))
          reads.pttl(this.#key(target, `learned-${limit}`))
        }
      }
      const replies = ((await reads.exec()) ?? []).map(([error, value]) => (error === null ? value : undefined))
      let index = 0
      for (const target of this.#member.targets) {
        const [breakerMs, cooldownMs, requestsText, requestsMs, tokensText, tokensMs] = replies.slice(index, index + 6) as Array<number | string | null | undefined>
        index += 6
        if (typeof breakerMs === 'number' && breakerMs > 0) this.#member.apply({ type: 'breaker-open', target, forMs: breakerMs }, 'resync')
        if (typeof cooldownMs === 'number' && cooldownMs > 0) this.#member.apply({ type: 'cooldown', target, forMs: cooldownMs }, 'resync')
        if (typeof requestsText === 'string' && typeof requestsMs === 'number' && requestsMs > 0) this.#member.apply({ type: 'learned-limit', target, limit: 'requests', remaining: Number(requestsText), forMs: requestsMs }, 'resync')
        if (typeof tokensText === 'string' && typeof tokensMs === 'number' && tokensMs > 0) this.#member.apply({ type: 'learned-limit', target, limit: 'tokens', remaining: Number(tokensText), forMs: tokensMs }, 'resync')
      }
      const writes = this.#commands.multi()
      const changes = this.#member.activeChanges()
      for (const change of changes) {
        this.#write(writes, change)
        writes.publish(this.#channel, JSON.stringify({ from: this.#id, change } satisfies Published))
      }
      if (changes.length > 0) await writes.exec()
      else writes.discard()
      this.#unavailableUntil = 0
      this.#report(true, 'redis reachable; state resynced')
    } catch (error) {
      this.#slow(error)
    }
  }

  #lost(reason: string): void {
    this.#connected = false
    this.#report(false, `${reason}; serving on local state`)
  }

  /** A command failed or timed out: local state only, for `retryAfterMs`, then Redis is tried again (and resynced). */
  #slow(error: unknown): void {
    this.#unavailableUntil = performance.now() + this.#retryAfterMs
    this.#report(false, `redis command failed (${describe(error)}); serving on local state for ${this.#retryAfterMs} ms`)
    if (this.#retryTimer !== undefined) return
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined
      if (this.#connected && !this.#closed) void this.#resync()
    }, this.#retryAfterMs)
    this.#retryTimer.unref()
  }

  #report(online: boolean, reason: string): void {
    if (this.#closed || this.#reportedOnline === online) return
    this.#reportedOnline = online
    this.#member.availability(online, reason)
  }
}

function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown }
    if (typeof code === 'string') return code
    if (typeof message === 'string') return message
  }
  return String(error)
}
