/**
 * Runs one call's replies one at a time. Starting a reply aborts the one still running
 * (barge-in, a DTMF key, a new caller turn) and begins only after it has finished, so two
 * replies never interleave their output. Each reply's signal also follows the call's
 * hang-up signal, which reaches the LLM request and the speech engines.
 */
export class ReplySequencer {
  readonly #hangup: AbortSignal
  readonly #onError: (error: unknown) => void
  #current: { controller: AbortController; done: Promise<void> } | undefined

  /**
   * @param hangup aborts every reply, current and future (the call ended).
   * @param onError receives what a reply throws (a reply must not take the call down).
   */
  constructor(hangup: AbortSignal, onError: (error: unknown) => void) {
    this.#hangup = hangup
    this.#onError = onError
  }

  /** Whether a reply is running (or waiting for the one it interrupted to finish). */
  get busy(): boolean {
    return this.#current !== undefined
  }

  /** Aborts the running reply, if any. */
  interrupt(): void {
    this.#current?.controller.abort()
  }

  /** Interrupts the running reply, then runs `reply` with a signal that aborts on the next `start`, `interrupt` or hang-up. */
  start(reply: (signal: AbortSignal) => Promise<void>): void {
    const previous = this.#current
    previous?.controller.abort()
    const controller = new AbortController()
    const signal = AbortSignal.any([controller.signal, this.#hangup])
    const entry = {
      controller,
      done: (async () => {
        await previous?.done
        await reply(signal)
      })()
        .catch(this.#onError)
        .finally(() => {
          if (this.#current === entry) this.#current = undefined
        }),
    }
    this.#current = entry
  }
}
