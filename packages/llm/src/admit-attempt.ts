import { Attempt } from './attempt.ts'
import type { CallContext } from './call-context.ts'
import type { LlmErrorCode } from './llm-error.ts'
import type { RateLimitRefusal, RateLimitReservation } from './rate-limit-budget.ts'
import type { TargetRuntime } from './target-runtime.ts'

/** Why a target may not be sent a request now; `retryInMs`: when it may (a cooldown, a learned reset). */
export interface AttemptRefusal {
  code: Extract<LlmErrorCode, 'rate_limited' | 'breaker_open' | 'all_failed'>
  reason: string
  retryInMs?: number
}

/**
 * Starts an attempt on `target` if it may be sent a request now (attempt budget, breaker,
 * rate-limit room), else says why not. With shared state, room in the fleet's rate-limit
 * window comes first: spent from a local lease (synchronously) or, when the lease is used
 * up, leased anew (the only case that returns a promise).
 */
export function admitAttempt(call: CallContext, target: TargetRuntime, cancelSignal: AbortSignal | undefined): Attempt | AttemptRefusal | Promise<Attempt | AttemptRefusal> {
  const fleet = target.fleetBudget
  if (fleet === undefined || target.breaker.state === 'open') return admit(call, target, cancelSignal, undefined)
  const taken = fleet.take(call.estimatedTokens())
  if (!(taken instanceof Promise)) return admitWithFleetRoom(call, target, cancelSignal, taken)
  return taken.then((room) => admitWithFleetRoom(call, target, cancelSignal, room))
}

function admitWithFleetRoom(call: CallContext, target: TargetRuntime, cancelSignal: AbortSignal | undefined, room: RateLimitReservation | RateLimitRefusal | undefined): Attempt | AttemptRefusal {
  if (room !== undefined && 'noRoom' in room) return { code: 'rate_limited', reason: `rate-limit budget: ${room.noRoom}` }
  return admit(call, target, cancelSignal, room)
}

/** Starts an attempt if the target may be sent a request now, else says why not (and gives back the fleet's room). */
function admit(call: CallContext, target: TargetRuntime, cancelSignal: AbortSignal | undefined, fleetRoom: RateLimitReservation | undefined): Attempt | AttemptRefusal {
  if (call.requestsMade >= call.route.maxAttempts) {
    return refuse(fleetRoom, { code: 'all_failed', reason: `attempt budget (maxAttempts ${call.route.maxAttempts}) used` })
  }
  if (target.breaker.state === 'open') return refuse(fleetRoom, { code: 'breaker_open', reason: 'breaker open' })
  const reservation = target.budget.reserve(call.estimateTokens)
  if ('noRoom' in reservation) {
    return refuse(fleetRoom, { code: 'rate_limited', reason: `rate-limit budget: ${reservation.noRoom}`, ...(reservation.retryInMs === undefined ? {} : { retryInMs: reservation.retryInMs }) })
  }
  const now = performance.now()
  const permit = target.breaker.acquire(now)
  if (permit === undefined) {
    reservation.cancel()
    return refuse(fleetRoom, { code: 'breaker_open', reason: `breaker ${target.breaker.state}` })
  }
  return new Attempt(call, target, permit, fleetRoom === undefined ? reservation : bothReservations(reservation, fleetRoom), now, cancelSignal)
}

function refuse(fleetRoom: RateLimitReservation | undefined, refusal: AttemptRefusal): AttemptRefusal {
  fleetRoom?.cancel()
  return refusal
}

/** The client's own window and the fleet's, settled together. */
function bothReservations(local: RateLimitReservation, fleet: RateLimitReservation): RateLimitReservation {
  return {
    settle: (actualTokens) => {
      local.settle(actualTokens)
      fleet.settle(actualTokens)
    },
    cancel: () => {
      local.cancel()
      fleet.cancel()
    },
  }
}
