import type { Attempt } from './attempt.ts'
import type { CallContext } from './call-context.ts'
import type { LlmError } from './llm-error.ts'
import { finalError, recordFallback, stopsTheCall, withAttempts } from './call-outcome.ts'
import type { FailoverResult } from './failover-result.ts'
import { runTarget } from './run-target.ts'
import type { TargetRuntime } from './target-runtime.ts'

/**
 * Hedged failover: starts the first target; whenever `hedgeAfterMs` pass without a
 * result (a first token for streams, an answer for chat) it also starts the next one.
 * The first success wins and every other running attempt is aborted, which closes its
 * socket. A failure starts the next target at once; a fail-now error ends the call.
 */
export function hedge<T>(
  call: CallContext,
  plan: TargetRuntime[],
  run: (attempt: Attempt) => Promise<T>,
  discard: (value: T, attempt: Attempt) => void,
  hedgeAfterMs: number,
): Promise<FailoverResult<T>> {
  return new Promise((resolve, reject) => {
    let next = 0
    let settled = false
    let timer: NodeJS.Timeout | undefined
    const running = new Map<number, AbortController>()

    const finish = (settle: () => void) => {
      settled = true
      clearTimeout(timer)
      for (const controller of running.values()) controller.abort()
      running.clear()
      settle()
    }

    const launch = (hedgeReason?: string) => {
      if (settled) return
      clearTimeout(timer)
      if (next >= plan.length || call.requestsMade >= call.route.maxAttempts) {
        if (running.size === 0) finish(() => reject(finalError(call)))
        return
      }
      const index = next
      next += 1
      const target = plan[index] as TargetRuntime
      if (hedgeReason !== undefined && index > 0) {
        call.emit({ ...(plan[index - 1] as TargetRuntime).eventFields(), type: 'fallback', nextTarget: target.name, reason: hedgeReason })
      }
      const controller = new AbortController()
      running.set(index, controller)
      void runTarget(call, target, run, controller.signal).then((outcome) => {
        running.delete(index)
        if (outcome.ok) {
          if (settled) discard(outcome.value, outcome.attempt)
          else finish(() => resolve(outcome))
          return
        }
        if (settled) return
        if (stopsTheCall(outcome.error)) {
          finish(() => reject(withAttempts(call, outcome.error as LlmError)))
          return
        }
        recordFallback(call, target, plan[next], outcome.error)
        launch()
      })
      if (next < plan.length) {
        timer = setTimeout(() => launch(`hedge: no result from "${target.name}" after ${hedgeAfterMs} ms; started the next target`), hedgeAfterMs)
        timer.unref()
      }
    }

    launch()
  })
}
