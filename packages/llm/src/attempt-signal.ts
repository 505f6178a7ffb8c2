import type { CallDeadline, CallEndCause, CallEndFollower } from './deadline.ts'
import { followAbort } from './follow-abort.ts'
import { LlmError } from './llm-error.ts'

/** Why an attempt's signal fired. */
export type AbortCause = 'aborted' | 'deadline' | 'timeout' | 'cancelled'

/**
 * One attempt's signal: fires on the call's signal, on a cancel signal (a hedge that
 * lost), or on the attempt's one timer (first token, between chunks, whole attempt).
 * Built for the per-chunk path: re-arming with the same duration refreshes the timer in
 * place, and `race` needs no event listener.
 */
export class AttemptSignal implements CallEndFollower {
  /** Made on first use of `signal` (an adapter given `timeoutMs` may never ask for it). */
  #controller: AbortController | undefined
  readonly #call: CallDeadline
  #cause: AbortCause | undefined
  /** Why the signal fired (its `reason`), once it has. */
  #reason: LlmError | undefined
  #timeoutReason = ''
  #timer: NodeJS.Timeout | undefined
  #timerMs = 0
  #detachCancel: (() => void) | undefined
  /** Rejects the pending `race`, if any. */
  #rejectRace: ((reason: Error) => void) | undefined

  constructor(call: CallDeadline, cancelSignal?: AbortSignal) {
    this.#call = call
    call.follow(this)
    if (cancelSignal !== undefined) this.#detachCancel = followAbort(cancelSignal, () => this.abort('cancelled'))
  }

  /** Aborts with the attempt when it fires (for whatever reason). */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController()
      if (this.#reason !== undefined) this.#controller.abort(this.#reason)
    }
    return this.#controller.signal
  }

  /** The call's caller aborted or its deadline passed. */
  callEnded(cause: CallEndCause): void {
    this.abort(cause)
  }

  /** Whether the signal can fire only when the call's deadline passes (no caller signal, no cancel signal, no timer armed). */
  get endsOnlyAtDeadline(): boolean {
    return this.#detachCancel === undefined && this.#timer === undefined && !this.#call.followsCaller
  }

  /** Why the signal fired, if it did. */
  get cause(): AbortCause | undefined {
    return this.#cause
  }

  /** What the timer that fired was waiting for (for error messages). */
  get timeoutReason(): string {
    return this.#timeoutReason
  }

  /** (Re)arms the attempt's one timer: fires with cause `timeout` after `timeoutMs`. */
  arm(timeoutMs: number, reason: string): void {
    if (this.#cause !== undefined) return
    this.#timeoutReason = reason
    if (this.#timer !== undefined && this.#timerMs === timeoutMs) {
      this.#timer.refresh()
      return
    }
    this.disarm()
    this.#timerMs = timeoutMs
    this.#timer = setTimeout(() => this.abort('timeout'), timeoutMs)
    this.#timer.unref()
  }

  disarm(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#timer = undefined
  }

  abort(cause: AbortCause): void {
    if (this.#cause !== undefined) return
    this.#cause = cause
    this.disarm()
    const reason = new LlmError(cause === 'timeout' ? 'timeout' : cause === 'deadline' ? 'deadline' : 'aborted', `attempt ${cause}`)
    this.#reason = reason
    this.#controller?.abort(reason)
    const reject = this.#rejectRace
    this.#rejectRace = undefined
    reject?.(reason)
  }

  /**
   * Resolves with `promise` unless the signal fires first; then rejects with the signal's
   * reason. Guards every await on a provider so a stuck adapter cannot outlive its attempt.
   * An attempt awaits its provider one step at a time: one race is pending at a time.
   */
  race<T>(promise: Promise<T>): Promise<T> {
    if (this.#reason !== undefined) {
      promise.catch(() => undefined)
      return Promise.reject(this.#reason)
    }
    return new Promise<T>((resolve, reject) => {
      this.#rejectRace = reject
      promise.then(resolve, reject)
    })
  }

  /** Stops the timer and detaches from the call's and the cancel signal. */
  dispose(): void {
    this.disarm()
    this.#rejectRace = undefined
    this.#call.unfollow(this)
    this.#detachCancel?.()
    this.#detachCancel = undefined
  }
}
