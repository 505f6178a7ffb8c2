import { followAbort } from './follow-abort.ts'
import { LlmError } from './llm-error.ts'

/** The whole call's time budget, combined with the caller's signal. */
export interface CallDeadline {
  /** Aborts when the caller aborts or the deadline passes. */
  readonly signal: AbortSignal
  /** Milliseconds left before the deadline (never negative). */
  remainingMs(): number
  /** Why `signal` fired, once it has. */
  cause(): 'aborted' | 'deadline' | undefined
  dispose(): void
}

/**
 * Starts the route's total deadline. The caller's `signal` and the deadline abort the
 * same combined signal; `cause()` says which came first.
 */
export function createCallDeadline(deadlineMs: number, callerSignal: AbortSignal | undefined): CallDeadline {
  const controller = new AbortController()
  const endsAt = performance.now() + deadlineMs
  let cause: 'aborted' | 'deadline' | undefined
  const abort = (why: 'aborted' | 'deadline') => {
    if (cause !== undefined) return
    cause = why
    controller.abort(why === 'aborted' ? callerSignal?.reason : new LlmError('deadline', `deadline of ${deadlineMs} ms passed`))
  }
  const timer = setTimeout(() => abort('deadline'), deadlineMs)
  timer.unref()
  const detach = callerSignal === undefined ? undefined : followAbort(callerSignal, () => abort('aborted'))
  return {
    signal: controller.signal,
    remainingMs: () => Math.max(0, endsAt - performance.now()),
    cause: () => cause,
    dispose: () => {
      clearTimeout(timer)
      detach?.()
    },
  }
}

/** Waits `ms`, rejecting with the signal's reason if it fires first. The timer and the listener are removed either way. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      detach()
      resolve()
    }, ms)
    const detach = followAbort(signal, () => {
      clearTimeout(timer)
      reject(signal.reason as Error)
    })
  })
}
