import { checkErrorShape } from '@voxguard/errors/testing'
import { describe, expect, it } from 'vitest'
import { JUDGE_ERROR_CODES, JudgeError } from './judge-error.ts'

describe('JudgeError', () => {
  it('has the shape every voxguard error has', () => {
    expect(checkErrorShape(JudgeError, 'JudgeError', JUDGE_ERROR_CODES)).toEqual([])
  })
})
