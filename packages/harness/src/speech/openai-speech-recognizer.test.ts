import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createOpenAiSpeechRecognizer } from './openai-speech-recognizer.ts'
import { SpeechError } from './speech-error.ts'
import type { SpeechRecognizer } from './speech-recognizer.ts'

const apiKey = 'sk-test-recognizer-0123456789abcdef'
const transcriptionsUrl = 'https://api.openai.com/v1/audio/transcriptions'
const server = setupServer()
let recognizer: SpeechRecognizer
beforeAll(() => {
  server.listen({ onUnhandledFrame: 'error' })
  // The openai SDK captures globalThis.fetch when the client is built: build it after msw patched it.
  recognizer = createOpenAiSpeechRecognizer({ apiKey })
})
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** What a user's server would see in the canonical 44-byte WAV header. */
function parseWav(bytes: Buffer) {
  return {
    riff: bytes.toString('ascii', 0, 4),
    riffSize: bytes.readUInt32LE(4),
    wave: bytes.toString('ascii', 8, 12),
    fmt: bytes.toString('ascii', 12, 16),
    fmtSize: bytes.readUInt32LE(16),
    format: bytes.readUInt16LE(20),
    channels: bytes.readUInt16LE(22),
    sampleRate: bytes.readUInt32LE(24),
    byteRate: bytes.readUInt32LE(28),
    blockAlign: bytes.readUInt16LE(32),
    bitsPerSample: bytes.readUInt16LE(34),
    data: bytes.toString('ascii', 36, 40),
    dataBytes: bytes.readUInt32LE(40),
    samples: new Int16Array(bytes.buffer.slice(bytes.byteOffset + 44, bytes.byteOffset + bytes.length)),
  }
}

const utterance = (count: number) => Int16Array.from({ length: count }, (_, index) => Math.round(8000 * Math.sin(index / 5)))

type Seen = { contentType: string | null; authorization: string | null; model: unknown; language: unknown; responseFormat: unknown; fileName: string | undefined; fileType: string | undefined; wav: Buffer }

function answer(text: string, seen: Seen[]) {
  return http.post(transcriptionsUrl, async ({ request }) => {
    const form = await request.formData()
    const file = form.get('file') as File
    seen.push({
      contentType: request.headers.get('content-type'),
      authorization: request.headers.get('authorization'),
      model: form.get('model'),
      language: form.get('language'),
      responseFormat: form.get('response_format'),
      fileName: file?.name,
      fileType: file?.type,
      wav: Buffer.from(await file.arrayBuffer()),
    })
    return HttpResponse.json({ text, usage: { type: 'duration', seconds: 1 } })
  })
}

