import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LlmEvent } from '@voxguard/llm'
import { rateLimitBody, serverErrorBody } from './support/openai-wire.ts'
import type { FleetCallResult, FleetMemberConfig } from './support/fleet-member-process.ts'
import { startFleetMember, type FleetMember } from './support/start-fleet-member.ts'
import { redisServerMissing, startRedisServer, type RedisServer } from './support/start-redis-server.ts'

const missing = redisServerMissing()
if (missing !== undefined) console.warn(`skipping the fleet tests: ${missing}`)

/** Every answer reports 100 tokens (10 in, 90 out), so a fleet's token use is countable. */
const answerJson = JSON.stringify({
  id: 'chatcmpl-fleet', object: 'chat.completion', created: 1741569952, model: 'gpt-4o-mini-2024-07-18',
  choices: [{ index: 0, message: { role: 'assistant', content: 'We open at 9.', refusal: null }, logprobs: null, finish_reason: 'stop' }],
  usage: { prompt_tokens: 10, completion_tokens: 90, total_tokens: 100 },
})

type Behaviour = 'answer' | 'fail' | '429'
/** What each target answers; the path's first segment names the target. */
const behaviours: Record<string, Behaviour> = {
  'outage-primary': 'fail',
  'cooldown-primary': '429',
  'rpm-limited': 'answer',
  'tpm-limited': 'answer',
  'resync-primary': 'fail',
  backup: 'answer',
}
const requestsTo: Record<string, number> = {}

