import { Attempt } from './attempt.ts'
import { describeError, type CallContext } from './call-context.ts'
import { LlmError } from './llm-error.ts'
import { retrySameTarget, StopRetrying } from './retry-policy.ts'
import type { TargetRuntime } from './target-runtime.ts'

export type TargetOutcome<T> = { ok: true; value: T; attempt: Attempt } | { ok: false; error: LlmError }

/**
 * Tries one target: skips it without a request when its breaker is open or its
 * rate-limit budget is used up, otherwise sends attempts (retrying the same target as
 * the retry policy allows). Never throws: failures come back as `{ ok: false }`.
 */
export async function runTarget<T>(
  call: CallContext,
  target: TargetRuntime,
  run: (attempt: Attempt) => Promise<T>,
  cancelSignal?: AbortSignal,
): Promise<TargetOutcome<T>> {
  let lastAttempt: Attempt | undefined
  call.markTried(target)
  const signal = cancelSignal === undefined ? call.deadline.signal : AbortSignal.any([call.deadline.signal, cancelSignal])
  try {
    const { value, attempt } = await retrySameTarget(
      call,
      async () => {
        const admitted = admit(call, target, cancelSignal)
        if (admitted instanceof LlmError) throw new StopRetrying(admitted)
        lastAttempt = admitted
        try {
          return { value: await run(admitted), attempt: admitted }
        } catch (error) {
          throw admitted.fail(error)
        }
      },
      signal,
      (error, waitMs) => {
        if (lastAttempt !== undefined) lastAttempt.record.reason = `${describeError(error)}; retried same target after ${waitMs} ms`
      },
      (_error, reason) => {
        if (lastAttempt !== undefined) lastAttempt.record.reason = reason
      },
    )
    return { ok: true, value, attempt }
  } catch (error) {
    const aborted = call.abortError()
    if (aborted !== undefined) return { ok: false, error: aborted }
    if (cancelSignal?.aborted) return { ok: false, error: new LlmError('aborted', 'cancelled', { target: target.name }) }
    return { ok: false, error: LlmError.isInstance(error) ? error : new LlmError('network', String(error), { target: target.name, cause: error }) }
  }
}

/** Starts an attempt if the target may be sent a request now, else records the skip and returns why. */
function admit(call: CallContext, target: TargetRuntime, cancelSignal: AbortSignal | undefined): Attempt | LlmError {
  if (call.requestsMade >= call.route.maxAttempts) {
    return new LlmError('all_failed', `attempt budget (maxAttempts ${call.route.maxAttempts}) used`, { target: target.name })
  }
  const reservation = target.breaker.state === 'open' ? undefined : target.budget.reserve(call.estimatedTokens())
  if (reservation !== undefined && 'noRoom' in reservation) {
    const reason = `rate-limit budget: ${reservation.noRoom}; skipped without a request`
    call.recordSkip(target, 'rate_limited', reason)
    return new LlmError('rate_limited', `target "${target.name}": ${reason}`, { target: target.name })
  }
  const permit = reservation === undefined ? undefined : target.breaker.acquire()
  if (reservation === undefined || permit === undefined) {
    reservation?.cancel()
    const reason = `breaker ${target.breaker.state}; skipped without a request`
    call.recordSkip(target, 'breaker_open', reason)
    return new LlmError('breaker_open', `target "${target.name}": ${reason}`, { target: target.name })
  }
  return new Attempt(call, target, permit, reservation, cancelSignal)
}
