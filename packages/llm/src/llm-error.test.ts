import { checkErrorShape } from '@voxguard/errors/testing'
import { describe, expect, it } from 'vitest'
import { LLM_ERROR_CODES, LlmError } from './llm-error.ts'

describe('LlmError', () => {
  it('has the shape every voxguard error has', () => {
    expect(checkErrorShape(LlmError, 'LlmError', LLM_ERROR_CODES)).toEqual([])
  })
})
