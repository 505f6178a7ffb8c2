/**
 * @voxguard/mock-llm serving cost: how much slower is the mock than a bare Node HTTP server
 * that returns a fixed chat completion? Same openai client, interleaved in one run.
 *   cd bench && node --conditions=source mock-llm-overhead.bench.ts [--quick]
 */
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import OpenAI from 'openai'
import { startMockServer } from '@voxguard/mock-llm'

const quick = process.argv.includes('--quick')
const iterations = quick ? 300 : 2000
const messages = [{ role: 'user' as const, content: 'How much is a cleaning?' }]
const knowledgeBase = fileURLToPath(new URL('../examples/clinic-agent/knowledge.yaml', import.meta.url))

const fixedBody = JSON.stringify({
  id: 'chatcmpl-bare',
  object: 'chat.completion',
  created: 0,
  model: 'gpt-4o-mini',
  choices: [{ index: 0, message: { role: 'assistant', content: 'A cleaning is 5000 yen.' }, logprobs: null, finish_reason: 'stop' }],
  usage: { prompt_tokens: 10, completion_tokens: 6, total_tokens: 16 },
})
const bare = createServer((request, response) => {
  request.resume()
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(fixedBody) })
    response.end(fixedBody)
  })
})
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve))
const barePort = (bare.address() as { port: number }).port
const mock = await startMockServer({ profile: { targets: { clinic: {} } }, knowledgeBase })

const client = (baseURL: string) => new OpenAI({ apiKey: 'bench-key', baseURL, maxRetries: 0 })
const bareClient = client(`http://127.0.0.1:${barePort}/v1`)
const clinic = client(mock.endpoints('clinic').openai)
const cases: [string, () => Promise<unknown>][] = [
  ['bare node:http, fixed JSON', () => bareClient.chat.completions.create({ model: 'gpt-4o-mini', messages })],
  ['mock-llm JSON (brain on clinic KB)', () => clinic.chat.completions.create({ model: 'gpt-4o-mini', messages })],
  [
    'mock-llm SSE stream (brain, usage chunk)',
    async () => {
      const stream = await clinic.chat.completions.create({ model: 'gpt-4o-mini', messages, stream: true, stream_options: { include_usage: true } })
      for await (const chunk of stream) void chunk
    },
  ],
]

const samples = cases.map(() => [] as number[])
for (let index = 0; index < iterations + 100; index += 1) {
  for (const [caseIndex, [, run]] of cases.entries()) {
    const started = performance.now()
    await run()
    if (index >= 100) samples[caseIndex]!.push(performance.now() - started)
  }
}
await mock.close()
bare.close()

const percentile = (values: number[], ratio: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(ratio * values.length))]!
const baseMedian = percentile(samples[0]!, 0.5)
console.log(`### mock-llm vs a bare server (${iterations} requests each, interleaved, openai client, Node ${process.version})\n`)
console.log('| server | median ms | p99 ms | median ratio vs bare |')
console.log('|---|---:|---:|---:|')
for (const [caseIndex, [name]] of cases.entries()) {
  const median = percentile(samples[caseIndex]!, 0.5)
  console.log(`| ${name} | ${median.toFixed(3)} | ${percentile(samples[caseIndex]!, 0.99).toFixed(3)} | ${(median / baseMedian).toFixed(2)} |`)
}
