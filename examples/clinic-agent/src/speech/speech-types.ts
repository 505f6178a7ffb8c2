/** Linear 16-bit mono PCM at a telephone (8 kHz) or wideband (16 kHz) rate. */
export interface PcmAudio {
  samples: Int16Array
  sampleRate: 8000 | 16000
}

/** Speech recognition: audio in, the words heard out ('' when nothing was recognised). */
export interface SpeechRecognizer {
  readonly name: string
  transcribe(audio: PcmAudio, signal: AbortSignal): Promise<string>
}

/** Speech synthesis: text in, μ-law 8 kHz mono bytes out (ready for Twilio). */
export interface SpeechSynthesizer {
  readonly name: string
  synthesize(text: string, signal: AbortSignal): Promise<Uint8Array>
}

/** The one error type of the speech layer: which engine failed, and why. */
export class SpeechError extends Error {
  override readonly name = 'SpeechError'
  readonly engine: string
  constructor(engine: string, message: string, options?: { cause?: unknown }) {
    super(`${engine}: ${message}`, options)
    this.engine = engine
  }
}