function startProviders(): Promise<Server> {
  const server = createServer((request, response) => {
    const target = (request.url ?? '').split('/')[1] ?? ''
    requestsTo[target] = (requestsTo[target] ?? 0) + 1
    request.resume()
    request.on('end', () => {
      const behaviour = behaviours[target]
      if (behaviour === 'fail') response.writeHead(500, { 'content-type': 'application/json' }).end(serverErrorBody)
      else if (behaviour === '429') response.writeHead(429, { 'content-type': 'application/json', 'retry-after-ms': '5000' }).end(rateLimitBody)
      else response.writeHead(200, { 'content-type': 'application/json' }).end(answerJson)
    })
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

const routeOf = (primary: string) => ({ chain: [primary, 'backup'], maxRetriesPerTarget: 0, deadlineMs: 5_000 })
const served = (results: FleetCallResult[], target: string) => results.filter((result) => result.servedBy === target).length
const isEvent = (type: LlmEvent['type'], target: string, after = 0) => (event: LlmEvent) => event.type === type && event.target === target && event.timeMs >= after

describe.skipIf(missing !== undefined)('a fleet of client processes sharing state through one real redis-server', () => {
  let redis: RedisServer
  let providers: Server
  let members: FleetMember[] = []

  beforeAll(async () => {
    redis = await startRedisServer()
    providers = await startProviders()
    const baseURL = (target: string) => `http://127.0.0.1:${(providers.address() as AddressInfo).port}/${target}/v1`
    const config: FleetMemberConfig = {
      namespace: `voxguard-test-${process.pid}`,
      redisUrl: redis.url,
      targets: {
        'outage-primary': { baseURL: baseURL('outage-primary') },
        'cooldown-primary': { baseURL: baseURL('cooldown-primary') },
        'rpm-limited': { baseURL: baseURL('rpm-limited'), requestsPerMinute: 120 },
        'tpm-limited': { baseURL: baseURL('tpm-limited'), tokensPerMinute: 12_000 },
        'resync-primary': { baseURL: baseURL('resync-primary') },
        backup: { baseURL: baseURL('backup') },
      },
      routes: { outage: routeOf('outage-primary'), cooldown: routeOf('cooldown-primary'), rpm: routeOf('rpm-limited'), tpm: routeOf('tpm-limited'), resync: routeOf('resync-primary') },
      breaker: { volumeThreshold: 2, resetTimeoutMs: 60_000 },
      // Generous: a loaded CI machine must not make Redis look down mid-test.
      commandTimeoutMs: 1_000,
      retryAfterMs: 200,
    }
    members = await Promise.all(['a', 'b', 'c'].map((name) => startFleetMember(name, config)))
  }, 30_000)

  afterAll(async () => {
    await Promise.all(members.map((member) => member.stop()))
    await redis?.kill()
    await new Promise((resolve) => providers?.close(resolve))
  })

  it('an outage one client sees opens the breaker in the others within a bounded time; they send it nothing', async () => {
    const [a, b, c] = members as [FleetMember, FleetMember, FleetMember]
    const results = await a.chat('outage', 2)
    expect(results.map((result) => result.servedBy)).toEqual(['backup', 'backup'])
    const opened = await a.waitForEvent(isEvent('breaker-open', 'outage-primary'))
    const seenBy = await Promise.all([b, c].map((member) => member.waitForEvent(isEvent('breaker-open', 'outage-primary'), 2_000)))
    for (const event of seenBy) {
      expect(event.reason).toMatch(/opened by the fleet/)
      // Measured: typically 1-5 ms on loopback (bench/README.md); the bound is what a phone turn can afford.
      expect(event.timeMs - opened.timeMs).toBeLessThan(1_000)
    }
    const after = await b.chat('outage', 3)
    expect(after.every((result) => result.servedBy === 'backup' && result.attempts[0]?.errorCode === 'breaker_open' && result.attempts[0]?.outcome === 'skipped')).toBe(true)
    expect(requestsTo['outage-primary']).toBe(2)
  })

  it('a 429 with Retry-After in one client cools the target down in all', async () => {
    const [a, b, c] = members as [FleetMember, FleetMember, FleetMember]
    expect((await a.chat('cooldown', 1))[0]?.servedBy).toBe('backup')
    for (const member of [b, c]) {
      const event = await member.waitForEvent(isEvent('cooldown-start', 'cooldown-primary'), 2_000)
      expect(event.reason).toBe('Retry-After 5000 ms (from the fleet)')
    }
    const after = [...(await b.chat('cooldown', 2)), ...(await c.chat('cooldown', 2))]
    expect(after.every((result) => result.servedBy === 'backup' && result.attempts[0]?.errorCode === 'rate_limited' && result.attempts[0]?.outcome === 'skipped')).toBe(true)
    expect(requestsTo['cooldown-primary']).toBe(1)
  })

  it('the fleet together holds a shared requestsPerMinute budget within 10%', async () => {
    const results = (await Promise.all(members.map((member) => member.chat('rpm', 80, 4)))).flat()
    expect(results.every((result) => result.ok)).toBe(true)
    // Without sharing each of the three would send up to 120: all 240 calls.
    const sent = served(results, 'rpm-limited')
    expect(sent).toBeGreaterThanOrEqual(108)
    expect(sent).toBeLessThanOrEqual(132)
    expect(requestsTo['rpm-limited']).toBe(sent)
  })

  it('the fleet together holds a shared tokensPerMinute budget within 10%', async () => {
    // Estimate per call: 5 prompt tokens + maxOutputTokens 95 = 100, what the provider then reports.
    const results = (await Promise.all(members.map((member) => member.chat('tpm', 80, 4, 95)))).flat()
    expect(results.every((result) => result.ok)).toBe(true)
    const tokens = served(results, 'tpm-limited') * 100
    expect(tokens).toBeGreaterThanOrEqual(10_800)
    expect(tokens).toBeLessThanOrEqual(13_200)
  })

  it('Redis killed mid-run: no call fails, every client says it serves on local state; Redis back: state resyncs', async () => {
    const [a, b, c] = members as [FleetMember, FleetMember, FleetMember]
    const killedAt = Date.now()
    const batch = Promise.all(members.map((member) => member.chat('rpm', 40, 2)))
    await new Promise((resolve) => setTimeout(resolve, 20))
    await redis.kill()
    const during = (await batch).flat()
    expect(during.filter((result) => !result.ok)).toEqual([])
    for (const member of members) await member.waitForEvent(isEvent('shared-state-offline', 'backup', killedAt))
    // While Redis is down, an outage only a sees stays a's: b still sends to the target.
    expect((await a.chat('resync', 2)).every((result) => result.ok && result.servedBy === 'backup')).toBe(true)
    await a.waitForEvent(isEvent('breaker-open', 'resync-primary'))
    expect((await b.chat('resync', 1))[0]).toMatchObject({ ok: true, servedBy: 'backup', attempts: [expect.objectContaining({ target: 'resync-primary', outcome: 'error' }), expect.anything()] })
    const restartedAt = Date.now()
    await redis.start()
    for (const member of members) await member.waitForEvent(isEvent('shared-state-online', 'backup', restartedAt), 5_000)
    // a wrote its open breaker back to the new (empty) Redis: c, which never saw the target fail, now skips it.
    await c.waitForEvent(isEvent('breaker-open', 'resync-primary', restartedAt), 5_000)
    const afterResync = await c.chat('resync', 2)
    expect(afterResync.every((result) => result.servedBy === 'backup' && result.attempts[0]?.errorCode === 'breaker_open')).toBe(true)
  })
})
