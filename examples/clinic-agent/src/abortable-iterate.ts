/**
 * Iterates `source` until `signal` aborts, then stops at once, even while the source is
 * still awaiting (its `return()` is called in the background so it can clean up).
 */
export async function* abortableIterate<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  if (signal.aborted) return
  const iterator = source[Symbol.asyncIterator]()
  let onAbort: () => void = () => {}
  const aborted = new Promise<'aborted'>((resolve) => {
    onAbort = () => resolve('aborted')
    signal.addEventListener('abort', onAbort, { once: true })
  })
  let finished = false
  try {
    while (true) {
      const pending = iterator.next()
      pending.catch(() => {}) // a rejection after an abort is nobody's to handle
      const next = await Promise.race([pending, aborted])
      if (next === 'aborted') return
      if (next.done) {
        finished = true
        return
      }
      yield next.value
    }
  } finally {
    signal.removeEventListener('abort', onAbort)
    if (!finished) iterator.return?.().catch(() => {})
  }
}
