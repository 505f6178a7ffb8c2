/**
 * @voxguard/harness, Twilio Media Streams at scale: ≥ 200 concurrent calls streaming
 * 20 ms μ-law frames in real time to a Twilio-style agent in a child process. Reports how
 * late frames were sent versus their deadlines (the harness's deadline scheduler, all
 * frames), the inter-arrival jitter seen by the agent, and, side by side, the same streams
 * paced the naive way (one `setInterval(20)` per stream), as ratios, and the CPU time this
 * process spends per frame sent (the harness's also covers the agent's media it receives). Calls start 5 ms apart
 * (`startIntervalMs`), so all 200 are in flight after one second.
 *
 * Run: cd bench && node --conditions=source harness-twilio.bench.ts [--quick]
 */
import { fork } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import WebSocket, { WebSocketServer } from 'ws'
import { runCalls } from '@voxguard/harness'
import { FrameScheduler, writeWav } from '@voxguard/harness/audio'
import type { CallScript } from '@voxguard/harness'

const quick = process.argv.includes('--quick')
const CALLS = quick ? 50 : 200
const SPEECH_MS = 1000
const REPLY_AUDIO_MS = 500
const NAIVE_DURATION_MS = 5000

if (process.argv[2] === '--agent') runAgent()
else await main()

/** A Twilio app: end of caller speech (15 quiet frames) → 500 ms of audio + a mark; records arrival gaps. */
function runAgent(): void {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, backlog: 4096 })
  let gaps: number[] = []
  server.on('connection', (socket) => {
    let streamSid = ''
    let lastArrival = 0
    let speech = 0
    let quiet = 0
    const reply = Buffer.alloc(160, 0x10).toString('base64')
    socket.on('message', (data) => {
      const now = performance.now()
      const message = JSON.parse(data.toString()) as { event: string; streamSid?: string; media?: { payload: string } }
      if (message.event === 'start') streamSid = message.streamSid!
      if (message.event !== 'media') return
      if (lastArrival) gaps.push(now - lastArrival)
      lastArrival = now
      const isSpeech = message.media!.payload.charCodeAt(0) !== 47 // base64 of 0xFF… starts with "/"
      if (isSpeech) {
        speech++
        quiet = 0
      } else if (speech > 0 && ++quiet === 15) {
        speech = 0
        for (let index = 0; index < REPLY_AUDIO_MS / 20; index++) socket.send(JSON.stringify({ event: 'media', streamSid, media: { payload: reply } }))
        socket.send(JSON.stringify({ event: 'mark', streamSid, mark: { name: 'reply' } }))
      }
    })
  })
  server.on('listening', () => process.send!({ port: (server.address() as AddressInfo).port }))
  process.on('message', (message: string) => {
    if (message === 'reset') gaps = []
    if (message === 'report') process.send!({ gaps })
  })
}

