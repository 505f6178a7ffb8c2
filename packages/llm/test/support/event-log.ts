import type { LlmEvent, LlmEventType } from '@voxguard/llm'

/** Collects a client's events; `waitFor` resolves when a matching event arrives (or already has). */
export function createEventLog() {
  const events: LlmEvent[] = []
  const waiters: Array<() => void> = []
  const log = {
    events,
    listener: (event: LlmEvent) => {
      events.push(event)
      waiters.splice(0).forEach((wake) => wake())
    },
    /** Events of `type` (for `target`, if given), in order. */
    of: (type: LlmEventType, target?: string) => events.filter((event) => event.type === type && (target === undefined || event.target === target)),
    /** Resolves once `count` events of `type` for `target` have been seen. */
    waitFor: (type: LlmEventType, target: string, count = 1) =>
      new Promise<void>((resolve) => {
        const check = () => (log.of(type, target).length >= count ? resolve() : waiters.push(check))
        check()
      }),
  }
  return log
}
