/**
 * @voxguard/llm overhead and outage benchmark.
 *   cd bench && node --conditions=source llm-overhead.bench.ts
 * 1. `llm.chat` vs the raw `openai` client against the same local server, interleaved in one run,
 *    with local state and with fleet state in a real redis-server (with and without a leased RPM/TPM window).
 * 2. Time to serve when the primary is down (connection refused, hanging), breaker closed vs open,
 *    next to a client that only has the secondary.
 * 3. Per-part cost of `llm.stream` over reading the same adapter stream directly (in memory, no socket).
 * 4. Fleet: time for a breaker one client opens to open in another client (separate Redis connections).
 */
import { createLlmClient, type LlmClient, type LlmEvent, type ProviderAdapter, type ProviderStreamPart } from '@voxguard/llm'
import { createRedisSharedState } from '@voxguard/llm/redis'
import OpenAI from 'openai'
import { refusedBaseUrl, startBenchOpenAiServer } from './llm-openai-server.ts'
import { startBenchRedis } from './redis-for-bench.ts'

const messages = [{ role: 'user' as const, content: 'When do you open on Monday?' }]
const quick = process.argv.includes('--quick')

function percentile(samples: number[], ratio: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(ratio * sorted.length))] as number
}
const ms = (value: number) => value.toFixed(3)

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await run()
  return performance.now() - started
}

const healthy = await startBenchOpenAiServer('answer')
const hanging = await startBenchOpenAiServer('hang')
const refused = await refusedBaseUrl()

// 1. Overhead on the happy path: local state, and fleet state in Redis.
const redis = await startBenchRedis()
const raw = new OpenAI({ apiKey: 'bench-key', baseURL: healthy.baseURL, maxRetries: 0 })
const happyClient = (sharedState: boolean, limits: boolean) =>
  createLlmClient({
    targets: { local: { provider: 'openai', model: 'gpt-4o-mini', baseURL: healthy.baseURL, apiKey: 'bench-key', ...(limits ? { requestsPerMinute: 100_000, tokensPerMinute: 100_000_000 } : {}) } },
    routes: { answer: { chain: ['local'] } },
    ...(sharedState && redis !== undefined ? { sharedState: createRedisSharedState({ namespace: `bench-${process.pid}-${String(limits)}`, redis: redis.url }) } : {}),
  })
const variants: Array<{ name: string; run: () => Promise<unknown>; close?: () => void }> = [{ name: 'raw `openai`', run: () => raw.chat.completions.create({ model: 'gpt-4o-mini', messages }) }]
for (const [name, shared, limits] of [['`llm.chat`, local state', false, false], ['`llm.chat`, shared state (Redis)', true, false], ['`llm.chat`, shared state + fleet RPM/TPM window', true, true]] as const) {
  if (shared && redis === undefined) continue
  const client = happyClient(shared, limits)
  variants.push({ name, run: () => client.chat({ route: 'answer', messages }), close: () => client.close() })
}
await new Promise((resolve) => setTimeout(resolve, 300)) // the shared-state clients reach Redis
const iterations = quick ? 300 : 3000
const happySamples = variants.map(() => [] as number[])
for (let index = 0; index < iterations + 200; index += 1) {
  for (const [position, variant] of variants.entries()) {
    const elapsed = await time(variant.run)
    if (index >= 200) happySamples[position]?.push(elapsed)
  }
}
for (const variant of variants) variant.close?.()

