import { MULAW_SILENCE } from '@voxguard/harness/audio'

export interface OutboundAudioPlayerOptions {
  /** Sends one 20 ms frame (160 μ-law bytes). */
  sendFrame: (frame: Uint8Array) => void
  /** Sends a mark once the audio queued before it has been sent. */
  sendMark: (name: string) => void
  /** Frame length. Default 20. */
  frameMs?: number
}

type Item = { type: 'audio'; bytes: Uint8Array } | { type: 'mark'; name: string }

/**
 * Paces μ-law 8 kHz audio out in 20 ms frames (on a drift-free schedule: frame n goes
 * out at start + n × 20 ms), with marks in order, and drops everything on `clear()`.
 */
export class OutboundAudioPlayer {
  readonly #options: Required<OutboundAudioPlayerOptions>
  readonly #frameBytes: number
  #queue: Item[] = []
  #partial = new Uint8Array(0)
  #timer: NodeJS.Timeout | undefined
  #startedAt = 0
  #framesSent = 0
  #idleWaiters: Array<() => void> = []

  constructor(options: OutboundAudioPlayerOptions) {
    const frameMs = options.frameMs ?? 20
    if (!Number.isInteger(frameMs) || frameMs <= 0) throw new RangeError(`OutboundAudioPlayer: option "frameMs" must be a positive integer, got ${frameMs}`)
    this.#options = { ...options, frameMs }
    this.#frameBytes = (8000 * frameMs) / 1000
  }

  /** True while audio or marks are waiting to be sent. */
  get busy(): boolean {
    return this.#queue.length > 0 || this.#partial.length > 0
  }

  enqueue(bytes: Uint8Array): void {
    if (bytes.length === 0) return
    this.#queue.push({ type: 'audio', bytes })
    this.#kick()
  }

  mark(name: string): void {
    this.#queue.push({ type: 'mark', name })
    this.#kick()
  }

  /** Drops all queued audio and marks (barge-in). */
  clear(): void {
    this.#queue = []
    this.#partial = new Uint8Array(0)
    this.#stop()
  }

  /** Resolves once everything queued has been sent (or cleared). */
  idle(): Promise<void> {
    return this.busy ? new Promise((resolve) => this.#idleWaiters.push(resolve)) : Promise.resolve()
  }

  close(): void {
    this.clear()
  }

  #kick(): void {
    if (this.#timer !== undefined) return
    this.#startedAt = performance.now()
    this.#framesSent = 0
    this.#tick()
  }

  #stop(): void {
    clearTimeout(this.#timer)
    this.#timer = undefined
    const waiters = this.#idleWaiters
    this.#idleWaiters = []
    for (const resolve of waiters) resolve()
  }

  #tick(): void {
    while (this.#queue[0]?.type === 'mark' && this.#partial.length === 0) {
      const item = this.#queue.shift() as { type: 'mark'; name: string }
      this.#options.sendMark(item.name)
    }
    const frame = this.#nextFrame()
    if (!frame) return this.#stop()
    this.#options.sendFrame(frame)
    this.#framesSent++
    const dueAt = this.#startedAt + this.#framesSent * this.#options.frameMs
    this.#timer = setTimeout(() => this.#tick(), Math.max(0, dueAt - performance.now()))
    this.#timer.unref()
  }

  /** Takes the next 160 bytes of audio (padding the last frame of a reply with silence). */
  #nextFrame(): Uint8Array | undefined {
    while (this.#partial.length < this.#frameBytes && this.#queue[0]?.type === 'audio') {
      const item = this.#queue.shift() as { type: 'audio'; bytes: Uint8Array }
      const joined = new Uint8Array(this.#partial.length + item.bytes.length)
      joined.set(this.#partial)
      joined.set(item.bytes, this.#partial.length)
      this.#partial = joined
    }
    if (this.#partial.length === 0) return undefined
    const frame = new Uint8Array(this.#frameBytes).fill(MULAW_SILENCE)
    frame.set(this.#partial.subarray(0, this.#frameBytes))
    this.#partial = this.#partial.subarray(Math.min(this.#frameBytes, this.#partial.length))
    return frame
  }
}
