/**
 * Energy-based voice activity detection on 20 ms frames of 16-bit PCM, with a start
 * debounce, a hangover (speech ends only after that much continuous quiet) and a
 * pre-roll (the quiet just before speech is kept so word onsets are not clipped).
 */

export interface VoiceActivityDetectorOptions {
  /** Samples per frame. Default 160 (20 ms at 8 kHz). */
  frameSamples?: number
  /** Sample rate of the frames. Default 8000. */
  sampleRate?: number
  /** Frame RMS level, in dBFS, above which a frame counts as speech. Default -40. */
  speechThresholdDbfs?: number
  /** Consecutive speech frames needed before speech starts. Default 3 (60 ms). */
  startFrames?: number
  /** Quiet time after the last speech frame before the utterance ends. Default 400. */
  hangoverMs?: number
  /** Audio kept from before the speech start. Default 200. */
  preRollMs?: number
  /** An utterance is cut (ended) at this length. Default 15000. */
  maxUtteranceMs?: number
}

export type VoiceActivity =
  | { type: 'speech-start' }
  | { type: 'speech-end'; samples: Int16Array; durationMs: number }

/** Root-mean-square level of a frame in dBFS (-Infinity for digital silence). */
export function frameLevelDbfs(frame: Int16Array): number {
  let sum = 0
  for (const sample of frame) sum += sample * sample
  const rms = Math.sqrt(sum / Math.max(1, frame.length))
  return 20 * Math.log10(rms / 32768)
}

export class VoiceActivityDetector {
  readonly frameSamples: number
  readonly sampleRate: number
  readonly speechThresholdDbfs: number
  readonly startFrames: number
  readonly hangoverFrames: number
  readonly preRollFrames: number
  readonly maxUtteranceFrames: number
  #inSpeech = false
  #speechRun = 0
  #quietRun = 0
  #recent: Int16Array[] = []
  #utterance: Int16Array[] = []

  constructor(options: VoiceActivityDetectorOptions = {}) {
    this.frameSamples = positive('frameSamples', options.frameSamples ?? 160)
    this.sampleRate = positive('sampleRate', options.sampleRate ?? 8000)
    this.speechThresholdDbfs = options.speechThresholdDbfs ?? -40
    if (!(this.speechThresholdDbfs < 0)) throw new RangeError(`VoiceActivityDetector: option "speechThresholdDbfs" must be below 0 dBFS, got ${this.speechThresholdDbfs}`)
    this.startFrames = positive('startFrames', options.startFrames ?? 3)
    const frameMs = (this.frameSamples / this.sampleRate) * 1000
    this.hangoverFrames = Math.ceil(positive('hangoverMs', options.hangoverMs ?? 400) / frameMs)
    this.preRollFrames = Math.ceil(nonNegative('preRollMs', options.preRollMs ?? 200) / frameMs)
    this.maxUtteranceFrames = Math.ceil(positive('maxUtteranceMs', options.maxUtteranceMs ?? 15_000) / frameMs)
  }

  /** True between `speech-start` and `speech-end`. */
  get inSpeech(): boolean {
    return this.#inSpeech
  }

  /** Feeds one frame; returns what changed, if anything. */
  push(frame: Int16Array): VoiceActivity | undefined {
    const isSpeech = frameLevelDbfs(frame) > this.speechThresholdDbfs
    if (!this.#inSpeech) {
      this.#recent.push(frame)
      if (this.#recent.length > this.preRollFrames + this.startFrames) this.#recent.shift()
      this.#speechRun = isSpeech ? this.#speechRun + 1 : 0
      if (this.#speechRun < this.startFrames) return undefined
      this.#inSpeech = true
      this.#quietRun = 0
      this.#utterance = this.#recent
      this.#recent = []
      return { type: 'speech-start' }
    }
    this.#utterance.push(frame)
    this.#quietRun = isSpeech ? 0 : this.#quietRun + 1
    if (this.#quietRun < this.hangoverFrames && this.#utterance.length < this.maxUtteranceFrames) return undefined
    return this.#end()
  }

  /** Ends an utterance in progress (e.g. the stream stopped); undefined when quiet. */
  flush(): VoiceActivity | undefined {
    return this.#inSpeech ? this.#end() : undefined
  }

  #end(): VoiceActivity {
    const frames = this.#utterance
    this.#inSpeech = false
    this.#speechRun = 0
    this.#utterance = []
    const length = frames.reduce((total, frame) => total + frame.length, 0)
    const samples = new Int16Array(length)
    let offset = 0
    for (const frame of frames) {
      samples.set(frame, offset)
      offset += frame.length
    }
    return { type: 'speech-end', samples, durationMs: Math.round((length / this.sampleRate) * 1000) }
  }
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`VoiceActivityDetector: option "${name}" must be a positive number, got ${value}`)
  return value
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`VoiceActivityDetector: option "${name}" must be zero or more, got ${value}`)
  return value
}
