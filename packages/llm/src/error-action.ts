import type { LlmErrorCode } from './llm-error.ts'

/** What the router does after an attempt failed with an error of this kind. */
export type ErrorAction = 'retry' | 'fallback' | 'fail'

const actions: Record<LlmErrorCode, ErrorAction> = {
  rate_limited: 'retry',
  timeout: 'fallback',
  server: 'retry',
  network: 'retry',
  auth: 'fallback',
  content_filter: 'fallback',
  context_length: 'fallback',
  request_invalid: 'fail',
  aborted: 'fail',
  breaker_open: 'fallback',
  deadline: 'fail',
  all_failed: 'fail',
}

/**
 * The policy table of llm-error.ts as code: `retry` = retry the same target while its
 * wait fits the budgets, then fall back; `fallback` = next target; `fail` = stop the call.
 */
export function actionForErrorKind(kind: LlmErrorCode): ErrorAction {
  return actions[kind]
}

/** Errors caused by the caller or its request: they never count against a target's health. */
export function isCallerErrorKind(kind: LlmErrorCode): boolean {
  return kind === 'request_invalid' || kind === 'aborted'
}
