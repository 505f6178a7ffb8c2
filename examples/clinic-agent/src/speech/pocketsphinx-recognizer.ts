import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { upsample8kTo16k } from '../audio/resample.ts'
import { encodeWav } from '../audio/wav.ts'
import { runProcess } from './run-process.ts'
import type { PcmAudio, SpeechRecognizer } from './speech-types.ts'

export interface PocketsphinxRecognizerOptions {
  /** JSGF grammar text restricting what can be heard. Default: none (the open language model). */
  grammar?: string
  /** Acoustic model folder. Default '/usr/share/pocketsphinx/model/en-us/en-us' (Debian's pocketsphinx-en-us). */
  acousticModelPath?: string
  /** Pronunciation dictionary. Default '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict'. */
  dictionaryPath?: string
  /** Language model, used when there is no grammar. Default '/usr/share/pocketsphinx/model/en-us/en-us.lm.bin'. */
  languageModelPath?: string
  /**
   * Level (0–1 of full scale) of the white noise mixed into telephone audio before
   * recognition. The en-us model is wideband: an empty 4–8 kHz band upsampled from
   * 8 kHz makes it hear nothing; faint noise there restores recognition. Default 0.005.
   */
  noiseFloorRatio?: number
  /** Per-utterance time limit. Default 10000. */
  timeoutMs?: number
}

const MODEL_ROOT = '/usr/share/pocketsphinx/model/en-us'

/** Adds deterministic (seeded) white noise of `ratio` × full scale. */
function addNoise(samples: Int16Array, ratio: number): Int16Array {
  if (ratio === 0) return samples
  const output = new Int16Array(samples.length)
  let seed = 0x2545f491
  const amplitude = ratio * 32767
  for (let index = 0; index < samples.length; index++) {
    seed ^= seed << 13
    seed ^= seed >>> 17
    seed ^= seed << 5
    const noise = ((seed >>> 0) / 0xffffffff) * 2 - 1
    output[index] = Math.max(-32768, Math.min(32767, Math.round((samples[index] as number) + noise * amplitude)))
  }
  return output
}

/**
 * Offline speech recognition with Debian's `pocketsphinx_continuous` (pocketsphinx
 * 5prealpha) and the `pocketsphinx-en-us` model. Telephone audio is upsampled to 16 kHz
 * and written to a temporary WAV file, which is removed afterwards.
 */
export function createPocketsphinxRecognizer(options: PocketsphinxRecognizerOptions = {}): SpeechRecognizer {
  const noiseFloorRatio = options.noiseFloorRatio ?? 0.005
  if (!(noiseFloorRatio >= 0 && noiseFloorRatio < 0.5)) throw new RangeError(`createPocketsphinxRecognizer: option "noiseFloorRatio" must be from 0 to 0.5, got ${noiseFloorRatio}`)
  return {
    name: 'pocketsphinx',
    async transcribe(audio: PcmAudio, signal: AbortSignal) {
      const wideband = audio.sampleRate === 8000 ? addNoise(upsample8kTo16k(audio.samples), noiseFloorRatio) : audio.samples
      const folder = await mkdtemp(join(tmpdir(), 'clinic-asr-'))
      try {
        const wavPath = join(folder, 'utterance.wav')
        await writeFile(wavPath, encodeWav(wideband, 16000))
        const args = ['-infile', wavPath, '-hmm', options.acousticModelPath ?? `${MODEL_ROOT}/en-us`, '-dict', options.dictionaryPath ?? `${MODEL_ROOT}/cmudict-en-us.dict`, '-logfn', '/dev/null']
        if (options.grammar) {
          const grammarPath = join(folder, 'clinic.gram')
          await writeFile(grammarPath, options.grammar)
          args.push('-jsgf', grammarPath)
        } else {
          args.push('-lm', options.languageModelPath ?? `${MODEL_ROOT}/en-us.lm.bin`)
        }
        const output = await runProcess('pocketsphinx_continuous', args, 'pocketsphinx pocketsphinx-en-us', { signal, timeoutMs: options.timeoutMs })
        return output.toString('utf8').split('\n').map((line) => line.trim()).filter(Boolean).join(' ')
      } finally {
        await rm(folder, { recursive: true, force: true })
      }
    },
  }
}
