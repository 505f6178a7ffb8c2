import { describeError, type CallContext } from './call-context.ts'
import { actionForErrorKind } from './error-action.ts'
import { LlmError } from './llm-error.ts'
import type { TargetRuntime } from './target-runtime.ts'

/** Errors after which no other target is tried. */
export function stopsTheCall(error: LlmError): boolean {
  return actionForErrorKind(error.code) === 'fail' && error.code !== 'all_failed'
}

/** Completes the last record's reason and emits `fallback`. */
export function recordFallback(call: CallContext, from: TargetRuntime, to: TargetRuntime | undefined, error: LlmError, reason?: string): void {
  const last = [...call.attempts].reverse().find((record) => record.target === from.name)
  const why = reason ?? last?.reason ?? `${describeError(error)}; fell back`
  if (last !== undefined && last.reason === undefined) last.reason = why
  call.emit({
    ...from.eventFields(),
    type: 'fallback',
    errorCode: error.code,
    reason: why,
    ...(to === undefined ? {} : { nextTarget: to.name }),
  })
}

/** Attaches the call's attempts to an error that ends the call. */
export function withAttempts(call: CallContext, error: LlmError): LlmError {
  error.attempts = [...call.attempts]
  return error
}

/** The error for a call no target could serve: aborted, deadline, breaker_open (all open) or all_failed. */
export function finalError(call: CallContext): LlmError {
  const aborted = call.abortError()
  if (aborted !== undefined) return withAttempts(call, aborted)
  const attempts = [...call.attempts]
  const summary = attempts.map((record) => `${record.target} (${record.errorCode ?? record.outcome}${record.status === undefined ? '' : ` ${record.status}`})`).join(', ')
  if (attempts.length > 0 && attempts.every((record) => record.errorCode === 'breaker_open')) {
    return new LlmError('breaker_open', `route "${call.route.name}": every target's breaker is open (${summary}); failing fast`, { attempts })
  }
  const budget = call.requestsMade >= call.route.maxAttempts ? `; attempt budget (maxAttempts ${call.route.maxAttempts}) used` : ''
  const last = attempts.at(-1)
  return new LlmError('all_failed', `route "${call.route.name}": every target failed: ${summary || 'no target tried'}${budget}`, {
    attempts,
    ...(last?.status === undefined ? {} : { status: last.status }),
  })
}
