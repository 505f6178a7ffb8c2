/**
 * @voxguard/llm overhead and outage benchmark.
 *   cd bench && node --conditions=source llm-overhead.bench.ts
 * 1. `llm.chat` vs the raw `openai` client against the same local server, interleaved in one run.
 * 2. Time to serve when the primary is down (connection refused, hanging), breaker closed vs open.
 * 3. Per-part cost of `llm.stream` over reading the same adapter stream directly (in memory, no socket).
 */
import { createLlmClient, type LlmClient, type ProviderAdapter, type ProviderStreamPart } from '@voxguard/llm'
import OpenAI from 'openai'
import { refusedBaseUrl, startBenchOpenAiServer } from './llm-openai-server.ts'

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

// 1. Overhead on the happy path.
const raw = new OpenAI({ apiKey: 'bench-key', baseURL: healthy.baseURL, maxRetries: 0 })
const llm = createLlmClient({
  targets: { local: { provider: 'openai', model: 'gpt-4o-mini', baseURL: healthy.baseURL, apiKey: 'bench-key' } },
  routes: { answer: { chain: ['local'] } },
})
const iterations = quick ? 300 : 3000
const rawSamples: number[] = []
const llmSamples: number[] = []
for (let index = 0; index < iterations + 200; index += 1) {
  const rawMs = await time(() => raw.chat.completions.create({ model: 'gpt-4o-mini', messages }))
  const llmMs = await time(() => llm.chat({ route: 'answer', messages }))
  if (index >= 200) {
    rawSamples.push(rawMs)
    llmSamples.push(llmMs)
  }
}
llm.close()

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
const outages = [
  { name: 'primary refused, breaker closed', ...(await outage(refused, false, quick ? 20 : 100)) },
  { name: 'primary refused, breaker open', ...(await outage(refused, true, quick ? 100 : 500)) },
  { name: 'primary hanging, breaker closed', ...(await outage(hanging.baseURL, false, quick ? 3 : 10)) },
  { name: 'primary hanging, breaker open', ...(await outage(hanging.baseURL, true, quick ? 100 : 500)) },
]
await Promise.all([healthy.close(), hanging.close()])

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

const rawMedian = percentile(rawSamples, 0.5)
const llmMedian = percentile(llmSamples, 0.5)
console.log(`\n### llm.chat vs raw openai client (${iterations} calls each, interleaved, local server)\n`)
console.log('| client | median ms | p99 ms |')
console.log('|---|---:|---:|')
console.log(`| raw \`openai\` | ${ms(rawMedian)} | ${ms(percentile(rawSamples, 0.99))} |`)
console.log(`| \`llm.chat\` | ${ms(llmMedian)} | ${ms(percentile(llmSamples, 0.99))} |`)
console.log(`| **overhead ratio** (llm / raw) | **${(llmMedian / rawMedian).toFixed(3)}** | **${(percentile(llmSamples, 0.99) / percentile(rawSamples, 0.99)).toFixed(3)}** |`)
console.log('\n### Time to serve from the secondary when the primary is down (route attemptTimeoutMs 500, default retries)\n')
console.log('| primary | calls | breaker | median ms | p99 ms |')
console.log('|---|---:|---|---:|---:|')
for (const row of outages) console.log(`| ${row.name} | ${row.samples.length} | ${row.state} | ${ms(percentile(row.samples, 0.5))} | ${ms(percentile(row.samples, 0.99))} |`)
const directMedian = percentile(directPartUs, 0.5)
const routedMedian = percentile(routedPartUs, 0.5)
console.log(`\n### Streaming: cost per part (${streamParts} parts, in-memory adapter, median of 5 rounds)\n`)
console.log('| reader | µs per part |')
console.log('|---|---:|')
console.log(`| adapter stream read directly | ${directMedian.toFixed(3)} |`)
console.log(`| \`llm.stream\` | ${routedMedian.toFixed(3)} |`)
console.log(`| **added by the router per part** | **${(routedMedian - directMedian).toFixed(3)}** |`)
