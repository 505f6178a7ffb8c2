import { expect, it } from 'vitest'
import { ReplySequencer } from './reply-sequencer.ts'

/** A reply that logs its start and end and lasts until its signal aborts. */
const untilAborted = (log: string[], name: string) => async (signal: AbortSignal) => {
  log.push(`${name} start`)
  if (!signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }))
  await new Promise((resolve) => setTimeout(resolve, 10)) // cleaning up takes a moment
  log.push(`${name} end`)
}

it('a new reply interrupts the running one and starts only after it has finished', async () => {
  const log: string[] = []
  const hangup = new AbortController()
  const replies = new ReplySequencer(hangup.signal, (error) => log.push(`error ${String(error)}`))
  replies.start(untilAborted(log, 'a'))
  await expect.poll(() => log).toEqual(['a start'])
  replies.start(async () => {
    log.push('b start')
  })
  await expect.poll(() => replies.busy).toBe(false)
  expect(log).toEqual(['a start', 'a end', 'b start'])
})

it('hang-up aborts the running reply; a throwing reply goes to onError and leaves the sequencer usable', async () => {
  const log: string[] = []
  const hangup = new AbortController()
  const replies = new ReplySequencer(hangup.signal, (error) => log.push(`error ${(error as Error).message}`))
  replies.start(async () => {
    throw new Error('boom')
  })
  replies.start(untilAborted(log, 'a'))
  await expect.poll(() => log).toEqual(['error boom', 'a start'])
  hangup.abort()
  await expect.poll(() => replies.busy).toBe(false)
  expect(log).toEqual(['error boom', 'a start', 'a end'])
})
