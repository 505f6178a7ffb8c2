import { runSpeechProcess, type SpeechSynthesizer } from '@voxguard/harness/speech'

export interface EspeakSynthesizerOptions {
  /** espeak-ng voice. Default 'en-us'. */
  voice?: string
  /** Words per minute. Default 165. */
  wordsPerMinute?: number
  /** Per-synthesis time limit. Default 10000. */
  timeoutMs?: number
}

/**
 * Offline speech synthesis with Debian's `espeak-ng`, converted to μ-law 8 kHz by `sox`.
 * The text goes through stdin, never a shell.
 */
export function createEspeakSynthesizer(options: EspeakSynthesizerOptions = {}): SpeechSynthesizer {
  const voice = options.voice ?? 'en-us'
  const wordsPerMinute = options.wordsPerMinute ?? 165
  if (!Number.isInteger(wordsPerMinute) || wordsPerMinute < 80 || wordsPerMinute > 450) {
    throw new RangeError(`createEspeakSynthesizer: option "wordsPerMinute" must be an integer from 80 to 450, got ${wordsPerMinute}`)
  }
  return {
    name: 'espeak-ng',
    async synthesize(text, signal) {
      const wav = await runSpeechProcess('espeak-ng', ['-v', voice, '-s', String(wordsPerMinute), '--stdin', '--stdout'], 'espeak-ng', {
        input: text,
        signal,
        timeoutMs: options.timeoutMs,
      })
      const mulaw = await runSpeechProcess('sox', ['-t', 'wav', '-', '-t', 'raw', '-r', '8000', '-e', 'mu-law', '-b', '8', '-c', '1', '-'], 'sox', {
        input: wav,
        signal,
        timeoutMs: options.timeoutMs,
      })
      return new Uint8Array(mulaw.buffer, mulaw.byteOffset, mulaw.byteLength)
    },
  }
}
