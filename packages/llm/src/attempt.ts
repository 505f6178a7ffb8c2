import type { CallContext } from './call-context.ts'
import { AttemptSignal } from './attempt-signal.ts'
import { isCallerErrorKind } from './error-action.ts'
import { LlmError, type AttemptRecord } from './llm-error.ts'
import type { RateLimitReservation } from './rate-limit-budget.ts'
import type { BreakerPermit } from './target-breaker.ts'
import type { TargetRuntime } from './target-runtime.ts'
import type { ProviderRequest, Usage } from './types.ts'

/**
 * One request to one target: its signal and timers, its record in `attempts[]`, and the
 * breaker permit, budget reservation and events that settle when it ends (exactly once).
 */
export class Attempt {
  readonly call: CallContext
  readonly target: TargetRuntime
  readonly record: AttemptRecord
  readonly timers: AttemptSignal
  #permit: BreakerPermit
  #reservation: RateLimitReservation
  readonly #startedAt: number
  #settled = false
  /** The provider's own request timer stands in for the deadline (see `providerRequest`). */
  #providerTimesDeadline = false

  /** `startedAt`: now, on the `performance.now()` clock (read once by the admission). */
  constructor(call: CallContext, target: TargetRuntime, permit: BreakerPermit, reservation: RateLimitReservation, startedAt: number, cancelSignal?: AbortSignal) {
    this.#startedAt = startedAt
    this.call = call
    this.target = target
    this.#permit = permit
    this.#reservation = reservation
    this.timers = new AttemptSignal(call.deadline, cancelSignal)
    call.requestsMade += 1
    target.requests += 1
    this.record = call.addRecord(target)
    if (call.observed) call.emit({ ...this.#eventBase(), type: 'attempt-start' })
  }

  get signal(): AbortSignal {
    return this.timers.signal
  }

  /**
   * What the adapter is asked: the call's request with this attempt's signal, and
   * `timeoutMs` (the remaining deadline) when nothing but the deadline can end the attempt.
   */
  providerRequest(messages: ProviderRequest['messages'] = this.call.request.messages): ProviderRequest {
    const { tools, maxOutputTokens, temperature, stopSequences } = this.call.request
    const request: ProviderRequest = { messages, signal: this.timers.signal }
    if (tools !== undefined) request.tools = tools
    if (maxOutputTokens !== undefined) request.maxOutputTokens = maxOutputTokens
    if (temperature !== undefined) request.temperature = temperature
    if (stopSequences !== undefined) request.stopSequences = stopSequences
    if (this.timers.endsOnlyAtDeadline) {
      this.#providerTimesDeadline = true
      // The request is built as the attempt starts: the remaining deadline is measured from then.
      request.timeoutMs = Math.max(1, Math.ceil(this.call.deadline.endsAtMs - this.#startedAt))
    }
    return request
  }

  get settled(): boolean {
    return this.#settled
  }

  /** Milliseconds since the attempt started (until `now`, default: now). */
  elapsedMs(now: number = performance.now()): number {
    return Math.round(now - this.#startedAt)
  }

  markFirstToken(): void {
    this.record.timeToFirstTokenMs ??= this.elapsedMs()
  }

  succeed(usage: Usage | undefined, headers: Record<string, string>): void {
    if (this.#settled) return
    this.#settled = true
    this.timers.dispose()
    this.record.outcome = 'success'
    const now = performance.now()
    this.record.latencyMs = this.elapsedMs(now)
    this.target.learn(headers)
    this.#reservation.settle(usage?.totalTokens)
    this.target.recordSuccess(this.record.timeToFirstTokenMs ?? this.record.latencyMs, now)
    this.#permit.succeed()
    if (this.call.observed) this.call.emit({ ...this.#eventBase(), type: 'attempt-end', outcome: 'success' })
  }

  /**
   * Ends the attempt with an error and returns it as an `LlmError` whose kind says what
   * really happened: the caller's abort, the deadline, our own timer, or the provider's error.
   */
  fail(error: unknown): LlmError {
    const normalized = this.#normalize(error)
    if (this.#settled) return normalized
    this.#settled = true
    this.timers.dispose()
    this.record.latencyMs = this.elapsedMs()
    this.record.outcome = this.timers.cause === 'cancelled' ? 'cancelled' : 'error'
    this.record.errorCode = normalized.code
    if (normalized.status !== undefined) this.record.status = normalized.status
    this.target.learn(normalized.headers)
    this.#reservation.settle(undefined)
    if (normalized.code === 'rate_limited' && normalized.retryAfterMs !== undefined && normalized.retryAfterMs > 0) {
      this.target.coolDown(normalized.retryAfterMs)
      if (this.call.observed) this.call.emit({ ...this.target.eventFields(), type: 'cooldown-start', errorCode: 'rate_limited', reason: `Retry-After ${normalized.retryAfterMs} ms` })
    }
    if (this.record.outcome === 'cancelled' || isCallerErrorKind(normalized.code) || normalized.code === 'deadline' || normalized.code === 'rate_limited') {
      // Not the target's fault (a rate limit says "busy", not "broken": its cooldown keeps
      // calls away instead of the breaker). A stream that already delivered tokens showed the
      // target healthy; otherwise nothing is known (a half-open probe stays half-open).
      if (normalized.code === 'rate_limited') this.target.recordFailure(normalized.code)
      if (this.record.timeToFirstTokenMs === undefined) this.#permit.release()
      else this.#permit.succeed()
    } else {
      this.target.recordFailure(normalized.code)
      this.#permit.fail()
    }
    if (this.call.observed) this.call.emit({ ...this.#eventBase(), type: 'attempt-end', outcome: this.record.outcome, errorCode: normalized.code, ...(normalized.status === undefined ? {} : { status: normalized.status }) })
    return normalized
  }

  /** Cancels a still-running attempt (a hedge that lost, a consumer that stopped reading). */
  cancel(): void {
    this.timers.abort('cancelled')
    this.fail(new LlmError('aborted', 'attempt cancelled', { target: this.target.name }))
  }

  #normalize(error: unknown): LlmError {
    const target = this.target.name
    // The provider's timer given the remaining deadline fired: that is the deadline passing
    // (it fires at, never before, the deadline; a millisecond of clock rounding is allowed).
    if (this.#providerTimesDeadline && this.timers.cause === undefined && LlmError.isInstance(error) && error.code === 'timeout' && this.call.deadline.remainingMs() < 2) {
      this.call.deadline.expire()
    }
    switch (this.timers.cause) {
      case 'aborted':
        return new LlmError('aborted', 'the caller aborted the call', { target, cause: error })
      case 'deadline':
        return new LlmError('deadline', `route "${this.call.route.name}" deadline of ${this.call.route.deadlineMs} ms passed during the attempt on "${target}"`, { target, cause: error })
      case 'timeout':
        return new LlmError('timeout', `target "${target}": ${this.timers.timeoutReason}`, { target, cause: error })
      case 'cancelled':
        return new LlmError('aborted', `attempt on "${target}" cancelled`, { target, cause: error })
      default:
        if (LlmError.isInstance(error)) return error
        return new LlmError('network', `target "${target}" failed: ${error instanceof Error ? error.message : String(error)}`, { target, cause: error })
    }
  }

  #eventBase() {
    return {
      ...this.target.eventFields(),
      attempt: this.record.attempt,
      latencyMs: this.record.latencyMs,
      ...(this.record.timeToFirstTokenMs === undefined ? {} : { timeToFirstTokenMs: this.record.timeToFirstTokenMs }),
    }
  }
}
