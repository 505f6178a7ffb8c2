import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { decodeMulaw } from '@voxguard/harness/audio'
import { createOpenAiSpeechSynthesizer } from './openai-speech-synthesizer.ts'
import { SpeechError, type SpeechSynthesizer } from '@voxguard/harness/speech'

const apiKey = 'sk-test-synthesizer-0123456789abcdef'
const speechUrl = 'https://api.openai.com/v1/audio/speech'
const server = setupServer()
let synthesizer: SpeechSynthesizer
beforeAll(() => {
  server.listen({ onUnhandledFrame: 'error' })
  // The openai SDK captures globalThis.fetch when the client is built: build it after msw patched it.
  synthesizer = createOpenAiSpeechSynthesizer({ apiKey })
})
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** `seconds` of a sine at `frequency` Hz as OpenAI's `pcm` format: 24 kHz, 16-bit little-endian, mono. */
function pcm24k(seconds: number, frequency: number, amplitude: number): Buffer {
  const count = Math.round(seconds * 24_000)
  const bytes = Buffer.alloc(count * 2)
  for (let index = 0; index < count; index++) bytes.writeInt16LE(Math.round(amplitude * Math.sin((2 * Math.PI * frequency * index) / 24_000)), index * 2)
  return bytes
}

const rms = (samples: Int16Array) => Math.sqrt(samples.reduce((sum, sample) => sum + sample * sample, 0) / samples.length)
const zeroCrossings = (samples: Int16Array) => samples.reduce((count, sample, index) => (index > 0 && Math.sign(sample) !== Math.sign(samples[index - 1] as number) && sample !== 0 ? count + 1 : count), 0)

describe('createOpenAiSpeechSynthesizer', () => {
  it('asks for raw pcm with the model, voice and text, and turns 24 kHz PCM into 8 kHz μ-law of the same duration', async () => {
    const bodies: unknown[] = []
    let authorization: string | null = null
    server.use(http.post(speechUrl, async ({ request }) => {
      bodies.push(await request.json())
      authorization = request.headers.get('authorization')
      return new HttpResponse(pcm24k(1.25, 440, 12_000), { headers: { 'content-type': 'audio/pcm' } })
    }))
    const mulaw = await synthesizer.synthesize('We open at nine on Saturday.', AbortSignal.timeout(5000))
    expect(bodies).toEqual([{ model: 'gpt-4o-mini-tts', voice: 'alloy', input: 'We open at nine on Saturday.', response_format: 'pcm' }])
    expect(authorization).toBe(`Bearer ${apiKey}`)
    // 1.25 s at 8 kHz = 10 000 bytes, within one 20 ms frame (160 bytes).
    expect(Math.abs(mulaw.length - 10_000)).toBeLessThanOrEqual(160)
    const decoded = decodeMulaw(mulaw)
    // The same tone: 440 Hz has 880 zero crossings a second, and its level is kept (RMS of a sine = amplitude / √2).
    const middle = decoded.subarray(400, 8400)
    expect(zeroCrossings(middle)).toBeGreaterThanOrEqual(875)
    expect(zeroCrossings(middle)).toBeLessThanOrEqual(885)
    expect(rms(middle) / (12_000 / Math.SQRT2)).toBeGreaterThan(0.93)
    expect(rms(middle) / (12_000 / Math.SQRT2)).toBeLessThan(1.07)
  })

  it('removes content above 4 kHz instead of folding it back as hiss', async () => {
    server.use(http.post(speechUrl, () => new HttpResponse(pcm24k(0.5, 6000, 12_000), { headers: { 'content-type': 'audio/pcm' } })))
    const decoded = decodeMulaw(await synthesizer.synthesize('sss', AbortSignal.timeout(5000)))
    // Without a low-pass, 6 kHz would alias to 2 kHz at full level (RMS ≈ 8 500).
    expect(rms(decoded.subarray(100, 3900))).toBeLessThan(300)
  })

  it('sends a configured model, voice and instructions', async () => {
    const bodies: unknown[] = []
    server.use(http.post(speechUrl, async ({ request }) => {
      bodies.push(await request.json())
      return new HttpResponse(pcm24k(0.1, 300, 5000))
    }))
    const custom = createOpenAiSpeechSynthesizer({ apiKey, model: 'tts-1', voice: 'coral', instructions: 'Speak calmly.' })
    expect((await custom.synthesize('Goodbye.', AbortSignal.timeout(5000))).length).toBe(800)
    expect(bodies).toEqual([{ model: 'tts-1', voice: 'coral', input: 'Goodbye.', response_format: 'pcm', instructions: 'Speak calmly.' }])
  })

  it('a refused key (401) throws kind "auth" without the key in the message', async () => {
    server.use(http.post(speechUrl, () => HttpResponse.json({ error: { message: `Incorrect API key provided: ${apiKey}. You can find your API key at https://platform.openai.com/account/api-keys.`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }, { status: 401 })))
    const error = (await synthesizer.synthesize('Hello.', AbortSignal.timeout(5000)).catch((caught: unknown) => caught)) as SpeechError
    expect(error).toBeInstanceOf(SpeechError)
    expect(error.kind).toBe('auth')
    expect(error.message).toBe('openai gpt-4o-mini-tts: HTTP 401: the API key was refused (check OPENAI_API_KEY or speech.openai.apiKey)')
    expect(error.message).not.toContain(apiKey)
    expect(String(error.stack)).not.toContain(apiKey)
  })

  it('a 429 throws kind "rate_limited" with the provider\'s reason, any key-like text redacted', async () => {
    let requests = 0
    server.use(http.post(speechUrl, () => {
      requests++
      return HttpResponse.json({ error: { message: `Rate limit reached for gpt-4o-mini-tts (key ${apiKey}) on requests per min.`, type: 'requests', code: 'rate_limit_exceeded' } }, { status: 429, headers: { 'retry-after-ms': '20' } })
    }))
    const error = (await synthesizer.synthesize('Hello.', AbortSignal.timeout(5000)).catch((caught: unknown) => caught)) as SpeechError
    expect(error.kind).toBe('rate_limited')
    expect(error.message).toBe('openai gpt-4o-mini-tts: HTTP 429 rate limited: Rate limit reached for gpt-4o-mini-tts (key [redacted]) on requests per min.')
    expect(requests).toBe(1)
  })

  it('an empty audio body is an error, not silence', async () => {
    server.use(http.post(speechUrl, () => new HttpResponse(new Uint8Array(0))))
    await expect(synthesizer.synthesize('Hello.', AbortSignal.timeout(5000))).rejects.toMatchObject({ name: 'SpeechError', kind: 'server', message: 'openai gpt-4o-mini-tts: the response had no audio' })
  })

  it('rejects bad options by name', () => {
    expect(() => createOpenAiSpeechSynthesizer({ apiKey: ' ' })).toThrow(/option "apiKey" is required/)
    expect(() => createOpenAiSpeechSynthesizer({ apiKey, voice: '' })).toThrow(/option "voice"/)
  })
})
