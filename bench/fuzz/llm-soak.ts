// Soak of the LLM client: many calls with faults (429, 500, 503, hangs) against the mock
// providers, heap and RSS sampled after warm-up; after close() the process must exit by itself
// (no handle left): run as a child with no explicit exit.
import { createLlmClient } from '@voxguard/llm'
import { startMockServer } from '@voxguard/mock-llm'

const calls = Number(process.argv[2] ?? 100_000)
const server = await startMockServer({
  profile: {
    seed: 11,
    targets: {
      primary: { ttftMs: 1, tokensPerSecond: 100_000, errors: { rate429: 0.03, rate500: 0.03, rate503: 0.02 }, hangRate: 0.001 },
      secondary: { ttftMs: 1, tokensPerSecond: 100_000, errors: { rate500: 0.02 } },
    },
  },
})
const llm = createLlmClient({
  targets: {
    primary: { provider: 'openai', model: 'gpt-4o-mini', baseURL: server.endpoints('primary').openai, apiKey: 'mock-key' },
    secondary: { provider: 'openai', model: 'gpt-4o-mini', baseURL: server.endpoints('secondary').openai, apiKey: 'mock-key' },
  },
  routes: { answer: { chain: ['primary', 'secondary'], deadlineMs: 2000 } },
})
const samples: Array<{ calls: number; heapMb: number; rssMb: number }> = []
let served = 0
let failed = 0
const concurrency = 32
let next = 0
const startedAt = performance.now()
async function worker(): Promise<void> {
  while (next < calls) {
    const index = next++
    try {
      await llm.chat({ route: 'answer', messages: [{ role: 'user', content: `When are you open? (${index})` }] })
      served += 1
    } catch {
      failed += 1
    }
    if (index % 10_000 === 0) {
      globalThis.gc?.()
      const memory = process.memoryUsage()
      samples.push({ calls: index, heapMb: Math.round(memory.heapUsed / 1e5) / 10, rssMb: Math.round(memory.rss / 1e5) / 10 })
    }
  }
}
await Promise.all(Array.from({ length: concurrency }, worker))
llm.close()
await server.close()
process.stdout.write(`${JSON.stringify({ calls, served, failed, seconds: Math.round((performance.now() - startedAt) / 100) / 10, samples })}\n`)
// No process.exit: the parent measures how long the process takes to exit on its own.
