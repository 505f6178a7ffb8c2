/**
 * @voxguard/harness, text protocol at scale: ≥ 1,000 concurrent calls against a trivial
 * agent in a child process that answers each caller message after a known delay. Reports
 * the harness-added timing error (measured firstByteMs − the agent's delay) p50/p99 and
 * the harness process's peak memory and CPU time per call, side by side with a bare `ws` client doing the same
 * calls (the floor: loopback + both event loops), as ratios.
 *
 * Run: cd bench && node --conditions=source harness-text.bench.ts [--quick]
 */
import { fork } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import WebSocket, { WebSocketServer } from 'ws'
import { runCalls } from '@voxguard/harness'
import type { CallScript } from '@voxguard/harness'

const REPLY_DELAY_MS = 200
const TURNS = 3
const quick = process.argv.includes('--quick')
const CALLS = quick ? 200 : 1000

if (process.argv[2] === '--agent') {
  // The trivial agent: ready, then for each caller.text one delta + final after REPLY_DELAY_MS.
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, backlog: 4096 })
  server.on('connection', (socket) => {
    let reply = 0
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; callId?: string; text?: string }
      if (message.type === 'start') socket.send(JSON.stringify({ type: 'ready', callId: message.callId }))
      else if (message.type === 'caller.text') {
        const replyId = `r${reply++}`
        setTimeout(() => {
          socket.send(JSON.stringify({ type: 'agent.delta', replyId, text: 'We open at ' }))
          socket.send(JSON.stringify({ type: 'agent.final', replyId, text: 'We open at 9:00.' }))
        }, REPLY_DELAY_MS)
      } else if (message.type === 'caller.hangup') socket.close()
    })
  })
  server.on('listening', () => process.send!({ port: (server.address() as AddressInfo).port }))
} else {
  await main()
}

async function main(): Promise<void> {
  const agent = fork(fileURLToPath(import.meta.url), ['--agent'], { execArgv: ['--conditions=source'] })
  const port = await new Promise<number>((resolve) => agent.once('message', (message: { port: number }) => resolve(message.port)))
  const url = `ws://127.0.0.1:${port}/voxguard`
  try {
    const bare = await measure(() => bareCalls(url))
    const harness = await measure(() => harnessCalls(url))
    const row = (name: string, result: Measured) =>
      `| ${name} | ${CALLS} | ${result.errors.length} | ${fixed(pct(result.errors, 0.5))} | ${fixed(pct(result.errors, 0.99))} | ${fixed(Math.max(...result.errors))} | ${mb(result.peakRss)} | ${mb(result.peakHeap)} | ${(result.cpuMs / CALLS).toFixed(3)} | ${(result.wallMs / 1000).toFixed(1)} |`
    console.log(`\n### Text protocol: ${CALLS} concurrent calls × ${TURNS} turns, agent delay ${REPLY_DELAY_MS} ms (Node ${process.version})\n`)
    console.log('| client | calls | turns timed | error p50 ms | error p99 ms | error max ms | peak RSS MB | peak heap MB | CPU ms/call | wall s |')
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
    console.log(row('bare `ws` client (floor)', bare))
    console.log(row('`runCalls` (harness)', harness))
    console.log(`| **ratio** harness / bare | | | **${ratio(pct(harness.errors, 0.5), pct(bare.errors, 0.5))}** | **${ratio(pct(harness.errors, 0.99), pct(bare.errors, 0.99))}** | | ${ratio(harness.peakRss, bare.peakRss)} | ${ratio(harness.peakHeap, bare.peakHeap)} | **${ratio(harness.cpuMs, bare.cpuMs)}** | |`)
    console.log(`\nharness: ${harness.failures} failed calls; error = measured firstByteMs − ${REPLY_DELAY_MS} ms`)
    if (harness.failures > 0 || harness.errors.length !== CALLS * TURNS) process.exitCode = 1
  } finally {
    agent.kill()
  }
}

