import { Attempt } from './attempt.ts'
import { describeError, type CallContext } from './call-context.ts'
import { sleep } from './deadline.ts'
import { LlmError, type LlmErrorCode } from './llm-error.ts'
import type { RateLimitRefusal, RateLimitReservation } from './rate-limit-budget.ts'
import { retrySameTarget, StopRetrying } from './retry-policy.ts'
import type { TargetRuntime } from './target-runtime.ts'

export type TargetOutcome<T> = { ok: true; value: T; attempt: Attempt } | { ok: false; error: LlmError }

/** Why a target may not be sent a request now; `retryInMs`: when it may (a cooldown, a learned reset). */
interface Refusal {
  code: Extract<LlmErrorCode, 'rate_limited' | 'breaker_open' | 'all_failed'>
  reason: string
  retryInMs?: number
}

/**
 * Tries one target: skips it without a request when its breaker is open or it has no
 * rate-limit room, otherwise sends attempts (retrying the same target as the retry policy
 * allows). A target without rate-limit room that is the call's last candidate is waited
 * for when its room returns within the deadline and the wait budget (a rate limit means
 * "slow down or go elsewhere", never "refuse the caller"). Never throws: failures come back
 * as `{ ok: false }`.
 */
export async function runTarget<T>(
  call: CallContext,
  target: TargetRuntime,
  run: (attempt: Attempt) => Promise<T>,
  cancelSignal?: AbortSignal,
): Promise<TargetOutcome<T>> {
  let lastAttempt: Attempt | undefined
  /** A retry decided after `lastAttempt` failed; its record says "retried" only once the retry is sent. */
  let pendingRetry: { described: string; waitMs: number } | undefined
  call.markTried(target)
  const signal = cancelSignal === undefined ? call.deadline.signal : AbortSignal.any([call.deadline.signal, cancelSignal])
  try {
    const { value, attempt } = await retrySameTarget(
      call,
      target,
      async () => {
        // No await unless the fleet's lease must be refilled: the request goes out in the caller's own tick.
        let admitted = admitWithFleet(call, target, cancelSignal)
        if (admitted instanceof Promise) admitted = await admitted
        if (!(admitted instanceof Attempt) && lastAttempt === undefined && waitFits(call, admitted.retryInMs)) {
          call.waitedMs += admitted.retryInMs as number
          await sleep(admitted.retryInMs as number, signal)
          admitted = admitWithFleet(call, target, cancelSignal)
          if (admitted instanceof Promise) admitted = await admitted
        }
        if (!(admitted instanceof Attempt)) {
          if (lastAttempt !== undefined && pendingRetry !== undefined) lastAttempt.record.reason = `${pendingRetry.described}; not retried (${admitted.reason})`
          pendingRetry = undefined
          if (admitted.code !== 'all_failed') call.recordSkip(target, admitted.code, `${admitted.reason}; skipped without a request`)
          throw new StopRetrying(new LlmError(admitted.code, `target "${target.name}": ${admitted.reason}`, { target: target.name }))
        }
        if (lastAttempt !== undefined && pendingRetry !== undefined) lastAttempt.record.reason = `${pendingRetry.described}; retried same target after ${pendingRetry.waitMs} ms`
        pendingRetry = undefined
        lastAttempt = admitted
        try {
          return { value: await run(admitted), attempt: admitted }
        } catch (error) {
          throw admitted.fail(error)
        }
      },
      signal,
      {
        onRetry: (error, waitMs) => {
          pendingRetry = { described: describeError(error), waitMs }
        },
        onGiveUp: (_error, reason) => {
          if (lastAttempt !== undefined) lastAttempt.record.reason = reason
        },
      },
    )
    return { ok: true, value, attempt }
  } catch (error) {
    if (lastAttempt !== undefined && pendingRetry !== undefined) {
      lastAttempt.record.reason = `${pendingRetry.described}; the call ended during the ${pendingRetry.waitMs} ms wait before a retry`
    }
    const aborted = call.abortError()
    if (aborted !== undefined) return { ok: false, error: aborted }
    if (cancelSignal?.aborted) return { ok: false, error: new LlmError('aborted', 'cancelled', { target: target.name }) }
    return { ok: false, error: LlmError.isInstance(error) ? error : new LlmError('network', String(error), { target: target.name, cause: error }) }
  }
}

/** Whether waiting `retryInMs` for a target's room is worth it: it is the call's last candidate and the wait fits. */
function waitFits(call: CallContext, retryInMs: number | undefined): boolean {
  if (retryInMs === undefined || call.untriedTargets() > 0) return false
  return retryInMs < call.deadline.remainingMs() && call.waitedMs + retryInMs <= call.route.maxTotalWaitMs
}

/**
 * `admit`, with room from the fleet's shared rate-limit window first when the client shares
 * state: spent from a local lease (no round trip) or, when the lease is used up, leased anew.
 */
function admitWithFleet(call: CallContext, target: TargetRuntime, cancelSignal: AbortSignal | undefined): Attempt | Refusal | Promise<Attempt | Refusal> {
  const fleet = target.fleetBudget
  if (fleet === undefined || target.breaker.state === 'open') return admit(call, target, cancelSignal, undefined)
  const taken = fleet.take(call.estimatedTokens())
  if (!(taken instanceof Promise)) return admitWithFleetRoom(call, target, cancelSignal, taken)
  return taken.then((room) => admitWithFleetRoom(call, target, cancelSignal, room))
}

function admitWithFleetRoom(call: CallContext, target: TargetRuntime, cancelSignal: AbortSignal | undefined, room: RateLimitReservation | RateLimitRefusal | undefined): Attempt | Refusal {
  if (room !== undefined && 'noRoom' in room) return { code: 'rate_limited', reason: `rate-limit budget: ${room.noRoom}` }
  return admit(call, target, cancelSignal, room)
}

/** Starts an attempt if the target may be sent a request now, else says why not (and gives back the fleet's room). */
function admit(call: CallContext, target: TargetRuntime, cancelSignal: AbortSignal | undefined, fleetRoom: RateLimitReservation | undefined): Attempt | Refusal {
  const refuse = (refusal: Refusal): Refusal => {
    fleetRoom?.cancel()
    return refusal
  }
  if (call.requestsMade >= call.route.maxAttempts) {
    return refuse({ code: 'all_failed', reason: `attempt budget (maxAttempts ${call.route.maxAttempts}) used` })
  }
  if (target.breaker.state === 'open') return refuse({ code: 'breaker_open', reason: 'breaker open' })
  const reservation = target.budget.reserve(call.estimatedTokens())
  if ('noRoom' in reservation) {
    return refuse({ code: 'rate_limited', reason: `rate-limit budget: ${reservation.noRoom}`, ...(reservation.retryInMs === undefined ? {} : { retryInMs: reservation.retryInMs }) })
  }
  const permit = target.breaker.acquire()
  if (permit === undefined) {
    reservation.cancel()
    return refuse({ code: 'breaker_open', reason: `breaker ${target.breaker.state}` })
  }
  return new Attempt(call, target, permit, fleetRoom === undefined ? reservation : bothReservations(reservation, fleetRoom), cancelSignal)
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
