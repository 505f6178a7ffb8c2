import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeWav } from '../audio/read-wav.ts'
import { resamplePcm } from '../audio/resample-pcm.ts'
import type { LanguageModel } from './build-language-model.ts'
import { runSpeechProcess } from './run-speech-process.ts'
import type { PcmAudio, SpeechRecognizer, Transcription } from './speech-recognizer.ts'

export interface PocketsphinxRecognizerOptions {
  /** JSGF grammar text restricting what can be heard. Default: none. */
  grammar?: string
  /**
   * An n-gram language model (see `buildLanguageModel`), used when there is no grammar.
   * The pronunciation dictionary is then cut to its words, which makes each run load in a
   * fraction of the time. Default: Debian's general US-English model (`languageModelPath`).
   */
  languageModel?: LanguageModel
  /** Acoustic model folder. Default '/usr/share/pocketsphinx/model/en-us/en-us' (Debian's pocketsphinx-en-us). */
  acousticModelPath?: string
  /** Pronunciation dictionary. Default '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict'. */
  dictionaryPath?: string
  /** General language model, used with neither a grammar nor `languageModel`. Default '/usr/share/pocketsphinx/model/en-us/en-us.lm.bin'. */
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
/** Tokens pocketsphinx prints that are not words. */
const NOT_WORDS = new Set(['<s>', '</s>', '<sil>', '[noise]', '[speech]', '(null)'])

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

const dictionaries = new Map<string, Promise<Map<string, string[]>>>()
/** The dictionary's lines by word (pronunciation variants `word(2)` under `word`), read once per file. */
function readDictionary(path: string): Promise<Map<string, string[]>> {
  let loading = dictionaries.get(path)
  if (!loading) {
    loading = readFile(path, 'utf8').then((text) => {
      const byWord = new Map<string, string[]>()
      for (const line of text.split('\n')) {
        const word = line.slice(0, line.indexOf(' ')).replace(/\(\d+\)$/, '')
        if (!word) continue
        const lines = byWord.get(word) ?? []
        lines.push(line)
        byWord.set(word, lines)
      }
      return byWord
    })
    dictionaries.set(path, loading)
  }
  return loading
}

/**
 * Reads `pocketsphinx_continuous -time yes` output: a hypothesis line per utterance, then
 * one `word start end posterior` line per word. The confidence is the mean word posterior.
 */
export function parsePocketsphinxOutput(output: string): Transcription {
  const words: string[] = []
  const posteriors: number[] = []
  for (const line of output.split('\n')) {
    const match = /^(\S+) [\d.]+ [\d.]+ ([\d.]+)$/.exec(line.trim())
    if (!match) continue
    const word = match[1]!.replace(/\(\d+\)$/, '')
    if (NOT_WORDS.has(word.toLowerCase()) || /^\+\+.*\+\+$/.test(word)) continue
    words.push(word)
    posteriors.push(Math.min(1, Number(match[2])))
  }
  if (words.length === 0) return { text: '' }
  return { text: words.join(' '), confidence: Math.round((posteriors.reduce((sum, value) => sum + value, 0) / posteriors.length) * 1000) / 1000 }
}

/**
 * Offline speech recognition with Debian's `pocketsphinx_continuous` (pocketsphinx
 * 5prealpha) and the `pocketsphinx-en-us` acoustic model, restricted by a JSGF grammar
 * (the agent's caller phrases) or an n-gram language model (the harness's model of what an
 * agent says, built from a knowledge base). Telephone audio is upsampled to 16 kHz and
 * written to a temporary WAV file, which is removed afterwards.
 *
 * @example
 * const recognizer = createPocketsphinxRecognizer({ languageModel: buildLanguageModel(['a cleaning is five thousand yen']) })
 * const { text, confidence } = await recognizer.transcribe({ samples, sampleRate: 8000 }, AbortSignal.timeout(10_000))
 */
export function createPocketsphinxRecognizer(options: PocketsphinxRecognizerOptions = {}): SpeechRecognizer {
  const noiseFloorRatio = options.noiseFloorRatio ?? 0.005
  if (!(noiseFloorRatio >= 0 && noiseFloorRatio < 0.5)) throw new RangeError(`createPocketsphinxRecognizer: option "noiseFloorRatio" must be from 0 to 0.5, got ${noiseFloorRatio}`)
  if (options.grammar !== undefined && options.languageModel !== undefined) throw new TypeError('createPocketsphinxRecognizer: give option "grammar" or "languageModel", not both')
  const dictionaryPath = options.dictionaryPath ?? `${MODEL_ROOT}/cmudict-en-us.dict`
  return {
    name: 'pocketsphinx',
    languages: ['en'],
    async transcribe(audio: PcmAudio, signal: AbortSignal) {
      const wideband = audio.sampleRate === 8000 ? addNoise(resamplePcm(audio.samples, 8000, 16000), noiseFloorRatio) : audio.samples
      const folder = await mkdtemp(join(tmpdir(), 'voxguard-asr-'))
      try {
        const wavPath = join(folder, 'utterance.wav')
        await writeFile(wavPath, writeWav(wideband, 16000))
        const args = ['-infile', wavPath, '-hmm', options.acousticModelPath ?? `${MODEL_ROOT}/en-us`, '-time', 'yes', '-logfn', '/dev/null']
        if (options.grammar) {
          const grammarPath = join(folder, 'grammar.gram')
          await writeFile(grammarPath, options.grammar)
          args.push('-jsgf', grammarPath, '-dict', dictionaryPath)
        } else if (options.languageModel) {
          const dictionary = await readDictionary(dictionaryPath)
          const lines = options.languageModel.words.flatMap((word) => dictionary.get(word) ?? [])
          await writeFile(join(folder, 'words.dict'), `${lines.join('\n')}\n`)
          await writeFile(join(folder, 'model.lm'), options.languageModel.arpa)
          args.push('-lm', join(folder, 'model.lm'), '-dict', join(folder, 'words.dict'))
        } else {
          args.push('-lm', options.languageModelPath ?? `${MODEL_ROOT}/en-us.lm.bin`, '-dict', dictionaryPath)
        }
        const output = await runSpeechProcess('pocketsphinx_continuous', args, 'pocketsphinx pocketsphinx-en-us', { signal, timeoutMs: options.timeoutMs })
        return parsePocketsphinxOutput(output.toString('utf8'))
      } finally {
        await rm(folder, { recursive: true, force: true })
      }
    },
  }
}
