/** A count of finished items drawn as a bar on a terminal, or nothing but plain lines elsewhere. */
export interface ProgressBar {
  /** True on a terminal without `CI` set: the bar is drawn and redrawn in place. */
  readonly interactive: boolean
  readonly total: number
  readonly done: number
  readonly failed: number
  /** Seconds since the bar was made, as `12.3s`. */
  elapsed(): string
  /** Counts from zero over `total` items named `noun` ("calls", "judged"); draws on a terminal. */
  start(total: number, noun: string): void
  /** One more item finished; redraws. */
  advance(failed: boolean): void
  /** A line of its own, above the bar while one is drawn. */
  line(text: string): void
  /** Stops redrawing and leaves the bar's last state on its own line. */
  stop(): void
}

/**
 * The progress bar of `voxguard run` and `voxguard nightly`: redrawn every second while it
 * runs (so the elapsed time moves during long calls), lines written above it. When the stream
 * is not a TTY or `CI` is set, only plain lines are written, so CI logs stay readable.
 */
export function createProgressBar(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv): ProgressBar {
  const interactive = stream.isTTY === true && env.CI !== 'true' && env.CI !== '1'
  const startedAt = performance.now()
  let total = 0
  let done = 0
  let failed = 0
  let noun = 'calls'
  let ticker: NodeJS.Timeout | undefined
  const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(1)}s`
  const draw = () => {
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 50))
    const filled = total === 0 ? width : Math.round((done / total) * width)
    stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${noun}, ${failed} failed, ${elapsed()}\x1b[K`)
  }
  const stop = () => {
    if (ticker === undefined) return
    clearInterval(ticker)
    ticker = undefined
    stream.write('\n')
  }
  return {
    interactive,
    get total() { return total },
    get done() { return done },
    get failed() { return failed },
    elapsed,
    start(count, itemNoun) {
      stop()
      total = count
      done = 0
      failed = 0
      noun = itemNoun
      if (!interactive) return
      draw()
      ticker = setInterval(draw, 1000).unref()
    },
    advance(itemFailed) {
      done++
      if (itemFailed) failed++
      if (ticker !== undefined) draw()
    },
    line(text) {
      if (ticker === undefined) return void stream.write(`${text}\n`)
      stream.write(`\r${text}\x1b[K\n`)
      draw()
    },
    stop,
  }
}
