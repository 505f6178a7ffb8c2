import type { CallDeadline } from './deadline.ts'
import { emitEvent, type LlmEvent, type LlmEventListener } from './emit-event.ts'
import { LlmError, type AttemptRecord, type LlmErrorCode } from './llm-error.ts'
import { estimateTokens } from './rate-limit-budget.ts'
import type { ResolvedRoute } from './route-config.ts'
import type { TargetRuntime } from './target-runtime.ts'
import type { ProviderRequest } from './types.ts'

/** The state of one `chat` or `stream` call, shared by every attempt it makes. */
export class CallContext {
  readonly route: ResolvedRoute
  readonly deadline: CallDeadline
  readonly request: Omit<ProviderRequest, 'signal'>
  readonly attempts: AttemptRecord[] = []
  /** Requests sent so far (counts against `maxAttempts`). */
  requestsMade = 0
  /** Time spent waiting between retries (counts against `maxTotalWaitMs`). */
  waitedMs = 0
  readonly #onEvent: LlmEventListener | undefined
  #plan: readonly TargetRuntime[] = []
  /** Targets tried so far (a plan holds a few targets: a list is cheaper than a set). */
  readonly #tried: TargetRuntime[] = []
  #estimatedTokens: number | undefined

  constructor(route: ResolvedRoute, deadline: CallDeadline, request: Omit<ProviderRequest, 'signal'>, onEvent: LlmEventListener | undefined) {
    this.route = route
    this.deadline = deadline
    this.request = request
    this.#onEvent = onEvent
  }

  /** The targets the call may still walk (set by the failover loop). */
  setPlan(plan: readonly TargetRuntime[]): void {
    this.#plan = plan
  }

  /** The request's token estimate for rate-limit budgets, computed once per call. */
  estimatedTokens(): number {
    this.#estimatedTokens ??= estimateTokens(
      this.request.messages.map((message) => message.content),
      this.request.maxOutputTokens,
    )
    return this.#estimatedTokens
  }

  /** `estimatedTokens` as a function value (asked only by a budget that counts tokens). */
  readonly estimateTokens = (): number => this.estimatedTokens()

  markTried(target: TargetRuntime): void {
    if (!this.#tried.includes(target)) this.#tried.push(target)
  }

  /** Targets of the plan not tried yet whose breaker is not open: retries keep attempts for them. */
  untriedTargets(): number {
    return this.#plan.filter((target) => !this.#tried.includes(target) && target.breaker.state !== 'open').length
  }

  /** Whether anyone listens: callers skip building events when not. */
  get observed(): boolean {
    return this.#onEvent !== undefined
  }

  emit(event: Omit<LlmEvent, 'timeMs' | 'route'>): void {
    if (this.#onEvent === undefined) return
    emitEvent(this.#onEvent, { route: this.route.name, ...event })
  }

  /** Appends the next record of `attempts[]` for `target` (outcome `error` until the attempt says otherwise). */
  addRecord(target: TargetRuntime, outcome: AttemptRecord['outcome'] = 'error'): AttemptRecord {
    const record: AttemptRecord = {
      target: target.name,
      provider: target.adapter.provider,
      model: target.adapter.model,
      attempt: this.attempts.length + 1,
      startedAtMs: Date.now(),
      latencyMs: 0,
      outcome,
    }
    this.attempts.push(record)
    return record
  }

  /** Records a target passed over without a request (breaker open, no budget). */
  recordSkip(target: TargetRuntime, kind: LlmErrorCode, reason: string): AttemptRecord {
    target.skipped += 1
    const record = this.addRecord(target, 'skipped')
    record.errorCode = kind
    record.reason = reason
    this.emit({
      ...target.eventFields(),
      type: kind === 'rate_limited' ? 'rate-limited' : 'attempt-end',
      attempt: record.attempt,
      latencyMs: 0,
      outcome: 'skipped',
      errorCode: kind,
      reason,
    })
    return record
  }

  /** The error for a call the caller aborted or whose deadline passed, if either happened. */
  abortError(): LlmError | undefined {
    const cause = this.deadline.cause()
    if (cause === undefined) return undefined
    return cause === 'aborted'
      ? new LlmError('aborted', 'the caller aborted the call', { attempts: this.attempts })
      : new LlmError('deadline', `route "${this.route.name}" deadline of ${this.route.deadlineMs} ms passed`, { attempts: this.attempts })
  }
}

/** Short description of an error for attempt reasons: "server 503", "timeout (no first token within 3000 ms)". */
export function describeError(error: LlmError): string {
  return `${error.code}${error.status === undefined ? '' : ` ${error.status}`}`
}
