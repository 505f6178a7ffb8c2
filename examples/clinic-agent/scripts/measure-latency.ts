/**
 * Measures the clinic agent's turn latency under the mock providers (calm profile):
 * text (caller.text → first agent.delta / agent.final) and Twilio audio (end of the
 * caller's speech → first outbound media frame; trailing silence paced in real time, so
 * the VAD hangover is included). Usage:
 *   node --conditions=source examples/clinic-agent/scripts/measure-latency.ts [--turns 50]
 */
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import { startClinicAgent } from '../src/index.ts'
import { createEspeakSynthesizer } from '../src/speech/espeak-synthesizer.ts'

const { values } = parseArgs({ options: { turns: { type: 'string', default: '50' } } })
const turns = Number(values.turns)
const questions = ['What time do you open on Saturday?', 'How much is a cleaning?', 'Where are you located?', 'Do you accept insurance?', 'How much is whitening?']
const spoken = ['what time do you open on saturday', 'how much is a cleaning', 'where are you located', 'do you accept insurance']

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)] as number
const summary = (name: string, values: number[]) => `| ${name} | ${values.length} | ${percentile(values, 50).toFixed(0)} | ${percentile(values, 95).toFixed(0)} |`

function open(url: string): Promise<{ socket: WebSocket; next: (predicate: (message: Record<string, unknown>) => boolean) => Promise<number> }> {
  const socket = new WebSocket(url)
  let waiter: { predicate: (message: Record<string, unknown>) => boolean; resolve: (at: number) => void } | undefined
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as Record<string, unknown>
    if (waiter?.predicate(message)) {
      const { resolve } = waiter
      waiter = undefined
      resolve(performance.now())
    }
  })
  return new Promise((resolve) => socket.once('open', () => resolve({ socket, next: (predicate) => new Promise((done) => (waiter = { predicate, resolve: done })) })))
}

const agent = await startClinicAgent({ port: 0, llmMode: 'mock', logLevel: 'error' })
try {
  const text = await open(`${agent.url.replace('http', 'ws')}/text`)
  const greeted = text.next((message) => message.type === 'agent.final')
  text.socket.send(JSON.stringify({ type: 'start', version: 1, callId: 'bench', scriptId: 'bench' }))
  await greeted
  const firstByte: number[] = []
  const complete: number[] = []
  for (let turn = 1; turn <= turns; turn++) {
    const first = text.next((message) => message.type === 'agent.delta' || message.type === 'agent.final')
    const sentAt = performance.now()
    text.socket.send(JSON.stringify({ type: 'caller.text', turn, text: questions[turn % questions.length] }))
    firstByte.push((await first) - sentAt)
    complete.push((await text.next((message) => message.type === 'agent.final')) - sentAt)
  }
  text.socket.close()

  const synthesizer = createEspeakSynthesizer()
  const audio = await Promise.all(spoken.map((line) => synthesizer.synthesize(line, AbortSignal.timeout(10_000))))
  const twilio = await open(`${agent.url.replace('http', 'ws')}/twilio`)
  const sid = 'MZbench'
  const media = (bytes: Uint8Array) => twilio.socket.send(JSON.stringify({ event: 'media', streamSid: sid, media: { track: 'inbound', chunk: '1', timestamp: '0', payload: Buffer.from(bytes).toString('base64') } }))
  const greeting = twilio.next((message) => message.event === 'media')
  twilio.socket.send(JSON.stringify({ event: 'start', streamSid: sid, start: { streamSid: sid, callSid: 'CA', tracks: ['inbound'], mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } } }))
  await greeting
  const firstAudio: number[] = []
  for (let turn = 1; turn <= turns; turn++) {
    const speech = audio[turn % audio.length] as Uint8Array
    // The previous reply is still playing: this speech barges in; count frames only after the clear.
    const cleared = twilio.next((message) => message.event === 'clear')
    for (let offset = 0; offset < speech.length; offset += 160) media(speech.subarray(offset, offset + 160))
    const speechEndedAt = performance.now()
    await cleared
    const first = twilio.next((message) => message.event === 'media')
    // Trailing silence in real time (20 ms frames) until the agent answers.
    let answered = false
    void first.then(() => (answered = true))
    while (!answered) {
      media(new Uint8Array(160).fill(0xff))
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    firstAudio.push((await first) - speechEndedAt)
  }
  twilio.socket.close()
  console.log('| transport: measure (ms) | turns | p50 | p95 |\n|---|---|---|---|')
  console.log(summary('text: first agent.delta', firstByte))
  console.log(summary('text: agent.final', complete))
  console.log(summary('twilio: end of speech → first media frame', firstAudio))
} finally {
  await agent.close()
}
