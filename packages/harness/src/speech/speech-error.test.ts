import { checkErrorShape } from '@voxguard/errors/testing'
import { describe, expect, it } from 'vitest'
import { SPEECH_ERROR_CODES, SpeechError } from './speech-error.ts'

describe('SpeechError', () => {
  it('has the shape every voxguard error has', () => {
    expect(checkErrorShape(SpeechError, 'SpeechError', SPEECH_ERROR_CODES)).toEqual([])
  })

  it('names the engine in its message and says its kind in one word', () => {
    const error = new SpeechError('speech_timed_out', 'timed out after 100 ms', { engine: 'openai whisper-1' })
    expect(error).toMatchObject({ message: 'openai whisper-1: timed out after 100 ms', engine: 'openai whisper-1', kind: 'timeout' })
    expect(new SpeechError('speech_engine_failed', 'exited with code 1', { engine: 'sox' }).kind).toBeUndefined()
  })
})
