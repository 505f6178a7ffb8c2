import { admitAttempt, type AttemptRefusal } from './admit-attempt.ts'
import { Attempt } from './attempt.ts'
import { describeError, type CallContext } from './call-context.ts'
import { sleep } from './deadline.ts'
import { actionForErrorKind } from './error-action.ts'
import { LlmError } from './llm-error.ts'
import { decideRetry } from './retry-policy.ts'
import type { TargetRuntime } from './target-runtime.ts'

export type TargetOutcome<T> = { ok: true; value: T; attempt: Attempt } | { ok: false; error: LlmError }

/**
 * Where `runTarget` starts when a fast path already began on the target: its first
 * admission (an attempt, a refusal, or the pending fleet lease), or its first attempt,
 * which was sent and threw `thrown`.
 */
export type TargetStart = { admitted: ReturnType<typeof admitAttempt> } | { failed: { attempt: Attempt; thrown: unknown } }

/**
 * Tries one target: skips it without a request when its breaker is open or it has no
 * rate-limit room, otherwise sends attempts, retrying the same target while `decideRetry`
 * allows (the waits are Retry-After or backoff, abortable, counted against the call's wait
 * budget). A target without rate-limit room that is the call's last candidate is waited
 * for when its room returns within the deadline and the wait budget (a rate limit means
 * "slow down or go elsewhere", never "refuse the caller"). Never throws: failures come back
 * as `{ ok: false }`.
 *
 * The first attempt on a healthy target makes no wait and no extra promise: it is admitted
 * synchronously and its request goes out in the caller's own tick.
 */
export async function runTarget<T>(
  call: CallContext,
  target: TargetRuntime,
  run: (attempt: Attempt) => Promise<T>,
  cancelSignal?: AbortSignal,
  start?: TargetStart,
): Promise<TargetOutcome<T>> {
  let lastAttempt: Attempt | undefined
  /** A retry decided after `lastAttempt` failed; its record says "retried" only once the retry is sent. */
  let pendingRetry: { described: string; waitMs: number } | undefined
  let retriesUsed = 0
  let firstAdmission = start !== undefined && 'admitted' in start ? start.admitted : undefined
  let firstFailure = start !== undefined && 'failed' in start ? start.failed : undefined
  call.markTried(target)
  try {
    for (;;) {
      let admitted: Attempt
      let error: LlmError
      if (firstFailure !== undefined) {
        admitted = lastAttempt = firstFailure.attempt
        error = admitted.fail(firstFailure.thrown)
        firstFailure = undefined
      } else {
        if (lastAttempt !== undefined && endedFromOutside(call, cancelSignal)) return ended(call, target, cancelSignal, lastAttempt, pendingRetry, undefined)
        let admission = firstAdmission ?? admitAttempt(call, target, cancelSignal)
        firstAdmission = undefined
        if (admission instanceof Promise) admission = await admission
        if (!(admission instanceof Attempt) && lastAttempt === undefined && waitFits(call, admission.retryInMs)) {
          call.waitedMs += admission.retryInMs as number
          await sleep(admission.retryInMs as number, waitSignal(call, cancelSignal))
          admission = admitAttempt(call, target, cancelSignal)
          if (admission instanceof Promise) admission = await admission
        }
        if (!(admission instanceof Attempt)) {
          if (lastAttempt !== undefined && pendingRetry !== undefined) lastAttempt.record.reason = `${pendingRetry.described}; not retried (${admission.reason})`
          return ended(call, target, cancelSignal, undefined, undefined, skip(call, target, admission))
        }
        if (lastAttempt !== undefined && pendingRetry !== undefined) lastAttempt.record.reason = `${pendingRetry.described}; retried same target after ${pendingRetry.waitMs} ms`
        pendingRetry = undefined
        admitted = lastAttempt = admission
        try {
          return { ok: true, value: await run(admitted), attempt: admitted }
        } catch (thrown) {
          error = admitted.fail(thrown)
        }
      }
      // A failure while the call was ending is the call's end, not a reason to retry.
      if (endedFromOutside(call, cancelSignal)) return ended(call, target, cancelSignal, undefined, undefined, error)
      if (retriesUsed >= call.route.maxRetriesPerTarget) {
        const action = actionForErrorKind(error.code)
        admitted.record.reason = `${describeError(error)}${action === 'retry' ? '; retries on this target used' : ''}; ${action === 'fail' ? 'ended the call' : 'fell back'}`
        return ended(call, target, cancelSignal, undefined, undefined, error)
      }
      retriesUsed += 1
      const decision = decideRetry(error, {
        route: call.route,
        remainingDeadlineMs: call.deadline.remainingMs(),
        waitedMs: call.waitedMs,
        requestsMade: call.requestsMade,
        untriedTargets: call.untriedTargets(),
        retryNumber: retriesUsed,
        targetOpen: target.breaker.state === 'open',
      })
      if ('fallBackReason' in decision) {
        admitted.record.reason = decision.fallBackReason
        return ended(call, target, cancelSignal, undefined, undefined, error)
      }
      pendingRetry = { described: describeError(error), waitMs: decision.waitMs }
      call.waitedMs += decision.waitMs
      if (decision.waitMs > 0) await sleep(decision.waitMs, waitSignal(call, cancelSignal))
    }
  } catch (error) {
    return ended(call, target, cancelSignal, lastAttempt, pendingRetry, error)
  }
}

