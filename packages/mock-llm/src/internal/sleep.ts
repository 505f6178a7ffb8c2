import { setTimeout as delay } from 'node:timers/promises'

/** Waits `ms` milliseconds; rejects with the abort reason when `signal` aborts. 0 ms does not wait. */
export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted()
  if (ms <= 0) return
  await delay(ms, undefined, { signal })
}

/** Resolves when `signal` aborts (never, if it never does). Holds no timer. */
export function waitForAbort(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve()
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))
}
