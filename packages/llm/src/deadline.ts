import type { ClockedDeadline, DeadlineClock, DeadlineQueue } from './deadline-clock.ts'
import { followAbort } from './follow-abort.ts'
import { LlmError } from './llm-error.ts'

/** Why a call ended before it finished: the caller's signal or the route's deadline. */
export type CallEndCause = 'aborted' | 'deadline'

/** Told once when the call's signal or deadline ends it (an attempt's signal follows the call this way). */
export interface CallEndFollower {
  callEnded(cause: CallEndCause): void
}

/**
 * The whole call's time budget, combined with the caller's signal. Built for the hot path of
 * a call that succeeds: no timer of its own (the client's `DeadlineClock` keeps it), one
 * listener on the caller's signal (if any), no `AbortController` until something asks for
 * `signal` (a retry wait, a hedge), and attempts follow it through `follow` (a plain list,
 * not an EventTarget listener each).
 */
export class CallDeadline implements ClockedDeadline {
  readonly deadlineMs: number
  /** Whether the caller passed a signal (then an attempt can end before the deadline). */
  readonly followsCaller: boolean
  readonly endsAtMs: number
  readonly #queue: DeadlineQueue
  readonly #detachCaller: (() => void) | undefined
  #cause: CallEndCause | undefined
  #reason: unknown
  #controller: AbortController | undefined
  #followers: CallEndFollower[] = []
  #disposed = false

  /** `now`: the call's start on the `performance.now()` clock. */
  constructor(clock: DeadlineClock, deadlineMs: number, callerSignal: AbortSignal | undefined, now: number) {
    this.deadlineMs = deadlineMs
    this.followsCaller = callerSignal !== undefined
    this.endsAtMs = now + deadlineMs
    this.#queue = clock.add(this, deadlineMs)
    this.#detachCaller = callerSignal === undefined ? undefined : followAbort(callerSignal, () => this.#end('aborted', callerSignal.reason))
  }

  /** Aborts when the caller aborts or the deadline passes (created on first use). */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController()
      if (this.#cause !== undefined) this.#controller.abort(this.#reason)
    }
    return this.#controller.signal
  }

  /** Milliseconds left before the deadline (never negative). */
  remainingMs(): number {
    return Math.max(0, this.endsAtMs - performance.now())
  }

  /** Disposed, or ended by the caller or the deadline: the clock has nothing left to do for it. */
  get finished(): boolean {
    return this.#disposed || this.#cause !== undefined
  }

  /** Why the call ended early, once it has. */
  cause(): CallEndCause | undefined {
    return this.#cause
  }

  /**
   * The deadline passed: its own timer fired, or a provider's request timer that stood in
   * for it (see `ProviderRequest.timeoutMs`) fired at the same moment.
   */
  expire(): void {
    this.#end('deadline', new LlmError('deadline', `deadline of ${this.deadlineMs} ms passed`))
  }

  /** Tells `follower` when the call ends (at once if it already has). Undo with `unfollow`. */
  follow(follower: CallEndFollower): void {
    if (this.#cause !== undefined) follower.callEnded(this.#cause)
    else this.#followers.push(follower)
  }

  unfollow(follower: CallEndFollower): void {
    const index = this.#followers.indexOf(follower)
    if (index >= 0) this.#followers.splice(index, 1)
  }

  /** The call is over: leaves the clock and the caller's signal. */
  dispose(): void {
    if (this.#disposed) return
    this.#disposed = true
    this.#queue.finished()
    this.#detachCaller?.()
  }

  #end(cause: CallEndCause, reason: unknown): void {
    if (this.#cause !== undefined) return
    this.#cause = cause
    this.#reason = reason
    this.#controller?.abort(reason)
    const followers = this.#followers
    this.#followers = []
    for (const follower of followers) follower.callEnded(cause)
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
