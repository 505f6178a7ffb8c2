import { LlmError } from './llm-error.ts'

/** Why an attempt's signal fired. */
export type AbortCause = 'aborted' | 'deadline' | 'timeout' | 'cancelled'

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
    controller.abort(why === 'aborted' ? callerSignal?.reason : new LlmError(`deadline of ${deadlineMs} ms passed`, { kind: 'deadline' }))
  }
  const timer = setTimeout(() => abort('deadline'), deadlineMs)
  timer.unref()
  const onCallerAbort = () => abort('aborted')
  if (callerSignal?.aborted) abort('aborted')
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true })
  return {
    signal: controller.signal,
    remainingMs: () => Math.max(0, endsAt - performance.now()),
    cause: () => cause,
    dispose: () => {
      clearTimeout(timer)
      callerSignal?.removeEventListener('abort', onCallerAbort)
    },
  }
}

/**
 * One attempt's signal: fires on the call's signal, on a cancel signal (a hedge that
 * lost), or on the attempt's own timers (first token, between chunks, whole attempt).
 */
export class AttemptSignal {
  readonly signal: AbortSignal
  #controller = new AbortController()
  #cause: AbortCause | undefined
  #timeoutReason = ''
  #timer: NodeJS.Timeout | undefined
  #detach: Array<() => void> = []

  constructor(call: CallDeadline, cancelSignal?: AbortSignal) {
    this.signal = this.#controller.signal
    this.#follow(call.signal, () => call.cause() ?? 'aborted')
    if (cancelSignal !== undefined) this.#follow(cancelSignal, () => 'cancelled')
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
    this.disarm()
    this.#timer = setTimeout(() => {
      this.#timeoutReason = reason
      this.abort('timeout')
    }, timeoutMs)
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
    this.#controller.abort(new LlmError(`attempt ${cause}`, { kind: cause === 'timeout' ? 'timeout' : cause === 'deadline' ? 'deadline' : 'aborted' }))
  }

  dispose(): void {
    this.disarm()
    for (const detach of this.#detach) detach()
    this.#detach = []
  }

  #follow(parent: AbortSignal, cause: () => AbortCause): void {
    if (parent.aborted) {
      this.abort(cause())
      return
    }
    const onAbort = () => this.abort(cause())
    parent.addEventListener('abort', onAbort, { once: true })
    this.#detach.push(() => parent.removeEventListener('abort', onAbort))
  }
}

/**
 * Resolves with `promise` unless `signal` fires first; then rejects with the signal's
 * reason. Guards every await on a provider so a stuck adapter cannot outlive its attempt.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined)
    return Promise.reject(signal.reason as Error)
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error as Error)
      },
    )
  })
}

/** Waits `ms`, rejecting with the signal's reason if it fires first. The timer is cleared either way. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error)
      return
    }
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason as Error)
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
