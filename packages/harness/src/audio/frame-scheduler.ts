/**
 * Paces many audio streams in real time with one timer. Frame `k` of a stream is due at
 * `start + k × frameMs` (deadlines, not accumulated intervals), so lateness never adds
 * up: a frame that was late does not delay the next one's deadline. It sleeps on a timer
 * between deadlines (a frame runs up to ~1 ms late, never early) rather than polling. When
 * the event loop stalls, every overdue frame is sent at once (as Twilio does) and its
 * lateness reported.
 */
export interface FrameSchedulerOptions {
  /** Frame duration. Default 20 (Twilio Media Streams). */
  frameMs?: number
  /** Monotonic clock in ms. Default `performance.now`. */
  now?: () => number
}

/** A paced stream: `onFrame` runs at each deadline with the frame index and how late it ran. */
export interface PacedStream {
  stop(): void
}

interface Entry {
  startMs: number
  frameIndex: number
  deadlineMs: number
  stopped: boolean
  onFrame: (frameIndex: number, lateByMs: number, deadlineMs: number) => void
}

export class FrameScheduler {
  readonly frameMs: number
  readonly #now: () => number
  readonly #heap: Entry[] = []
  #timer: NodeJS.Timeout | NodeJS.Immediate | undefined
  #timerDueMs = Infinity
  #timerIsImmediate = false
  // Lateness histogram: 0.1 ms buckets up to 100 ms, the last bucket holds the rest.
  readonly #lateness = new Uint32Array(1001)
  #framesRun = 0
  #maxLatenessMs = 0

  constructor(options: FrameSchedulerOptions = {}) {
    this.frameMs = options.frameMs ?? 20
    if (!(this.frameMs > 0)) throw new RangeError(`frameMs must be > 0, got ${options.frameMs}`)
    this.#now = options.now ?? (() => performance.now())
  }

  /** Starts a stream whose first frame is due now (or at `startMs`). */
  add(onFrame: Entry['onFrame'], startMs = this.#now()): PacedStream {
    const entry: Entry = { startMs, frameIndex: 0, deadlineMs: startMs, stopped: false, onFrame }
    this.#push(entry)
    this.#arm()
    return {
      stop: () => {
        entry.stopped = true
      },
    }
  }

  /** Frames run so far and how late they ran versus their deadlines (p50/p99 to 0.1 ms). */
  stats(): { frames: number; latenessMs: { p50: number; p99: number; max: number } } {
    const at = (ratio: number) => {
      const rank = Math.ceil(ratio * this.#framesRun)
      let seen = 0
      for (let bucket = 0; bucket < this.#lateness.length; bucket++) {
        seen += this.#lateness[bucket]!
        if (seen >= rank && rank > 0) return bucket / 10
      }
      return 0
    }
    return { frames: this.#framesRun, latenessMs: { p50: at(0.5), p99: at(0.99), max: Math.round(this.#maxLatenessMs * 100) / 100 } }
  }

  /** Streams still running. */
  get size(): number {
    return this.#heap.filter((entry) => !entry.stopped).length
  }

  #run = (): void => {
    this.#timer = undefined
    this.#timerDueMs = Infinity
    let now = this.#now()
    while (this.#heap.length > 0 && this.#heap[0]!.deadlineMs <= now) {
      const entry = this.#pop()!
      if (entry.stopped) continue
      // Measured per frame: a frame sent late in a busy batch counts as late.
      now = this.#now()
      const latenessMs = now - entry.deadlineMs
      this.#lateness[Math.min(1000, Math.floor(latenessMs * 10))]!++
      this.#framesRun++
      if (latenessMs > this.#maxLatenessMs) this.#maxLatenessMs = latenessMs
      try {
        entry.onFrame(entry.frameIndex, latenessMs, entry.deadlineMs)
      } catch {
        entry.stopped = true
      }
      if (entry.stopped) continue
      entry.frameIndex++
      entry.deadlineMs = entry.startMs + entry.frameIndex * this.frameMs
      this.#push(entry)
    }
    this.#arm()
  }

  #arm(): void {
    while (this.#heap.length > 0 && this.#heap[0]!.stopped) this.#pop()
    const next = this.#heap[0]
    if (!next) return
    if (this.#timer !== undefined && this.#timerDueMs <= next.deadlineMs) return
    this.#clear()
    const delayMs = next.deadlineMs - this.#now()
    this.#timerDueMs = next.deadlineMs
    if (delayMs <= 0) {
      this.#timer = setImmediate(this.#run)
      this.#timerIsImmediate = true
    } else {
      // Rounded up, never polled with setImmediate: with many streams a deadline is almost
      // always less than 1 ms away, and polling for it kept a core busy (~100 µs of CPU per
      // frame at 200 calls). A frame may run up to ~1 ms late instead; never early.
      const timer = setTimeout(this.#run, Math.ceil(delayMs))
      timer.unref()
      this.#timer = timer
      this.#timerIsImmediate = false
    }
  }

  #clear(): void {
    const timer = this.#timer
    if (timer === undefined) return
    if (this.#timerIsImmediate) clearImmediate(timer as NodeJS.Immediate)
    else clearTimeout(timer as NodeJS.Timeout)
    this.#timer = undefined
  }

  #push(entry: Entry): void {
    const heap = this.#heap
    heap.push(entry)
    let index = heap.length - 1
    while (index > 0) {
      const parent = (index - 1) >> 1
      if (heap[parent]!.deadlineMs <= entry.deadlineMs) break
      heap[index] = heap[parent]!
      index = parent
    }
    heap[index] = entry
  }

  #pop(): Entry | undefined {
    const heap = this.#heap
    const top = heap[0]
    const last = heap.pop()
    if (heap.length === 0 || !last) return top
    let index = 0
    for (;;) {
      const left = index * 2 + 1
      const right = left + 1
      let smallest = -1
      let best = last.deadlineMs
      if (left < heap.length && heap[left]!.deadlineMs < best) {
        smallest = left
        best = heap[left]!.deadlineMs
      }
      if (right < heap.length && heap[right]!.deadlineMs < best) smallest = right
      if (smallest < 0) break
      heap[index] = heap[smallest]!
      index = smallest
    }
    heap[index] = last
    return top
  }
}
