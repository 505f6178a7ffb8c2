import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseAgentConfig } from './agent-config.ts'

const shipped = readFileSync(new URL('../agent.yaml', import.meta.url), 'utf8')
const minimal = (speech: string) => `llm:\n  targets: {}\n  routes: {}\nspeech:\n${speech}\n`

describe('agent.yaml speech section', () => {
  it('the shipped file stays offline (pocketsphinx + espeak-ng) and needs no key', () => {
    const config = parseAgentConfig(shipped, 'agent.yaml', {})
    expect(config.speech).toEqual({
      recognizer: 'pocketsphinx',
      synthesizer: 'espeak-ng',
      openai: { apiKey: '', baseURL: undefined, transcriptionModel: 'gpt-4o-mini-transcribe', language: undefined, speechModel: 'gpt-4o-mini-tts', voice: 'alloy', instructions: undefined, timeoutMs: 10_000 },
    })
  })

  it('switches to OpenAI from the environment, with the key from OPENAI_API_KEY', () => {
    const config = parseAgentConfig(shipped, 'agent.yaml', { CLINIC_AGENT_SPEECH_RECOGNIZER: 'openai', CLINIC_AGENT_SPEECH_SYNTHESIZER: 'openai', OPENAI_API_KEY: 'sk-from-env' })
    expect(config.speech).toMatchObject({ recognizer: 'openai', synthesizer: 'openai', openai: { apiKey: 'sk-from-env' } })
  })

  it('takes the key, base URL, models and voice from the file (${NAME} substituted)', () => {
    const text = minimal('  synthesizer: openai\n  openai:\n    apiKey: ${SPEECH_KEY}\n    baseURL: http://127.0.0.1:9999/v1\n    speechModel: tts-1\n    voice: coral\n    language: en')
    const config = parseAgentConfig(text, 'custom.yaml', { SPEECH_KEY: 'sk-from-file', OPENAI_API_KEY: 'sk-not-this-one' })
    expect(config.speech).toMatchObject({ recognizer: 'pocketsphinx', synthesizer: 'openai', openai: { apiKey: 'sk-from-file', baseURL: 'http://127.0.0.1:9999/v1', speechModel: 'tts-1', voice: 'coral', language: 'en' } })
  })

  it('an OpenAI engine without a key is an error naming the file, the field and the variable', () => {
    expect(() => parseAgentConfig(minimal('  recognizer: openai'), 'custom.yaml', {})).toThrow(
      'custom.yaml: field "speech.openai.apiKey": speech.recognizer is "openai" but no API key is set; set the environment variable OPENAI_API_KEY (or speech.openai.apiKey, e.g. "${MY_KEY}")',
    )
    // `${VAR}` of an unset variable is empty, which is the same as no key.
    expect(() => parseAgentConfig(minimal('  synthesizer: openai\n  openai:\n    apiKey: ${UNSET_SPEECH_KEY}'), 'custom.yaml', {})).toThrow(/field "speech.openai.apiKey": speech.synthesizer is "openai"/)
  })

  it('bad values name the field (and the environment variable they came from)', () => {
    expect(() => parseAgentConfig(minimal('  recognizer: whisper'), 'custom.yaml', {})).toThrow(/custom.yaml: field "speech.recognizer"/)
    expect(() => parseAgentConfig(shipped, 'agent.yaml', { CLINIC_AGENT_SPEECH_SYNTHESIZER: 'polly' })).toThrow(/field "speech.synthesizer".*\(from the environment variable CLINIC_AGENT_SPEECH_SYNTHESIZER\)/)
    expect(() => parseAgentConfig(minimal('  openai:\n    baseURL: api.openai.com'), 'custom.yaml', {})).toThrow(/field "speech.openai.baseURL": must be an http\(s\) URL/)
    expect(() => parseAgentConfig(minimal('  openai:\n    voices: alloy'), 'custom.yaml', {})).toThrow(/field "speech.openai"/)
  })
})
