import type { Attempt } from './attempt.ts'
import type { CallContext } from './call-context.ts'
import type { FailoverResult } from './failover-result.ts'
import { finalError, recordFallback, stopsTheCall, withAttempts } from './call-outcome.ts'
import { hedge } from './hedge.ts'
import { runTarget, type TargetStart } from './run-target.ts'
import type { TargetRuntime } from './target-runtime.ts'

/**
 * Walks the call's plan of targets until one attempt succeeds: retries and skips happen
 * in `runTarget`, fail-now errors (request_invalid, aborted, deadline) stop the walk, the
 * rest fall back. With `hedgeAfterMs` the walk is concurrent (see `hedge`).
 * `discard` cleans up a value that arrived after another target already won.
 * `firstTargetStart`: how far the caller's fast path got with the first target (see `runTarget`).
 */
export async function runFailover<T>(
  call: CallContext,
  plan: TargetRuntime[],
  run: (attempt: Attempt) => Promise<T>,
  discard: (value: T, attempt: Attempt) => void,
  firstTargetStart?: TargetStart,
): Promise<FailoverResult<T>> {
  call.setPlan(plan)
  if (call.route.hedgeAfterMs !== undefined && plan.length > 1) {
    return hedge(call, plan, run, discard, call.route.hedgeAfterMs)
  }
  for (let index = 0; index < plan.length; index += 1) {
    const target = plan[index] as TargetRuntime
    const start = index === 0 ? firstTargetStart : undefined
    if (start === undefined && call.requestsMade >= call.route.maxAttempts) break
    const outcome = await runTarget(call, target, run, undefined, start)
    if (outcome.ok) return outcome
    if (stopsTheCall(outcome.error)) throw withAttempts(call, outcome.error)
    recordFallback(call, target, plan[index + 1], outcome.error)
  }
  throw finalError(call)
}