// 2. Primary down: refused or hanging, breaker closed (every call tries it) vs open (skipped).
function outageClient(primaryUrl: string, breakerOpenable: boolean): LlmClient {
  return createLlmClient({
    targets: {
      primary: { provider: 'openai', model: 'gpt-4o-mini', baseURL: primaryUrl, apiKey: 'bench-key' },
      secondary: { provider: 'openai', model: 'gpt-4o-mini', baseURL: healthy.baseURL, apiKey: 'bench-key' },
    },
    routes: { answer: { chain: ['primary', 'secondary'], attemptTimeoutMs: 500 } },
    breaker: breakerOpenable ? { volumeThreshold: 1, resetTimeoutMs: 600_000 } : { volumeThreshold: 1_000_000 },
  })
}
async function outage(primaryUrl: string, breakerOpen: boolean, calls: number) {
  const client = outageClient(primaryUrl, breakerOpen)
  if (breakerOpen) await client.chat({ route: 'answer', messages }) // fails on primary once: opens its breaker
  const samples: number[] = []
  for (let index = 0; index < calls; index += 1) {
    samples.push(await time(async () => {
      const result = await client.chat({ route: 'answer', messages })
      if (result.servedBy !== 'secondary') throw new Error('expected the secondary to serve')
    }))
  }
  const state = client.targetStats().find((stats) => stats.target === 'primary')?.breakerState
  client.close()
  return { samples, state }
}
// The secondary's own latency, measured in the same loop as the refused primary's calls.
async function refusedNextToSecondaryAlone(calls: number) {
  const refusedClient = outageClient(refused, false)
  const alone = createLlmClient({ targets: { secondary: { provider: 'openai', model: 'gpt-4o-mini', baseURL: healthy.baseURL, apiKey: 'bench-key' } }, routes: { answer: { chain: ['secondary'] } } })
  const refusedSamples: number[] = []
  const aloneSamples: number[] = []
  for (let index = 0; index < calls + 20; index += 1) {
    const refusedMs = await time(() => refusedClient.chat({ route: 'answer', messages }))
    const aloneMs = await time(() => alone.chat({ route: 'answer', messages }))
    if (index >= 20) {
      refusedSamples.push(refusedMs)
      aloneSamples.push(aloneMs)
    }
  }
  refusedClient.close()
  alone.close()
  return { refusedSamples, aloneSamples }
}
const refusedSide = await refusedNextToSecondaryAlone(quick ? 100 : 500)
const outages = [
  { name: 'primary refused, breaker closed', samples: refusedSide.refusedSamples, state: 'closed' },
  { name: 'secondary alone (its own latency, same loop)', samples: refusedSide.aloneSamples, state: '-' },
  { name: 'primary refused, breaker open', ...(await outage(refused, true, quick ? 100 : 500)) },
  { name: 'primary hanging, breaker closed', ...(await outage(hanging.baseURL, false, quick ? 3 : 10)) },
  { name: 'primary hanging, breaker open', ...(await outage(hanging.baseURL, true, quick ? 100 : 500)) },
]

// 3. Streaming: what the router adds per part (timers, failover bookkeeping), without any I/O.
const streamParts = quick ? 20_000 : 200_000
const memoryAdapter: ProviderAdapter = {
  provider: 'openai',
  targetName: 'memory',
  model: 'gpt-4o-mini',
  chat: () => Promise.reject(new Error('stream only')),
  stream: () =>
    Promise.resolve({
      headers: {},
      parts: (async function* (): AsyncGenerator<ProviderStreamPart> {
        for (let index = 0; index < streamParts; index += 1) yield { type: 'text-delta', text: 'x' }
        yield { type: 'finish', finishReason: 'stop' }
      })(),
    }),
}
const streaming = createLlmClient({
  targets: { memory: { provider: 'openai', model: 'gpt-4o-mini', apiKey: 'bench-key' } },
  routes: { answer: { chain: ['memory'] } },
  createAdapter: () => memoryAdapter,
})
const directPartUs: number[] = []
const routedPartUs: number[] = []
for (let round = 0; round < 5; round += 1) {
  directPartUs.push((await time(async () => {
    for await (const part of (await memoryAdapter.stream({ messages, signal: new AbortController().signal })).parts) void part
  })) * 1000 / streamParts)
  routedPartUs.push((await time(async () => {
    for await (const part of streaming.stream({ route: 'answer', messages })) void part
  })) * 1000 / streamParts)
}
streaming.close()

