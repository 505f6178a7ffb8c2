import { describe, expect, it } from 'vitest'
import { DeadlineClock, type ClockedDeadline } from './deadline-clock.ts'

/** A deadline that records when it expired. */
function deadlineOf(deadlineMs: number) {
  const deadline = {
    endsAtMs: performance.now() + deadlineMs,
    finished: false as boolean,
    expiredAtMs: undefined as number | undefined,
    expire() {
      deadline.expiredAtMs = performance.now()
      deadline.finished = true
    },
  } satisfies ClockedDeadline & { expiredAtMs: number | undefined }
  return deadline
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('DeadlineClock', () => {
  it('expires overlapping deadlines at their own ends, never one whose call finished, never early', async () => {
    const clock = new DeadlineClock()
    const first = deadlineOf(40)
    const firstQueue = clock.add(first, 40)
    await sleep(15)
    const second = deadlineOf(40)
    const secondQueue = clock.add(second, 40)
    await sleep(15)
    const third = deadlineOf(40)
    clock.add(third, 40)
    // The second call ends before its deadline.
    second.finished = true
    secondQueue.finished()
    await sleep(80)
    expect(first.expiredAtMs).toBeGreaterThanOrEqual(first.endsAtMs)
    expect(second.expiredAtMs).toBeUndefined()
    expect(third.expiredAtMs).toBeGreaterThanOrEqual(third.endsAtMs)
    // One queue per deadline length.
    expect(secondQueue).toBe(firstQueue)
    clock.close()
  })

  it('keeps deadlines of different lengths apart, and close() stops a clock with no call running', async () => {
    const clock = new DeadlineClock()
    const long = deadlineOf(60)
    const short = deadlineOf(20)
    clock.add(long, 60)
    clock.add(short, 20)
    await sleep(40)
    expect(short.expiredAtMs).toBeGreaterThanOrEqual(short.endsAtMs)
    expect(long.expiredAtMs).toBeUndefined()
    await sleep(40)
    expect(long.expiredAtMs).toBeGreaterThanOrEqual(long.endsAtMs)
    const late = deadlineOf(20)
    const queue = clock.add(late, 20)
    late.finished = true
    queue.finished()
    clock.close()
    await sleep(40)
    expect(late.expiredAtMs).toBeUndefined()
  })
})
