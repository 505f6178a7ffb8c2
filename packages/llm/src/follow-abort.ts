/**
 * Runs `listener` once when `signal` aborts, or at once if it already has. Returns the
 * function that removes the listener: call it when the work ends, so a long-lived signal
 * (a caller's, reused across thousands of calls) never accumulates listeners.
 */
export function followAbort(signal: AbortSignal, listener: () => void): () => void {
  if (signal.aborted) {
    listener()
    return noop
  }
  signal.addEventListener('abort', listener, { once: true })
  return () => signal.removeEventListener('abort', listener)
}

function noop(): void {}
