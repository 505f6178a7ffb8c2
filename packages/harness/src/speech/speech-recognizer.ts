/** Linear 16-bit mono PCM at a telephone (8 kHz) or wideband (16 kHz) rate. */
export interface PcmAudio {
  samples: Int16Array
  sampleRate: 8000 | 16000
}

/** What a recogniser heard: the words ('' when nothing was recognised) and, when the engine gives one, its confidence (0–1). */
export interface Transcription {
  text: string
  confidence?: number
}

/**
 * Speech recognition: audio in, the words heard out. The one interface behind every
 * recogniser voxguard uses: the harness's (what the caller heard, `heardText`) and the
 * example agent's (what the agent heard from the caller, `asr.result`).
 */
export interface SpeechRecognizer {
  readonly name: string
  /** ISO-639-1 languages the engine can transcribe (e.g. ['en']); undefined: any language. */
  readonly languages?: readonly string[]
  transcribe(audio: PcmAudio, signal: AbortSignal): Promise<Transcription>
}

/** Speech synthesis: text in, μ-law 8 kHz mono bytes out (ready for Twilio). */
export interface SpeechSynthesizer {
  readonly name: string
  synthesize(text: string, signal: AbortSignal): Promise<Uint8Array>
}

/**
 * Why a networked speech engine failed (set by the OpenAI engines; the offline ones leave
 * it undefined): the key was refused, the provider was rate limiting or failing, the call
 * was malformed, too slow, could not connect, or was cancelled.
 */
export type SpeechErrorKind = 'auth' | 'rate_limited' | 'server' | 'bad_request' | 'timeout' | 'network' | 'aborted'

/** The one error type of the speech layer: which engine failed, and why. */
export class SpeechError extends Error {
  override readonly name = 'SpeechError'
  readonly engine: string
  readonly kind: SpeechErrorKind | undefined
  constructor(engine: string, message: string, options?: { cause?: unknown; kind?: SpeechErrorKind }) {
    super(`${engine}: ${message}`, options)
    this.engine = engine
    this.kind = options?.kind
  }
}
