import { describeError } from './call-context.ts'
import { actionForErrorKind } from './error-action.ts'
import { connectionFailureCode } from './connection-failure-code.ts'
import type { LlmError } from './llm-error.ts'
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