interface Measured {
  errors: number[]
  failures: number
  wallMs: number
  peakRss: number
  peakHeap: number
  /** CPU time (user + system) this process spent during the phase. */
  cpuMs: number
}

async function measure(run: () => Promise<{ errors: number[]; failures: number }>): Promise<Measured> {
  globalThis.gc?.()
  const base = process.memoryUsage()
  let peakRss = 0
  let peakHeap = 0
  const sample = setInterval(() => {
    const usage = process.memoryUsage()
    peakRss = Math.max(peakRss, usage.rss - base.rss)
    peakHeap = Math.max(peakHeap, usage.heapUsed - base.heapUsed)
  }, 20)
  const startedAt = performance.now()
  const cpu = process.cpuUsage()
  const result = await run()
  const used = process.cpuUsage(cpu)
  clearInterval(sample)
  return { ...result, wallMs: performance.now() - startedAt, peakRss, peakHeap, cpuMs: (used.user + used.system) / 1000 }
}

async function harnessCalls(url: string): Promise<{ errors: number[]; failures: number }> {
  const scripts: CallScript[] = Array.from({ length: CALLS }, (_, index) => ({
    id: `bench-${index}`,
    file: 'bench',
    tags: [],
    language: 'en',
    greeting: false,
    variables: {},
    turns: Array.from({ length: TURNS }, (_, turn) => ({ action: { kind: 'text' as const, text: `What time do you open? (${turn})` }, source: { file: 'bench', line: 1 } })),
  }))
  const errors: number[] = []
  let failures = 0
  await runCalls({
    scripts,
    agentUrl: url,
    concurrency: CALLS,
    endGraceMs: 0,
    turnTimeoutMs: 30_000,
    outDir: fileURLToPath(new URL('./out/harness-text', import.meta.url)),
    onRecord: (record) => {
      if (record.failure) failures++
      for (const turn of record.turns.slice(1)) if (turn.agent.firstByteMs !== undefined) errors.push(turn.agent.firstByteMs - REPLY_DELAY_MS)
    },
  })
  return { errors, failures }
}

/** The same calls with nothing but a ws client: the floor the harness is compared to. */
async function bareCalls(url: string): Promise<{ errors: number[]; failures: number }> {
  const errors: number[] = []
  let failures = 0
  await Promise.all(
    Array.from(
      { length: CALLS },
      (_, index) =>
        new Promise<void>((resolve) => {
          const socket = new WebSocket(url, { perMessageDeflate: false })
          let turn = 0
          let sentAt = 0
          let first = true
          const next = () => {
            turn++
            if (turn > TURNS) return socket.send(JSON.stringify({ type: 'caller.hangup' }))
            first = true
            sentAt = performance.now()
            socket.send(JSON.stringify({ type: 'caller.text', turn, text: 'What time do you open?' }))
          }
          socket.on('open', () => socket.send(JSON.stringify({ type: 'start', version: 1, callId: `bare-${index}`, scriptId: 'bare' })))
          socket.on('message', (data) => {
            const message = JSON.parse(data.toString()) as { type: string }
            if (message.type === 'ready') return next()
            if (first && (message.type === 'agent.delta' || message.type === 'agent.final')) {
              first = false
              errors.push(performance.now() - sentAt - REPLY_DELAY_MS)
            }
            if (message.type === 'agent.final') next()
          })
          socket.on('error', () => failures++)
          socket.on('close', () => resolve())
        }),
    ),
  )
  return { errors, failures }
}

function pct(values: number[], ratio: number): number {
  const sorted = [...values].sort((left, right) => left - right)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(ratio * sorted.length) - 1))] ?? 0
}
function fixed(value: number): string {
  return value.toFixed(2)
}
function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1)
}
function ratio(left: number, right: number): string {
  return right === 0 ? 'n/a' : (left / right).toFixed(2)
}
