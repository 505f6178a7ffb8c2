import { fileURLToPath } from 'node:url'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startClinicAgent, type ClinicAgent } from '../src/index.ts'
import { sendMulaw, silence, twilioCall } from './twilio-test-caller.ts'
import type { Message, WsTestClient } from './ws-test-client.ts'

// The clinic agent on OpenAI speech (agent.yaml `speech.recognizer/synthesizer: openai`,
// chosen here through the environment), with msw playing api.openai.com. The LLM stays
// on the in-process mock server (msw lets loopback requests through).

const apiKey = 'sk-test-e2e-speech-0123456789abcdef'
const STREAM_SID = 'MZ00000000000000000000000000000002'
const heardText = 'What time do you open on Saturday?'

type Transcription = { model: unknown; sampleRate: number; channels: number; bitsPerSample: number; dataBytes: number; fileBytes: number }
const transcriptions: Transcription[] = []
const spoken: string[] = []
let failTranscription = false
let transcript = heardText

/** `seconds` of a 300 Hz tone as OpenAI's `pcm` response: 24 kHz, 16-bit little-endian, mono. */
function pcm24k(seconds: number): Buffer {
  const bytes = Buffer.alloc(Math.round(seconds * 24_000) * 2)
  for (let index = 0; index < bytes.length / 2; index++) bytes.writeInt16LE(Math.round(6000 * Math.sin((2 * Math.PI * 300 * index) / 24_000)), index * 2)
  return bytes
}

const server = setupServer(
  http.post('https://api.openai.com/v1/audio/transcriptions', async ({ request }) => {
    if (failTranscription) return HttpResponse.json({ error: { message: 'The server had an error while processing your request.', type: 'server_error' } }, { status: 500 })
    const form = await request.formData()
    const wav = Buffer.from(await (form.get('file') as File).arrayBuffer())
    transcriptions.push({ model: form.get('model'), channels: wav.readUInt16LE(22), sampleRate: wav.readUInt32LE(24), bitsPerSample: wav.readUInt16LE(34), dataBytes: wav.readUInt32LE(40), fileBytes: wav.length })
    return HttpResponse.json({ text: transcript })
  }),
  http.post('https://api.openai.com/v1/audio/speech', async ({ request }) => {
    const body = (await request.json()) as { input: string; response_format: string }
    spoken.push(body.input)
    // 0.2 s of audio per request keeps the call short (playback is paced in real time).
    return new HttpResponse(pcm24k(0.2), { headers: { 'content-type': 'audio/pcm' } })
  }),
)

/** A caller "utterance" the voice activity detector hears: 0.6 s of a loud 200 Hz tone between silences, μ-law, in 20 ms frames. */
function sendUtterance(client: WsTestClient): void {
  const tone = Uint8Array.from({ length: 4800 }, (_, index) => (Math.sin((2 * Math.PI * 200 * index) / 8000) >= 0 ? 0x9f : 0x1f)) // ±~4000 square wave
  sendMulaw(client, STREAM_SID, new Uint8Array([...silence(200), ...tone, ...silence(800)]))
}

