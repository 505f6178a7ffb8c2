import pRetry, { AbortError } from 'p-retry'
import type { CallContext } from './call-context.ts'
import { describeError } from './call-context.ts'
import { sleep } from './deadline.ts'
import { actionForErrorKind } from './error-action.ts'
import { LlmError } from './llm-error.ts'
import type { ResolvedRoute } from './route-config.ts'

/** What to do after a retryable failure: wait and retry the same target, or fall back now (and why). */
export type RetryDecision = { waitMs: number } | { fallBackReason: string }

export interface RetryBudgetState {
  route: ResolvedRoute
  remainingDeadlineMs: number
  waitedMs: number
  requestsMade: number
  /** Targets of the call not tried yet that could take a request; each keeps one attempt of the budget. */
  untriedTargets: number
  /** 1-based number of the retry being considered on this target. */
  retryNumber: number
  random?: () => number
}

/**
 * Decides whether a failed attempt is retried on the same target. Honours the error's
 * `retryAfterMs` (from retry-after-ms / x-ms-retry-after-ms / retry-after), else
 * exponential backoff with jitter; a wait that does not fit the remaining deadline, the
 * call's wait budget or its attempt budget means "fall back now". A retry never takes an
 * attempt that a target not tried yet would need (breadth first when the budget is tight).
 */
export function decideRetry(error: LlmError, state: RetryBudgetState): RetryDecision {
  const described = describeError(error)
  if (actionForErrorKind(error.code) !== 'retry') return { fallBackReason: `${described}; fell back` }
  if (state.requestsMade >= state.route.maxAttempts) {
    return { fallBackReason: `${described}; attempt budget (maxAttempts ${state.route.maxAttempts}) used` }
  }
  if (state.requestsMade + state.untriedTargets >= state.route.maxAttempts) {
    return { fallBackReason: `${described}; the rest of the attempt budget (maxAttempts ${state.route.maxAttempts}) is kept for the ${state.untriedTargets} target(s) not tried yet; fell back` }
  }
  const waitMs = error.retryAfterMs ?? backoffMs(state.retryNumber, state.route, state.random)
  if (waitMs >= state.remainingDeadlineMs) {
    return { fallBackReason: `${described}; wait of ${waitMs} ms exceeds the remaining deadline (${Math.round(state.remainingDeadlineMs)} ms); fell back` }
  }
  if (state.waitedMs + waitMs > state.route.maxTotalWaitMs) {
    return { fallBackReason: `${described}; wait of ${waitMs} ms exceeds the wait budget (maxTotalWaitMs ${state.route.maxTotalWaitMs}, ${state.waitedMs} ms used); fell back` }
  }
  return { waitMs }
}

/** Exponential backoff with equal jitter: half the step fixed, half random. */
export function backoffMs(retryNumber: number, route: Pick<ResolvedRoute, 'initialBackoffMs' | 'maxBackoffMs'>, random: () => number = Math.random): number {
  const step = Math.min(route.maxBackoffMs, route.initialBackoffMs * 2 ** (retryNumber - 1))
  return Math.round(step / 2 + (random() * step) / 2)
}

/**
 * Runs `operation` against one target with p-retry, retrying while `decideRetry` allows.
 * The waits are ours (Retry-After or backoff, abortable, counted against the call's wait
 * budget), so p-retry's own delay is zero. An operation throws p-retry's `AbortError` to
 * stop without retrying (e.g. the target was skipped).
 * Rejects with the last `LlmError`; `onGiveUp` receives the reason for the record.
 */
export async function retrySameTarget<T>(
  call: CallContext,
  operation: () => Promise<T>,
  signal: AbortSignal,
  onRetry: (error: LlmError, waitMs: number) => void,
  onGiveUp: (error: LlmError, reason: string) => void,
): Promise<T> {
  let retryNumber = 0
  return pRetry(operation, {
    retries: call.route.maxRetriesPerTarget,
    minTimeout: 0,
    maxTimeout: 0,
    randomize: false,
    onFailedAttempt: ({ error, retriesLeft }) => {
      if (retriesLeft > 0 || !LlmError.isInstance(error)) return
      const retryable = actionForErrorKind(error.code) === 'retry'
      onGiveUp(error, `${describeError(error)}${retryable ? '; retries on this target used' : ''}; fell back`)
    },
    shouldRetry: async ({ error }) => {
      if (!LlmError.isInstance(error)) return false
      retryNumber += 1
      const decision = decideRetry(error, {
        route: call.route,
        remainingDeadlineMs: call.deadline.remainingMs(),
        waitedMs: call.waitedMs,
        requestsMade: call.requestsMade,
        untriedTargets: call.untriedTargets(),
        retryNumber,
      })
      if ('fallBackReason' in decision) {
        onGiveUp(error, decision.fallBackReason)
        return false
      }
      onRetry(error, decision.waitMs)
      call.waitedMs += decision.waitMs
      await sleep(decision.waitMs, signal)
      return true
    },
  })
}

export { AbortError as StopRetrying }
