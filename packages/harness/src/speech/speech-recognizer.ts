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
