/**
 * @voxguard/llm overhead and outage benchmark.
 *   cd bench && node --conditions=source llm-overhead.bench.ts
 * 1. `llm.chat` vs the raw `openai` client against the same local server, interleaved in one run.
 * 2. Time to serve when the primary is down (connection refused, hanging), breaker closed vs open.
 */
import { createLlmClient, type LlmClient } from '@voxguard/llm'
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