// 4. Fleet: an outage one client sees opens the breaker in another (each with its own Redis connections).
const propagationMs: number[] = []
if (redis !== undefined) {
  for (let round = 0; round < (quick ? 5 : 20); round += 1) {
    const opened: Array<Promise<LlmEvent>> = []
    const clients = ['a', 'b'].map(() => {
      let resolveOpen: (event: LlmEvent) => void = () => undefined
      opened.push(new Promise((resolve) => (resolveOpen = resolve)))
      return createLlmClient({
        targets: {
          primary: { provider: 'openai', model: 'gpt-4o-mini', baseURL: refused, apiKey: 'bench-key' },
          secondary: { provider: 'openai', model: 'gpt-4o-mini', baseURL: healthy.baseURL, apiKey: 'bench-key' },
        },
        routes: { answer: { chain: ['primary', 'secondary'] } },
        breaker: { volumeThreshold: 1, resetTimeoutMs: 60_000 },
        sharedState: createRedisSharedState({ namespace: `bench-propagation-${process.pid}-${round}`, redis: redis.url }),
        onEvent: (event) => (event.type === 'breaker-open' && event.target === 'primary' ? resolveOpen(event) : undefined),
      })
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    await clients[0]?.chat({ route: 'answer', messages })
    const [first, second] = await Promise.all(opened)
    propagationMs.push((second as LlmEvent).timeMs - (first as LlmEvent).timeMs)
    for (const client of clients) client.close()
  }
  redis.stop()
}
await Promise.all([healthy.close(), hanging.close()])

const rawSamples = happySamples[0] as number[]
const rawMedian = percentile(rawSamples, 0.5)
console.log(`\n### llm.chat vs raw openai client (${iterations} calls each, interleaved, local server${redis === undefined ? '; redis-server not installed: shared-state rows skipped' : ', local redis-server'})\n`)
console.log('| client | median ms | p99 ms | median ratio to raw |')
console.log('|---|---:|---:|---:|')
for (const [position, variant] of variants.entries()) {
  const samples = happySamples[position] as number[]
  console.log(`| ${variant.name} | ${ms(percentile(samples, 0.5))} | ${ms(percentile(samples, 0.99))} | **${(percentile(samples, 0.5) / rawMedian).toFixed(3)}** |`)
}
const localMedian = percentile(happySamples[1] as number[], 0.5)
for (const [position, variant] of variants.entries()) {
  if (position < 2) continue
  console.log(`| added by ${variant.name.replace('`llm.chat`, ', '')} over local state | ${ms(percentile(happySamples[position] as number[], 0.5) - localMedian)} | | ${(percentile(happySamples[position] as number[], 0.5) / localMedian).toFixed(3)} (to local) |`)
}
console.log('\n### Time to serve from the secondary when the primary is down (route attemptTimeoutMs 500, default retries and backoff)\n')
console.log('| primary | calls | breaker | median ms | p99 ms |')
console.log('|---|---:|---|---:|---:|')
for (const row of outages) console.log(`| ${row.name} | ${row.samples.length} | ${row.state} | ${ms(percentile(row.samples, 0.5))} | ${ms(percentile(row.samples, 0.99))} |`)
const refusedOver = percentile(refusedSide.refusedSamples, 0.5) - percentile(refusedSide.aloneSamples, 0.5)
console.log(`| **primary refused, breaker closed: time over the secondary's own latency** | | | **${ms(refusedOver)}** | |`)
const directMedian = percentile(directPartUs, 0.5)
const routedMedian = percentile(routedPartUs, 0.5)
console.log(`\n### Streaming: cost per part (${streamParts} parts, in-memory adapter, median of 5 rounds)\n`)
console.log('| reader | µs per part |')
console.log('|---|---:|')
console.log(`| adapter stream read directly | ${directMedian.toFixed(3)} |`)
console.log(`| \`llm.stream\` | ${routedMedian.toFixed(3)} |`)
console.log(`| **added by the router per part** | **${(routedMedian - directMedian).toFixed(3)}** |`)
if (propagationMs.length > 0) {
  console.log(`\n### Fleet: a breaker one client opens, opened in another client (${propagationMs.length} rounds, one redis-server)\n`)
  console.log('| measure | median ms | max ms |')
  console.log('|---|---:|---:|')
  console.log(`| breaker-open in client a → breaker-open in client b | ${ms(percentile(propagationMs, 0.5))} | ${ms(Math.max(...propagationMs))} |`)
}
