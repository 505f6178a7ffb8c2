import { checkErrorShape } from '@voxguard/errors/testing'
import { describe, expect, it } from 'vitest'
import { MOCK_LLM_ERROR_CODES, MockLlmError } from './mock-llm-error.ts'

describe('MockLlmError', () => {
  it('has the shape every voxguard error has', () => {
    expect(checkErrorShape(MockLlmError, 'MockLlmError', MOCK_LLM_ERROR_CODES)).toEqual([])
  })
})