/** The caller aborted, the deadline passed, or (hedging) another target won. */
function endedFromOutside(call: CallContext, cancelSignal: AbortSignal | undefined): boolean {
  return call.deadline.cause() !== undefined || cancelSignal?.aborted === true
}

/** What waits on this target listen to: the call, and the hedge's cancel signal when there is one. */
function waitSignal(call: CallContext, cancelSignal: AbortSignal | undefined): AbortSignal {
  return cancelSignal === undefined ? call.deadline.signal : AbortSignal.any([call.deadline.signal, cancelSignal])
}

/** Records a refused target as skipped (unless the call's attempt budget refused it) and returns the error. */
function skip(call: CallContext, target: TargetRuntime, refusal: AttemptRefusal): LlmError {
  if (refusal.code !== 'all_failed') call.recordSkip(target, refusal.code, `${refusal.reason}; skipped without a request`)
  return new LlmError(refusal.code, `target "${target.name}": ${refusal.reason}`, { target: target.name })
}

/**
 * The failed outcome of a target: the call's own end (abort, deadline) or the hedge's cancel
 * wins over the target's error. A retry that was waiting when the call ended says so.
 */
function ended<T>(
  call: CallContext,
  target: TargetRuntime,
  cancelSignal: AbortSignal | undefined,
  lastAttempt: Attempt | undefined,
  pendingRetry: { described: string; waitMs: number } | undefined,
  error: unknown,
): TargetOutcome<T> {
  if (lastAttempt !== undefined && pendingRetry !== undefined) {
    lastAttempt.record.reason = `${pendingRetry.described}; the call ended during the ${pendingRetry.waitMs} ms wait before a retry`
  }
  const aborted = call.abortError()
  if (aborted !== undefined) return { ok: false, error: aborted }
  if (cancelSignal?.aborted) return { ok: false, error: new LlmError('aborted', 'cancelled', { target: target.name }) }
  return { ok: false, error: LlmError.isInstance(error) ? error : new LlmError('network', String(error), { target: target.name, cause: error }) }
}

/** Whether waiting `retryInMs` for a target's room is worth it: it is the call's last candidate and the wait fits. */
function waitFits(call: CallContext, retryInMs: number | undefined): boolean {
  if (retryInMs === undefined || call.untriedTargets() > 0) return false
  return retryInMs < call.deadline.remainingMs() && call.waitedMs + retryInMs <= call.route.maxTotalWaitMs
}
