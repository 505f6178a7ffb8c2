import { delay, http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { createLlmClient, type ChainEntry, type LlmClient, type RouteConfig, type TargetConfig } from '@voxguard/llm'
import { azureCompletionJson, azureHeaders, azureServerErrorBody } from './support/azure-wire.ts'
import { createEventLog } from './support/event-log.ts'
import { completionJson, jsonHeaders } from './support/openai-wire.ts'
import { useMswServer } from './support/use-msw-server.ts'

const regions = ['japaneast', 'eastus2', 'swedencentral'] as const
type Region = (typeof regions)[number]
const urlOf = (region: Region) => `https://clinic-${region}.openai.azure.com/openai/deployments/gpt-4o-mini/chat/completions`
const messages = [{ role: 'user' as const, content: 'When do you open on Monday?' }]

const server = useMswServer()

/** Requests per region (and the OpenAI fallback), in arrival order. */
let arrivals: string[] = []
type Behaviour = { delayMs?: number; status?: number }
let behaviour: Record<string, Behaviour> = {}
afterEach(() => {
  arrivals = []
  behaviour = {}
})

function serveRegions() {
  server.use(
    ...regions.map((region) =>
      http.post(urlOf(region), async ({ request }) => {
        arrivals.push(region)
        expect(new URL(request.url).searchParams.get('api-version')).toBe('2024-10-21')
        const { delayMs = 0, status = 200 } = behaviour[region] ?? {}
        if (delayMs > 0) await delay(delayMs)
        if (status !== 200) return new HttpResponse(azureServerErrorBody, { status, headers: azureHeaders(region) })
        return new HttpResponse(azureCompletionJson(`Answered from ${region}.`), { headers: azureHeaders(region) })
      }),
    ),
    http.post('https://api.openai.test/v1/chat/completions', () => {
      arrivals.push('openai')
      return new HttpResponse(completionJson('Answered from OpenAI.'), { headers: jsonHeaders })
    }),
  )
}

function client(chain: ChainEntry[], route: Partial<RouteConfig> = {}) {
  serveRegions()
  const log = createEventLog()
  const targets: Record<string, TargetConfig> = Object.fromEntries(
    regions.map((region) => [
      `azure-${region}`,
      { provider: 'azure-openai', endpoint: `https://clinic-${region}.openai.azure.com`, deployment: 'gpt-4o-mini', apiVersion: '2024-10-21', apiKey: `key-${region}-0123456789abcdef`, region } satisfies TargetConfig,
    ]),
  )
  targets.openai = { provider: 'openai', model: 'gpt-4o-mini', baseURL: 'https://api.openai.test/v1', apiKey: 'sk-openai-0123456789abcdef' }
  const llm = createLlmClient({ targets, routes: { answer: { chain, maxRetriesPerTarget: 0, ...route } }, onEvent: log.listener })
  onTestFinished(() => llm.close())
  return { llm, log }
}

const count = (name: string) => arrivals.filter((arrival) => arrival === name).length

async function callTimes(llm: LlmClient, times: number): Promise<string[]> {
  const servedBy: string[] = []
  for (let call = 0; call < times; call += 1) servedBy.push((await llm.chat({ route: 'answer', messages })).servedBy)
  return servedBy
}

describe('pools at the HTTP boundary (three Azure regions)', () => {
  it('round-robin spreads 60 calls evenly, rotating the start region on every call', async () => {
    const { llm } = client([{ pool: ['azure-japaneast', 'azure-eastus2', 'azure-swedencentral'] }])
    const servedBy = await callTimes(llm, 60)
    expect([count('japaneast'), count('eastus2'), count('swedencentral')]).toEqual([20, 20, 20])
    expect(servedBy.slice(0, 4)).toEqual(['azure-japaneast', 'azure-eastus2', 'azure-swedencentral', 'azure-japaneast'])
  })

  it('weighted 3:1 sends exactly 45 and 15 of 60 calls, interleaved (one in every four to the light region)', async () => {
    const { llm } = client([{ pool: ['azure-japaneast', 'azure-swedencentral'], strategy: 'weighted', weights: { 'azure-japaneast': 3, 'azure-swedencentral': 1 } }])
    const servedBy = await callTimes(llm, 60)
    expect([count('japaneast'), count('swedencentral')]).toEqual([45, 15])
    for (let window = 0; window < 60; window += 4) {
      expect(servedBy.slice(window, window + 4).filter((name) => name === 'azure-swedencentral')).toHaveLength(1)
    }
  })

  it('least-latency prefers the fast region after warm-up and probes the slow one every 10th call', async () => {
    behaviour = { swedencentral: { delayMs: 60 } }
    const { llm } = client([{ pool: ['azure-japaneast', 'azure-swedencentral'], strategy: 'least-latency' }])
    const servedBy = await callTimes(llm, 60)
    // Warm-up measures both (calls 1 and 2); then calls 10, 20, … 60 re-measure the slow one.
    expect(servedBy.slice(0, 2)).toEqual(['azure-japaneast', 'azure-swedencentral'])
    const slowCalls = servedBy.flatMap((name, index) => (name === 'azure-swedencentral' ? [index + 1] : []))
    expect(slowCalls).toEqual([2, 10, 20, 30, 40, 50, 60])
    expect(count('japaneast')).toBe(53)
    const stats = llm.targetStats()
    const latencyOf = (target: string) => stats.find((entry) => entry.target === target)?.latencyEwmaMs ?? Number.NaN
    expect(latencyOf('azure-swedencentral')).toBeGreaterThan(latencyOf('azure-japaneast'))
  })

  it('least-latency moves traffic when the preferred region slows down', async () => {
    // Gaps of 150 ms and 450 ms: wide enough that a loaded machine's jitter cannot reorder them.
    behaviour = { swedencentral: { delayMs: 150 } }
    const { llm } = client([{ pool: ['azure-japaneast', 'azure-swedencentral'], strategy: 'least-latency', probeEveryCalls: 0 }])
    await callTimes(llm, 5)
    expect(count('swedencentral')).toBe(1)
    behaviour = { japaneast: { delayMs: 450 } }
    const servedBy = await callTimes(llm, 12)
    // Japan East's smoothed latency climbs past Sweden Central's (~150 ms) within a few calls.
    expect(servedBy.slice(-4)).toEqual(['azure-swedencentral', 'azure-swedencentral', 'azure-swedencentral', 'azure-swedencentral'])
  })

  it('a failing pool member falls back to the next member, then to the next chain entry', async () => {
    behaviour = { japaneast: { status: 500 } }
    const { llm, log } = client([{ pool: ['azure-japaneast', 'azure-swedencentral'] }, 'openai'])
    const first = await llm.chat({ route: 'answer', messages })
    expect(first.servedBy).toBe('azure-swedencentral')
    expect(first.attempts.map(({ target, outcome, status }) => ({ target, outcome, status }))).toEqual([
      { target: 'azure-japaneast', outcome: 'error', status: 500 },
      { target: 'azure-swedencentral', outcome: 'success', status: undefined },
    ])
    expect(log.of('fallback', 'azure-japaneast')[0]).toMatchObject({ nextTarget: 'azure-swedencentral', errorCode: 'server' })
    // Round-robin: the next call starts in Sweden Central and never touches Japan East.
    const second = await llm.chat({ route: 'answer', messages })
    expect(second.attempts.map((attempt) => attempt.target)).toEqual(['azure-swedencentral'])

    behaviour = { japaneast: { status: 500 }, swedencentral: { status: 503 } }
    const third = await llm.chat({ route: 'answer', messages })
    expect(third.servedBy).toBe('openai')
    expect(third.attempts.map(({ target, outcome }) => `${target}:${outcome}`)).toEqual(['azure-japaneast:error', 'azure-swedencentral:error', 'openai:success'])
    expect(arrivals).toEqual(['japaneast', 'swedencentral', 'swedencentral', 'japaneast', 'swedencentral', 'openai'])
  })
})
