import pRetry, { AbortError } from 'p-retry'
import type { CallContext } from './call-context.ts'
import { describeError } from './call-context.ts'
import { sleep } from './deadline.ts'
import { actionForErrorKind } from './error-action.ts'
import { connectionFailureCode } from './connection-failure-code.ts'
import { LlmError } from './llm-error.ts'
import type { ResolvedRoute } from './route-config.ts'
import type { TargetRuntime } from './target-runtime.ts'

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
  /** The target's breaker is open now (the failure just opened it): never waited for. */
  targetOpen?: boolean
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
  const action = actionForErrorKind(error.code)
  if (action === 'fail') return { fallBackReason: `${described}; ended the call` }
  if (action !== 'retry') return { fallBackReason: `${described}; fell back` }
  const connectionCode = connectionFailureCode(error)
  if (connectionCode !== undefined) {
    return { fallBackReason: `${described} (${connectionCode}): the connection failed before the request was sent; fell back at once` }
  }
  if (state.targetOpen === true) return { fallBackReason: `${described}; the breaker opened; fell back without waiting` }
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

/** What `retrySameTarget` reports about a retry: decided (before the wait), then sent or given up. */
export interface RetryObserver {
  /** A retry was decided; it is sent after `waitMs` unless the target is skipped meanwhile. */
  onRetry(error: LlmError, waitMs: number): void
  /** No (further) retry: `reason` is what the attempt record should say. */
  onGiveUp(error: LlmError, reason: string): void
}

/**
 * Runs `operation` against one target with p-retry, retrying while `decideRetry` allows.
 * The waits are ours (Retry-After or backoff, abortable, counted against the call's wait
 * budget), so p-retry's own delay is zero. An operation throws p-retry's `AbortError` to
 * stop without retrying (e.g. the target was skipped). A target whose breaker the failure
 * opened is never waited for.
 * Rejects with the last `LlmError`.
 */
export async function retrySameTarget<T>(
  call: CallContext,
  target: TargetRuntime,
  operation: () => Promise<T>,
  signal: AbortSignal,
  observer: RetryObserver,
): Promise<T> {
  let retryNumber = 0
  return pRetry(operation, {
    retries: call.route.maxRetriesPerTarget,
    minTimeout: 0,
    maxTimeout: 0,
    randomize: false,
    onFailedAttempt: ({ error, retriesLeft }) => {
      if (retriesLeft > 0 || !LlmError.isInstance(error)) return
      const action = actionForErrorKind(error.code)
      const ending = action === 'fail' ? 'ended the call' : 'fell back'
      observer.onGiveUp(error, `${describeError(error)}${action === 'retry' ? '; retries on this target used' : ''}; ${ending}`)
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
        targetOpen: target.breaker.state === 'open',
      })
      if ('fallBackReason' in decision) {
        observer.onGiveUp(error, decision.fallBackReason)
        return false
      }
      observer.onRetry(error, decision.waitMs)
      call.waitedMs += decision.waitMs
      if (decision.waitMs > 0) await sleep(decision.waitMs, signal)
      return true
    },
  })
}

export { AbortError as StopRetrying }
