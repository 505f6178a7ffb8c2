import { toFile } from 'openai'
import { writeWav } from '../audio/read-wav.ts'
import { createOpenAiSpeechClient, type OpenAiSpeechClientOptions } from './create-openai-speech-client.ts'
import { mapOpenAiSpeechError } from './map-openai-speech-error.ts'
import type { PcmAudio, SpeechRecognizer } from './speech-recognizer.ts'

export interface OpenAiSpeechRecognizerOptions extends OpenAiSpeechClientOptions {
  /** Transcription model. Default 'gpt-4o-mini-transcribe'. */
  model?: string
  /** ISO-639-1 language of the caller (e.g. 'en'); improves accuracy and latency. Default: detected by the model. */
  language?: string
  /** Text that primes the model with the clinic's vocabulary (treatments, names). Default: none. */
  prompt?: string
}

/**
 * Speech recognition with OpenAI's transcription endpoint (`POST /audio/transcriptions`)
 * through the official SDK. Each utterance is sent as a 16-bit mono WAV file at the rate
 * it arrived (8 kHz telephone audio is not upsampled); the words come back as text, and
 * silence or noise comes back as '' (the agent reports `asr.empty`). Failures throw a
 * `SpeechError` whose `kind` says why (the agent reports `asr.error`).
 *
 * @example
 * const recognizer = createOpenAiSpeechRecognizer({ apiKey: process.env.OPENAI_API_KEY ?? '' })
 * const { text } = await recognizer.transcribe({ samples, sampleRate: 8000 }, AbortSignal.timeout(5000))
 */
export function createOpenAiSpeechRecognizer(options: OpenAiSpeechRecognizerOptions): SpeechRecognizer {
  const { client, timeoutMs, baseURL } = createOpenAiSpeechClient('createOpenAiSpeechRecognizer', options)
  const model = options.model ?? 'gpt-4o-mini-transcribe'
  if (model.trim() === '') throw new TypeError('createOpenAiSpeechRecognizer: option "model" must not be empty')
  const engine = `openai ${model}`
  return {
    name: 'openai',
    async transcribe(audio: PcmAudio, signal: AbortSignal) {
      try {
        const file = await toFile(writeWav(audio.samples, audio.sampleRate), 'utterance.wav', { type: 'audio/wav' })
        const transcription = await client.audio.transcriptions.create(
          {
            file,
            model,
            response_format: 'json',
            ...(options.language ? { language: options.language } : {}),
            ...(options.prompt ? { prompt: options.prompt } : {}),
          },
          { signal },
        )
        return { text: transcription.text.trim() }
      } catch (error) {
        throw mapOpenAiSpeechError(engine, error, { signal, apiKey: options.apiKey, timeoutMs, baseURL })
      }
    },
  }
}
