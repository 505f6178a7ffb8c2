import { dirname, isAbsolute, resolve } from 'node:path'
import { loadKnowledgeBase } from '@voxguard/knowledge'
import type { AudioTiming } from './call-record.ts'
import type { CallScript } from './call-script.ts'
import { decodeMulaw } from './audio/mulaw.ts'
import { knowledgeLanguageModel } from './speech/knowledge-language-model.ts'
import { createPocketsphinxRecognizer } from './speech/pocketsphinx-recognizer.ts'
import type { SpeechRecognizer } from './speech/speech-recognizer.ts'

export type HeardFields = Pick<AudioTiming, 'heardText' | 'heardConfidence' | 'heardBy' | 'heardError' | 'silent' | 'unplayable'>

/** Peak below this (16-bit full scale ≈ -40 dBFS) is silence to a listener. */
const SILENCE_PEAK = 328

/** The recogniser for a script, or why there is none. */
export type RecognizerForScript = (script: CallScript) => Promise<SpeechRecognizer | { unavailable: string }>

/**
 * The default offline recogniser: pocketsphinx with a language model of the script's
 * knowledge base (built once per knowledge base). A script without a knowledge base gets no
 * transcript: Debian's general US-English model misses nearly every word of synthetic
 * telephone speech (bench/README.md), and a wrong transcript is worse than none.
 */
export function offlineRecognizerForScripts(): RecognizerForScript {
  const byKnowledgeBase = new Map<string, Promise<SpeechRecognizer>>()
  return async (script) => {
    if (!script.knowledgeBase) return { unavailable: 'the script names no knowledge base to build the offline language model from (pass a recognizer, e.g. --recognizer openai)' }
    const path = isAbsolute(script.knowledgeBase) ? script.knowledgeBase : resolve(dirname(script.file), script.knowledgeBase)
    let recognizer = byKnowledgeBase.get(path)
    if (!recognizer) {
      recognizer = loadKnowledgeBase(path).then((knowledgeBase) => createPocketsphinxRecognizer({ languageModel: knowledgeLanguageModel(knowledgeBase), timeoutMs: 30_000 }))
      byKnowledgeBase.set(path, recognizer)
    }
    return recognizer
  }
}

/**
 * Transcribes a turn of the agent's audio (8 kHz μ-law as received) into `heardText`: what
 * the caller heard. One recognition at a time per run (`queue`), so recognising never takes
 * the CPU from the real-time pacing of calls still running. Audio too quiet to hear is
 * `silent`; a recogniser that cannot do the script's language or fails leaves `heardError`.
 */
export function createAgentAudioTranscriber(recognizerFor: RecognizerForScript, signal?: AbortSignal): (audio: Buffer, script: CallScript) => Promise<HeardFields> {
  let queue: Promise<unknown> = Promise.resolve()
  return (audio, script) => {
    // A whole audio file sent as media (its header and all) plays as a burst of noise.
    if (audio.subarray(0, 4).toString('latin1') === 'RIFF') return Promise.resolve({ unplayable: 'a WAV file (RIFF header) sent as raw μ-law; Twilio plays it as noise' })
    const samples = decodeMulaw(audio)
    let peak = 0
    for (const sample of samples) peak = Math.max(peak, Math.abs(sample))
    if (peak < SILENCE_PEAK) return Promise.resolve({ silent: true })
    const run = async (): Promise<HeardFields> => {
      try {
        const recognizer = await recognizerFor(script)
        if ('unavailable' in recognizer) return { heardError: recognizer.unavailable }
        const language = (script.language ?? 'en').slice(0, 2).toLowerCase()
        if (recognizer.languages && !recognizer.languages.includes(language)) return { heardBy: recognizer.name, heardError: `${recognizer.name} cannot transcribe language "${language}" (it handles ${recognizer.languages.join(', ')})` }
        const heard = await recognizer.transcribe({ samples, sampleRate: 8000 }, signal ?? AbortSignal.timeout(60_000))
        return { heardText: heard.text, ...(heard.confidence !== undefined ? { heardConfidence: heard.confidence } : {}), heardBy: recognizer.name }
      } catch (error) {
        return { heardError: error instanceof Error ? error.message : String(error) }
      }
    }
    const result = queue.then(run)
    queue = result
    return result
  }
}