async function main(): Promise<void> {
  const agent = fork(fileURLToPath(import.meta.url), ['--agent'], { execArgv: ['--conditions=source'] })
  const nextMessage = <T>() => new Promise<T>((resolve) => agent.once('message', (message: T) => resolve(message)))
  const { port } = await nextMessage<{ port: number }>()
  const url = `ws://127.0.0.1:${port}/twilio`
  const outDir = fileURLToPath(new URL('./out/harness-twilio', import.meta.url))
  mkdirSync(outDir, { recursive: true })
  const toneFile = `${outDir}/tone.wav`
  writeFileSync(toneFile, writeWav(Int16Array.from({ length: 8 * SPEECH_MS }, (_, index) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * index) / 8000))), 8000))
  try {
    // 1. Naive pacing: setInterval(20) per stream, silence frames, same agent.
    agent.send('reset')
    const naiveCpu = process.cpuUsage()
    const naive = await naiveStreams(url)
    const naiveCpuMs = cpuMsSince(naiveCpu)
    agent.send('report')
    const naiveGaps = (await nextMessage<{ gaps: number[] }>()).gaps
    // 2. The harness: runCalls in Twilio mode, two spoken turns per call.
    agent.send('reset')
    const scheduler = new FrameScheduler()
    const turn = { action: { kind: 'text' as const, text: 'What time do you open?' }, audioFile: toneFile, source: { file: 'bench', line: 1 } }
    const scripts: CallScript[] = Array.from({ length: CALLS }, (_, index) => ({ id: `twilio-${index}`, file: 'bench', tags: [], language: 'en', greeting: false, variables: {}, turns: [turn, turn] }))
    let failures = 0
    const firstMedia: number[] = []
    const startedAt = performance.now()
    const harnessCpu = process.cpuUsage()
    const stalls: string[] = []
    let lastTick = performance.now()
    const probe = setInterval(() => {
      const now = performance.now()
      if (now - lastTick > 12) stalls.push(`${(lastTick - startedAt).toFixed(0)}+${(now - lastTick - 5).toFixed(0)}`)
      lastTick = now
    }, 5)
    await runCalls({
      scripts,
      agentUrl: url,
      protocol: 'twilio',
      concurrency: CALLS,
      endGraceMs: 0,
      frameScheduler: scheduler,
      startIntervalMs: 5,
      outDir,
      onRecord: (record) => {
        if (record.failure) failures++
        for (const item of record.turns.slice(1)) if (item.agent.audio?.firstMediaMs !== undefined) firstMedia.push(item.agent.audio.firstMediaMs)
      },
    })
    const wallMs = performance.now() - startedAt
    const harnessCpuMs = cpuMsSince(harnessCpu)
    clearInterval(probe)
    if (process.env.PROBE) console.log('stalls', stalls.join(' '))
    agent.send('report')
    const harnessGaps = (await nextMessage<{ gaps: number[] }>()).gaps
    const stats = scheduler.stats()
    const jitter = (gaps: number[]) => gaps.map((gap) => Math.abs(gap - 20))
    console.log(`\n### Twilio mode: ${CALLS} concurrent calls, 20 ms μ-law frames (Node ${process.version})\n`)
    const naivePerFrame = (naiveCpuMs * 1000) / naive.lateness.length
    const harnessPerFrame = (harnessCpuMs * 1000) / stats.frames
    console.log('| pacing | streams | frames | send lateness p50 ms | p99 ms | max ms | agent-side gap jitter p50 ms | p99 ms | CPU µs/frame |')
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
    console.log(`| naive \`setInterval(20)\` per stream | ${CALLS} | ${naive.lateness.length} | ${fixed(pct(naive.lateness, 0.5))} | ${fixed(pct(naive.lateness, 0.99))} | ${fixed(Math.max(...naive.lateness))} | ${fixed(pct(jitter(naiveGaps), 0.5))} | ${fixed(pct(jitter(naiveGaps), 0.99))} | ${naivePerFrame.toFixed(1)} |`)
    console.log(`| harness \`FrameScheduler\` (deadlines) | ${CALLS} | ${stats.frames} | ${fixed(stats.latenessMs.p50)} | ${fixed(stats.latenessMs.p99)} | ${fixed(stats.latenessMs.max)} | ${fixed(pct(jitter(harnessGaps), 0.5))} | ${fixed(pct(jitter(harnessGaps), 0.99))} | ${harnessPerFrame.toFixed(1)} |`)
    console.log(`| **ratio** harness / naive | | | | **${ratio(stats.latenessMs.p99, pct(naive.lateness, 0.99))}** | ${ratio(stats.latenessMs.max, Math.max(...naive.lateness))} | | ${ratio(pct(jitter(harnessGaps), 0.99), pct(jitter(naiveGaps), 0.99))} | **${ratio(harnessPerFrame, naivePerFrame)}** |`)
    console.log(`\nharness: ${failures} failed calls, ${(wallMs / 1000).toFixed(1)} s; turn latency (end of caller audio → first agent media, agent waits 300 ms of silence) p50 ${fixed(pct(firstMedia, 0.5))} ms, p99 ${fixed(pct(firstMedia, 0.99))} ms`)
    console.log(`target: send lateness p99 < 5 ms → ${stats.latenessMs.p99 < 5 ? 'met' : 'NOT met'}`)
    if (failures > 0) process.exitCode = 1
  } finally {
    agent.kill()
  }
}

/** Lateness = send time − the ideal k × 20 ms; setInterval drifts and bunches under load. */
async function naiveStreams(url: string): Promise<{ lateness: number[] }> {
  const lateness: number[] = []
  const silence = Buffer.alloc(160, 0xff).toString('base64')
  await Promise.all(
    Array.from(
      { length: CALLS },
      (_, index) =>
        new Promise<void>((resolve) => {
          const socket = new WebSocket(url, { perMessageDeflate: false })
          socket.on('open', () => {
            socket.send(JSON.stringify({ event: 'connected', protocol: 'Call', version: '1.0.0' }))
            socket.send(JSON.stringify({ event: 'start', sequenceNumber: '1', streamSid: `MZ${index}`, start: { streamSid: `MZ${index}`, customParameters: {} } }))
            const start = performance.now()
            let frame = 0
            const timer = setInterval(() => {
              lateness.push(performance.now() - (start + (frame + 1) * 20))
              socket.send(JSON.stringify({ event: 'media', sequenceNumber: String(frame + 2), streamSid: `MZ${index}`, media: { track: 'inbound', chunk: String(frame + 1), timestamp: String(frame * 20), payload: silence } }))
              if (++frame * 20 >= NAIVE_DURATION_MS) {
                clearInterval(timer)
                socket.close()
              }
            }, 20)
          })
          socket.on('close', () => resolve())
          socket.on('error', () => resolve())
        }),
    ),
  )
  return { lateness }
}

/** CPU time (user + system) of this process since `start`, in ms. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

function pct(values: number[], ratio: number): number {
  const sorted = [...values].sort((left, right) => left - right)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(ratio * sorted.length) - 1))] ?? 0
}
function fixed(value: number): string {
  return value.toFixed(2)
}
function ratio(left: number, right: number): string {
  return right === 0 ? 'n/a' : (left / right).toFixed(2)
}