describe('createOpenAiSpeechRecognizer', () => {
  it('posts the 8 kHz utterance as a multipart WAV file with the model, and returns the words', async () => {
    const seen: Seen[] = []
    server.use(answer(' What time do you open on Saturday? ', seen))
    const samples = utterance(8000 * 1.5)
    const { text } = await recognizer.transcribe({ samples, sampleRate: 8000 }, AbortSignal.timeout(5000))
    expect(text).toBe('What time do you open on Saturday?')
    expect(seen).toHaveLength(1)
    const [request] = seen as [Seen]
    expect(request.contentType).toMatch(/^multipart\/form-data; boundary=/)
    expect(request.authorization).toBe(`Bearer ${apiKey}`)
    expect(request.model).toBe('gpt-4o-mini-transcribe')
    expect(request.language).toBeNull()
    expect(request.responseFormat).toBe('json')
    expect(request.fileName).toBe('utterance.wav')
    expect(request.fileType).toBe('audio/wav')
    const wav = parseWav(request.wav)
    expect(wav).toMatchObject({ riff: 'RIFF', riffSize: 36 + samples.length * 2, wave: 'WAVE', fmt: 'fmt ', fmtSize: 16, format: 1, channels: 1, sampleRate: 8000, byteRate: 16000, blockAlign: 2, bitsPerSample: 16, data: 'data', dataBytes: samples.length * 2 })
    expect(request.wav.length).toBe(44 + samples.length * 2)
    expect(wav.samples).toEqual(samples)
  })

  it('sends 16 kHz audio at 16 kHz, and a configured model and language', async () => {
    const seen: Seen[] = []
    server.use(answer('goodbye', seen))
    const custom = createOpenAiSpeechRecognizer({ apiKey, model: 'gpt-4o-transcribe', language: 'en' })
    const samples = utterance(16000)
    expect(await custom.transcribe({ samples, sampleRate: 16000 }, AbortSignal.timeout(5000))).toEqual({ text: 'goodbye' })
    expect(seen[0]?.model).toBe('gpt-4o-transcribe')
    expect(seen[0]?.language).toBe('en')
    expect(parseWav(seen[0]!.wav)).toMatchObject({ sampleRate: 16000, byteRate: 32000, dataBytes: 32000 })
  })

  it('returns an empty string when the model hears nothing (the agent reports asr.empty)', async () => {
    server.use(answer('  ', []))
    expect(await recognizer.transcribe({ samples: new Int16Array(1600), sampleRate: 8000 }, AbortSignal.timeout(5000))).toEqual({ text: '' })
  })

  it('a 500 throws a SpeechError of kind "server" after one request (no SDK retries)', async () => {
    let requests = 0
    server.use(http.post(transcriptionsUrl, () => {
      requests++
      return HttpResponse.json({ error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null } }, { status: 500 })
    }))
    const error = await recognizer.transcribe({ samples: utterance(800), sampleRate: 8000 }, AbortSignal.timeout(5000)).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SpeechError)
    expect(error).toMatchObject({ kind: 'server', engine: 'openai gpt-4o-mini-transcribe', message: 'openai gpt-4o-mini-transcribe: HTTP 500: The server had an error while processing your request.' })
    expect(requests).toBe(1)
  })

  it('a refused key throws kind "auth" with a message that quotes no key', async () => {
    server.use(http.post(transcriptionsUrl, () => HttpResponse.json({ error: { message: 'Incorrect API key provided: sk-test-***********cdef. You can find your API key at https://platform.openai.com/account/api-keys.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }, { status: 401 })))
    const error = (await recognizer.transcribe({ samples: utterance(800), sampleRate: 8000 }, AbortSignal.timeout(5000)).catch((caught: unknown) => caught)) as SpeechError
    expect(error.kind).toBe('auth')
    expect(error.message).toContain('HTTP 401')
    expect(error.message).not.toContain('sk-')
  })

  it('the caller\'s signal cancels the request (kind "aborted")', async () => {
    server.use(http.post(transcriptionsUrl, async () => {
      await delay('infinite')
      return HttpResponse.json({ text: 'never' })
    }))
    const controller = new AbortController()
    const started = performance.now()
    setTimeout(() => controller.abort(), 50)
    const error = await recognizer.transcribe({ samples: utterance(800), sampleRate: 8000 }, controller.signal).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'SpeechError', kind: 'aborted' })
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('a request slower than timeoutMs fails with kind "timeout"', async () => {
    server.use(http.post(transcriptionsUrl, async () => {
      await delay('infinite')
      return HttpResponse.json({ text: 'never' })
    }))
    const impatient = createOpenAiSpeechRecognizer({ apiKey, timeoutMs: 100 })
    const error = await impatient.transcribe({ samples: utterance(800), sampleRate: 8000 }, new AbortController().signal).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'SpeechError', kind: 'timeout', message: 'openai gpt-4o-mini-transcribe: timed out after 100 ms' })
  })

  it('rejects bad options by name, without echoing the key', () => {
    expect(() => createOpenAiSpeechRecognizer({ apiKey: '' })).toThrow(/option "apiKey" is required/)
    expect(() => createOpenAiSpeechRecognizer({ apiKey, baseURL: 'ftp://example.com' })).toThrow(/option "baseURL"/)
    expect(() => createOpenAiSpeechRecognizer({ apiKey, timeoutMs: 0 })).toThrow(/option "timeoutMs"/)
    expect(() => createOpenAiSpeechRecognizer({ apiKey, model: ' ' })).toThrow(/option "model"/)
  })
})
