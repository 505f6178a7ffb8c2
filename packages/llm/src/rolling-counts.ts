/** Requests and failures counted in a window. */
export interface WindowTotals {
  requests: number
  failures: number
}

const bucketCount = 10

/**
 * Request and failure counts over a rolling window, in 10 buckets of a tenth of the window
 * each (as opossum's status window): the totals cover the current bucket and the 9 before
 * it. Buckets roll lazily from the clock, so no timer runs; adding a request is O(1), the
 * totals (read on a failure) are O(10).
 */
export class RollingCounts {
  readonly #bucketMs: number
  readonly #now: () => number
  /** Per bucket: the bucket's number (time / bucketMs) and its counts. */
  readonly #epochs = new Float64Array(bucketCount).fill(-1)
  readonly #requests = new Uint32Array(bucketCount)
  readonly #failures = new Uint32Array(bucketCount)

  constructor(windowMs: number, now: () => number = () => performance.now()) {
    this.#bucketMs = Math.max(1, Math.floor(windowMs / bucketCount))
    this.#now = now
  }

  /** Counts a request (`now`: the clock, when the caller already read it). */
  addRequest(now: number = this.#now()): void {
    const index = this.#current(now)
    this.#requests[index] = (this.#requests[index] as number) + 1
  }

  /** Counts a failure and returns the window's totals with it. */
  addFailure(): WindowTotals {
    const index = this.#current()
    this.#failures[index] = (this.#failures[index] as number) + 1
    return this.totals()
  }

  totals(): WindowTotals {
    const oldest = Math.floor(this.#now() / this.#bucketMs) - bucketCount + 1
    let requests = 0
    let failures = 0
    for (let index = 0; index < bucketCount; index += 1) {
      if ((this.#epochs[index] as number) < oldest) continue
      requests += this.#requests[index] as number
      failures += this.#failures[index] as number
    }
    return { requests, failures }
  }

  /** Index of the current bucket, emptied first if it last held an older bucket. */
  #current(now: number = this.#now()): number {
    const epoch = Math.floor(now / this.#bucketMs)
    const index = epoch % bucketCount
    if (this.#epochs[index] !== epoch) {
      this.#epochs[index] = epoch
      this.#requests[index] = 0
      this.#failures[index] = 0
    }
    return index
  }
}
