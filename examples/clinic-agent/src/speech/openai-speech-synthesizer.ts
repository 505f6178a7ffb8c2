import { encodeMulaw } from '@voxguard/harness/audio'
import { downsample24kTo8k } from '../audio/downsample-24k-to-8k.ts'
import { createOpenAiSpeechClient, mapOpenAiSpeechError, SpeechError, type OpenAiSpeechClientOptions, type SpeechSynthesizer } from '@voxguard/harness/speech'

export interface OpenAiSpeechSynthesizerOptions extends OpenAiSpeechClientOptions {
  /** Speech model. Default 'gpt-4o-mini-tts'. */
  model?: string
  /** Voice. Default 'alloy'. */
  voice?: string
  /** How to speak (tone, pace); not supported by tts-1 / tts-1-hd. Default: none. */
  instructions?: string
}

/** Sample rate of OpenAI's `pcm` response format: 24 kHz, 16-bit little-endian, mono. */
export const OPENAI_PCM_SAMPLE_RATE = 24_000

/** Reads 16-bit little-endian samples (a trailing odd byte is dropped). */
function readPcm16le(bytes: Uint8Array): Int16Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const samples = new Int16Array(Math.floor(bytes.byteLength / 2))
  for (let index = 0; index < samples.length; index++) samples[index] = view.getInt16(index * 2, true)
  return samples
}

/**
 * Speech synthesis with OpenAI's speech endpoint (`POST /audio/speech`) through the
 * official SDK. It asks for `response_format: 'pcm'` (raw 24 kHz 16-bit mono, no
 * container to parse), low-passes and decimates it to 8 kHz and encodes μ-law, ready for
 * Twilio. Failures throw a `SpeechError` whose `kind` says why (the agent reports
 * `tts.error` and plays its pre-synthesised apology).
 *
 * @example
 * const synthesizer = createOpenAiSpeechSynthesizer({ apiKey: process.env.OPENAI_API_KEY ?? '', voice: 'coral' })
 * const mulaw = await synthesizer.synthesize('We open at nine.', AbortSignal.timeout(5000))
 */
export function createOpenAiSpeechSynthesizer(options: OpenAiSpeechSynthesizerOptions): SpeechSynthesizer {
  const { client, timeoutMs, baseURL } = createOpenAiSpeechClient('createOpenAiSpeechSynthesizer', options)
  const model = options.model ?? 'gpt-4o-mini-tts'
  const voice = options.voice ?? 'alloy'
  if (model.trim() === '') throw new TypeError('createOpenAiSpeechSynthesizer: option "model" must not be empty')
  if (voice.trim() === '') throw new TypeError('createOpenAiSpeechSynthesizer: option "voice" must not be empty')
  const engine = `openai ${model}`
  return {
    name: 'openai',
    async synthesize(text: string, signal: AbortSignal) {
      let pcm: Uint8Array
      try {
        const response = await client.audio.speech.create(
          { model, voice, input: text, response_format: 'pcm', ...(options.instructions ? { instructions: options.instructions } : {}) },
          { signal },
        )
        pcm = new Uint8Array(await response.arrayBuffer())
      } catch (error) {
        throw mapOpenAiSpeechError(engine, error, { signal, apiKey: options.apiKey, timeoutMs, baseURL })
      }
      if (pcm.byteLength < 2) throw new SpeechError('speech_server_failed', 'the response had no audio', { engine })
      return encodeMulaw(downsample24kTo8k(readPcm16le(pcm)))
    },
  }
}
