import { createLlmClient, createProviderAdapter } from '@voxguard/llm'
import OpenAI from 'openai'
import { startBenchOpenAiServer } from './llm-openai-server.ts'
const messages = [{ role: 'user' as const, content: 'When do you open on Monday?' }]
const healthy = await startBenchOpenAiServer('answer')
const llm = createLlmClient({ targets: { local: { provider: 'openai', model: 'gpt-4o-mini', baseURL: healthy.baseURL, apiKey: 'bench-key' } }, routes: { answer: { chain: ['local'] } } })
const raw = new OpenAI({ apiKey: 'bench-key', baseURL: healthy.baseURL, maxRetries: 0 })
const adapter = createProviderAdapter('local', { provider: 'openai', model: 'gpt-4o-mini', baseURL: healthy.baseURL, apiKey: 'bench-key' })
const variants: Record<string, () => Promise<unknown>> = {
  raw: () => raw.chat.completions.create({ model: 'gpt-4o-mini', messages }),
  llmFirst: () => llm.chat({ route: 'answer', messages }),


  adapter: () => adapter.chat({ messages, signal: new AbortController().signal }),
  llm: () => llm.chat({ route: 'answer', messages }),
  raw2: () => raw.chat.completions.create({ model: 'gpt-4o-mini', messages }),
}
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]))
for (let i = 0; i < 5000; i++) for (const [k, run] of Object.entries(variants)) { const t = performance.now(); await run(); if (i >= 300) samples[k]!.push(performance.now() - t) }
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!
const base = med(samples.raw!)
for (const k of Object.keys(variants)) console.log(k.padEnd(16), med(samples[k]!).toFixed(3), (med(samples[k]!) / base).toFixed(3))
llm.close(); await healthy.close()
