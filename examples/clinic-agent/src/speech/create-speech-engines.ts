import type { AgentConfig } from '../agent-config.ts'
import { clinicGrammar } from './clinic-grammar.ts'
import { createEspeakSynthesizer } from './espeak-synthesizer.ts'
import { createOpenAiSpeechRecognizer, createPocketsphinxRecognizer, type SpeechRecognizer, type SpeechSynthesizer } from '@voxguard/harness/speech'
import { createOpenAiSpeechSynthesizer } from './openai-speech-synthesizer.ts'

/**
 * The recogniser and synthesiser chosen in agent.yaml `speech`: offline pocketsphinx /
 * espeak-ng (the defaults) or OpenAI's transcription / speech endpoints, in any mix.
 * `treatments` feed pocketsphinx's grammar. Call only when neither engine is 'none'.
 */
export function createSpeechEngines(config: AgentConfig['speech'], treatments: string[]): { recognizer: SpeechRecognizer; synthesizer: SpeechSynthesizer } {
  const { apiKey, baseURL, timeoutMs } = config.openai
  const connection = { apiKey, timeoutMs, ...(baseURL ? { baseURL } : {}) }
  const recognizer =
    config.recognizer === 'openai'
      ? createOpenAiSpeechRecognizer({ ...connection, model: config.openai.transcriptionModel, ...(config.openai.language ? { language: config.openai.language } : {}) })
      : createPocketsphinxRecognizer({ grammar: clinicGrammar(treatments) })
  const synthesizer =
    config.synthesizer === 'openai'
      ? createOpenAiSpeechSynthesizer({ ...connection, model: config.openai.speechModel, voice: config.openai.voice, ...(config.openai.instructions ? { instructions: config.openai.instructions } : {}) })
      : createEspeakSynthesizer()
  return { recognizer, synthesizer }
}
