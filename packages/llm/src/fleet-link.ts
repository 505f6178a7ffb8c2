import { emitEvent, type LlmEventListener, type LlmEventType } from './emit-event.ts'
import { FleetBudget } from './fleet-budget.ts'
import type { SharedState, SharedStateMember, SharedStateSession, SharedTargetChange } from './shared-state.ts'
import type { TargetRuntime } from './target-runtime.ts'

/**
 * A client's membership in a fleet (`sharedState`): publishes its targets' breaker changes,
 * cooldowns and exhausted learned limits, applies the other clients' to its own local state,
 * and gives each target with rate limits a fleet-wide budget. Calls only ever read local
 * state; this link keeps it current.
 */
export class FleetLink implements SharedStateMember {
  readonly targets: readonly string[]
  readonly session: SharedStateSession
  readonly #runtimes: ReadonlyMap<string, TargetRuntime>
  readonly #onEvent: LlmEventListener | undefined
  /** True while a change from the fleet is applied: the state changes it causes are not published back. */
  #applying = false

  constructor(sharedState: SharedState, runtimes: ReadonlyMap<string, TargetRuntime>, onEvent: LlmEventListener | undefined) {
    this.#runtimes = runtimes
    this.#onEvent = onEvent
    this.targets = [...runtimes.keys()]
    this.session = sharedState.join(this)
    for (const runtime of runtimes.values()) {
      runtime.share = (change) => {
        if (!this.#applying) this.session.publish(change)
      }
      const { requestsPerMinute, tokensPerMinute } = runtime.budget.options
      if (requestsPerMinute !== undefined || tokensPerMinute !== undefined) runtime.fleetBudget = new FleetBudget(runtime.name, runtime.budget.options, this.session)
    }
  }

  /** Whether the breaker event being emitted now was caused by the fleet (for its reason). */
  get applying(): boolean {
    return this.#applying
  }

  /** A local breaker changed state: tell the fleet (unless the fleet caused it). */
  breakerChanged(target: TargetRuntime, state: 'open' | 'half-open' | 'closed', openForMs: number | undefined): void {
    if (this.#applying) return
    if (state === 'open') this.session.publish({ type: 'breaker-open', target: target.name, forMs: openForMs ?? target.breaker.openForMs() })
    if (state === 'closed') this.session.publish({ type: 'breaker-close', target: target.name })
  }

  apply(change: SharedTargetChange, source: 'fleet' | 'resync'): void {
    const runtime = this.#runtimes.get(change.target)
    if (runtime === undefined) return
    this.#applying = true
    try {
      switch (change.type) {
        case 'breaker-open':
          runtime.breaker.openFor(change.forMs)
          break
        case 'breaker-close':
          runtime.breaker.close()
          break
        case 'cooldown':
          if (runtime.budget.coolingForMs() >= change.forMs) break
          runtime.budget.coolDown(change.forMs)
          this.#emit(runtime, 'cooldown-start', `Retry-After ${Math.round(change.forMs)} ms (from the ${source === 'fleet' ? 'fleet' : 'shared state on resync'})`)
          break
        case 'learned-limit':
          runtime.budget.setLearned(change.limit, change.remaining, change.forMs)
          break
      }
    } finally {
      this.#applying = false
    }
  }

  activeChanges(): SharedTargetChange[] {
    const changes: SharedTargetChange[] = []
    for (const runtime of this.#runtimes.values()) {
      const openForMs = runtime.breaker.openForMs()
      if (openForMs > 0) changes.push({ type: 'breaker-open', target: runtime.name, forMs: openForMs })
      const coolingForMs = runtime.budget.coolingForMs()
      if (coolingForMs > 0) changes.push({ type: 'cooldown', target: runtime.name, forMs: coolingForMs })
    }
    return changes
  }

  availability(online: boolean, reason: string): void {
    for (const runtime of this.#runtimes.values()) this.#emit(runtime, online ? 'shared-state-online' : 'shared-state-offline', reason)
  }

  #emit(runtime: TargetRuntime, type: LlmEventType, reason: string): void {
    emitEvent(this.#onEvent, { ...runtime.eventFields(), type, reason })
  }
}