describe('Twilio Media Streams with OpenAI speech (msw as api.openai.com)', () => {
  let agent: ClinicAgent
  const logs: Message[] = []
  beforeAll(async () => {
    server.listen({ onUnhandledFrame: 'bypass' })
    // Built after server.listen(): the openai SDK captures globalThis.fetch at construction.
    agent = await startClinicAgent({
      port: 0,
      profile: fileURLToPath(new URL('../profiles/calm.yaml', import.meta.url)),
      logLevel: 'debug',
      logWrite: (line) => logs.push(JSON.parse(line) as Message),
      environment: { CLINIC_AGENT_SPEECH_RECOGNIZER: 'openai', CLINIC_AGENT_SPEECH_SYNTHESIZER: 'openai', OPENAI_API_KEY: apiKey },
    })
  })
  afterEach(() => {
    failTranscription = false
    transcript = heardText
  })
  afterAll(async () => {
    await agent?.close()
    server.close()
  })

  it('hears the caller through the transcription API and answers with audio from the speech API', async () => {
    // Every canned line (greeting, apology, …) was synthesised through the speech API at start-up.
    expect(spoken).toContain('Thank you for calling Sakura Dental Clinic. How can I help you?')
    const cannedCount = spoken.length
    const client = await twilioCall(agent, STREAM_SID)
    await client.waitFor((message) => message.event === 'mark' && message.mark.name === 'reply-0', 3000)
    const from = client.messages.length
    sendUtterance(client)
    const firstFrame = await client.waitFor((message) => message.event === 'media', 3000, from)
    expect(Buffer.from(firstFrame.media.payload, 'base64')).toHaveLength(160)
    await client.waitFor((message) => message.event === 'mark' && message.mark.name === 'reply-1', 3000, from)
    // The utterance went out as an 8 kHz mono 16-bit WAV whose data chunk is the whole file after the header.
    expect(transcriptions).toHaveLength(1)
    const [wav] = transcriptions as [Transcription]
    expect(wav).toMatchObject({ model: 'gpt-4o-mini-transcribe', sampleRate: 8000, channels: 1, bitsPerSample: 16 })
    expect(wav.dataBytes).toBe(wav.fileBytes - 44)
    expect(wav.dataBytes).toBeGreaterThanOrEqual(0.6 * 8000 * 2) // at least the 0.6 s of "speech"
    expect(logs).toContainEqual(expect.objectContaining({ message: 'caller said', text: heardText }))
    expect(logs).toContainEqual(expect.objectContaining({ message: 'reply', replyId: 'reply-1', intent: 'hours' }))
    // The answer itself (not a canned line) was synthesised, and its audio was played: 0.2 s = 10 frames per sentence.
    const answer = spoken.slice(cannedCount)
    expect(answer.length).toBeGreaterThan(0)
    expect(answer.join(' ')).toMatch(/saturday/i)
    const replyFrames = client.messages.slice(from).filter((message) => message.event === 'media').length
    expect(replyFrames).toBeGreaterThanOrEqual(10 * answer.length)
    expect(JSON.stringify(logs)).not.toContain(apiKey)
    client.close()
  }, 10_000)

  it('a transcription outage is reported as asr.error (kind server), not also as asr.empty, and the caller is asked again', async () => {
    failTranscription = true
    const client = await twilioCall(agent, STREAM_SID)
    await client.waitFor((message) => message.event === 'mark' && message.mark.name === 'reply-0', 3000)
    const from = client.messages.length
    sendUtterance(client)
    await client.waitFor((message) => message.event === 'mark' && message.mark.name === 'reply-1', 3000, from)
    expect(logs).toContainEqual(expect.objectContaining({ message: 'agent event', event: 'asr.error', data: { kind: 'server', message: 'openai gpt-4o-mini-transcribe: HTTP 500: The server had an error while processing your request.' } }))
    // One failure, one piece of evidence: the recogniser failed, it did not hear silence.
    expect(logs.filter((line) => line.event === 'asr.empty')).toEqual([])
    expect(client.messages.slice(from).some((message) => message.event === 'media')).toBe(true)
    client.close()
  }, 10_000)

  it('an empty transcript is reported as asr.empty and the caller is asked again', async () => {
    transcript = ''
    const client = await twilioCall(agent, STREAM_SID)
    await client.waitFor((message) => message.event === 'mark' && message.mark.name === 'reply-0', 3000)
    const from = client.messages.length
    const logsFrom = logs.length
    sendUtterance(client)
    await client.waitFor((message) => message.event === 'mark' && message.mark.name === 'reply-1', 3000, from)
    expect(logs.slice(logsFrom)).toContainEqual(expect.objectContaining({ message: 'agent event', event: 'asr.empty', data: {} }))
    expect(logs.slice(logsFrom).some((line) => line.event === 'asr.error')).toBe(false)
    expect(client.messages.slice(from).some((message) => message.event === 'media')).toBe(true)
    client.close()
  }, 10_000)
})
