import { describe, expect, it, vi } from 'vitest'
import type { TargetBehaviourInput } from '@voxguard/mock-llm'
import { postChat, statuses, useMockServers, withinBinomialTolerance } from './support.ts'

const startServer = useMockServers()
const start = (seed: number, targets: Record<string, TargetBehaviourInput>) => startServer(targets, seed)

const stormy = { errors: { rate429: 0.1, rate500: 0.08, rate503: 0.05, modelTimeout: 0.04 }, hangRate: 0 }

describe('error rates', () => {
  it('match the profile within a binomial tolerance over 400 seeded requests, and each is logged', async () => {
    const server = await start(7, { openai: stormy })
    const observed = await statuses(server.endpoints('openai').openai, 400)
    const count = (status: number) => observed.filter((value) => value === status).length
    for (const [status, rate] of [
      [429, 0.1],
      [500, 0.08],
      [503, 0.05],
      [408, 0.04],
    ] as const) {
      expect(withinBinomialTolerance(count(status), 400, rate), `${status}: ${count(status)} of 400`).toBe(true)
    }
    expect(count(200) + count(429) + count(500) + count(503) + count(408)).toBe(400)
    const errorRecords = server.events.filter((event) => event.kind === 'error')
    expect(errorRecords).toHaveLength(400 - count(200))
    expect(errorRecords.map((event) => event.kind === 'error' && event.status)).toEqual(observed.filter((status) => status !== 200))
  })

  it('the same seed gives the same run; another seed another run', async () => {
    const first = await start(11, { openai: stormy })
    const second = await start(11, { openai: stormy })
    const other = await start(12, { openai: stormy })
    const [a, b, c] = await Promise.all([first, second, other].map((server) => statuses(server.endpoints().openai, 60)))
    expect(a).toEqual(b)
    expect(a).not.toEqual(c)
  })

  it("a target's fate does not depend on traffic to other targets", async () => {
    const alone = await start(5, { a: stormy, b: stormy })
    const busy = await start(5, { a: stormy, b: stormy })
    const quiet = await statuses(alone.endpoints('a').openai, 40)
    const interleaved: number[] = []
    for (let index = 0; index < 40; index++) {
      await statuses(busy.endpoints('b').openai, index % 3)
      interleaved.push(...(await statuses(busy.endpoints('a').openai, 1)))
    }
    expect(interleaved).toEqual(quiet)
  })
})

describe('hang and cut rates', () => {
  it('match the profile over 200 concurrent requests; hung ones are never answered, cut ones fail at the client', async () => {
    const server = await start(13, { openai: { hangRate: 0.1, cutRate: 0.15 } })
    const outcomes: string[] = []
    for (let index = 0; index < 200; index++) {
      void postChat(server.endpoints('openai').openai)
        .then(async (response) => {
          await response.arrayBuffer()
          outcomes.push(String(response.status))
        })
        .catch(() => outcomes.push('failed'))
    }
    const count = (kind: string) => server.events.filter((event) => event.kind === kind).length
    // Each request number has its own fate, so the counts do not depend on arrival order.
    await vi.waitFor(() => expect(outcomes.length + count('hang')).toBe(200), { timeout: 10_000 })
    expect(withinBinomialTolerance(count('hang'), 200, 0.1), `${count('hang')} hangs of 200`).toBe(true)
    expect(withinBinomialTolerance(count('cut'), 200, 0.9 * 0.15), `${count('cut')} cuts of 200`).toBe(true) // cuts only answers that did not hang
    expect(outcomes.filter((outcome) => outcome === 'failed')).toHaveLength(count('cut'))
    expect(outcomes.filter((outcome) => outcome === '200')).toHaveLength(200 - count('hang') - count('cut'))
  })
})
