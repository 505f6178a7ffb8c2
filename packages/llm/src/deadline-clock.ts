/** What the clock needs of a call's deadline. */
export interface ClockedDeadline {
  /** When the deadline passes (`performance.now()` clock). */
  readonly endsAtMs: number
  /** Disposed or already ended: the clock drops it. */
  readonly finished: boolean
  expire(): void
}

/**
 * The timers behind every call deadline of one client: one timer per distinct `deadlineMs`
 * instead of a `setTimeout` and a `clearTimeout` per call. Calls with the same `deadlineMs`
 * end in the order they started, so each length keeps a queue in start order and one timer
 * armed for (at most) the end of its oldest unfinished call. A finished call leaves the queue
 * when it reaches the front; the timer is re-armed only when it fires, so back-to-back calls
 * touch no timer at all. The timer is `unref`ed, never outlives one `deadlineMs` after the
 * last call, and stops at `close()` (or when the calls still running then have ended).
 */
export class DeadlineClock {
  readonly #queues = new Map<number, DeadlineQueue>()

  /** Starts keeping `deadline` (it ends `deadlineMs` from now). */
  add(deadline: ClockedDeadline, deadlineMs: number): DeadlineQueue {
    let queue = this.#queues.get(deadlineMs)
    if (queue === undefined) {
      queue = new DeadlineQueue(deadlineMs)
      this.#queues.set(deadlineMs, queue)
    }
    queue.add(deadline)
    return queue
  }

  close(): void {
    for (const queue of this.#queues.values()) queue.close()
  }
}

/** The deadlines of one length, oldest first. */
export class DeadlineQueue {
  readonly #deadlineMs: number
  #entries: ClockedDeadline[] = []
  #head = 0
  #timer: NodeJS.Timeout | undefined
  #closed = false

  constructor(deadlineMs: number) {
    this.#deadlineMs = deadlineMs
  }

  add(deadline: ClockedDeadline): void {
    this.#entries.push(deadline)
    if (this.#timer === undefined) this.#arm(this.#deadlineMs)
  }

  /** A deadline finished (its call ended): drop the finished ones from the front. */
  finished(): void {
    const entries = this.#entries
    while (this.#head < entries.length && (entries[this.#head] as ClockedDeadline).finished) this.#head += 1
    this.#compact()
    if (this.#closed && this.#head === this.#entries.length) this.#stop()
  }

  /** The client closed: the timer stops now if no call is running, else when the last one ends. */
  close(): void {
    this.#closed = true
    if (this.#head === this.#entries.length) this.#stop()
  }

  #stop(): void {
    clearTimeout(this.#timer)
    this.#timer = undefined
  }

  /** The timer fired: expires every due deadline, then waits for the next one (if any). */
  fire(): void {
    this.#timer = undefined
    const entries = this.#entries
    const now = performance.now()
    while (this.#head < entries.length) {
      const deadline = entries[this.#head] as ClockedDeadline
      if (!deadline.finished && deadline.endsAtMs > now) break
      this.#head += 1
      if (!deadline.finished) deadline.expire()
    }
    this.#compact()
    if (this.#head < entries.length) this.#arm((entries[this.#head] as ClockedDeadline).endsAtMs - now)
  }

  #arm(ms: number): void {
    this.#timer = setTimeout(fireQueue, Math.max(1, Math.ceil(ms)), this)
    this.#timer.unref()
  }

  #compact(): void {
    if (this.#head === this.#entries.length) {
      this.#entries.length = 0
      this.#head = 0
    } else if (this.#head > 1024 && this.#head * 2 > this.#entries.length) {
      this.#entries = this.#entries.slice(this.#head)
      this.#head = 0
    }
  }
}

function fireQueue(queue: DeadlineQueue): void {
  queue.fire()
}
