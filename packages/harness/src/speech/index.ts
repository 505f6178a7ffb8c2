// @voxguard/harness/speech: speech recognition shared by the harness (what the caller heard)
// and voice agents (what the agent heard), plus the word error rate that scores it.

// The interface
export { SPEECH_ERROR_CODES, SpeechError } from './speech-error.ts'
export type { SpeechErrorCode, SpeechErrorKind, SpeechErrorOptions } from './speech-error.ts'
export type { PcmAudio, SpeechRecognizer, SpeechSynthesizer, Transcription } from './speech-recognizer.ts'

// Recognisers
export { createPocketsphinxRecognizer, parsePocketsphinxOutput } from './pocketsphinx-recognizer.ts'
export type { PocketsphinxRecognizerOptions } from './pocketsphinx-recognizer.ts'
export { createOpenAiSpeechRecognizer } from './openai-speech-recognizer.ts'
export type { OpenAiSpeechRecognizerOptions } from './openai-speech-recognizer.ts'
export { createOpenAiSpeechClient, DEFAULT_OPENAI_BASE_URL } from './create-openai-speech-client.ts'
export type { OpenAiSpeechClientOptions } from './create-openai-speech-client.ts'
export { mapOpenAiSpeechError } from './map-openai-speech-error.ts'

// Language models for the offline recogniser
export { buildLanguageModel } from './build-language-model.ts'
export type { LanguageModel } from './build-language-model.ts'
export { knowledgeLanguageModel } from './knowledge-language-model.ts'

// Text and scoring
export { numberToWords, spokenForm } from './spoken-form.ts'
export { scoringUnits, wordErrorRate } from './word-error-rate.ts'

// Running speech programs
export { runSpeechProcess } from './run-speech-process.ts'
export type { RunProcessOptions } from './run-speech-process.ts'
