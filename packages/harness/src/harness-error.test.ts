import { checkErrorShape } from '@voxguard/errors/testing'
import { describe, expect, it } from 'vitest'
import { HARNESS_ERROR_CODES, HarnessError } from './harness-error.ts'

describe('HarnessError', () => {
  it('has the shape every voxguard error has', () => {
    expect(checkErrorShape(HarnessError, 'HarnessError', HARNESS_ERROR_CODES)).toEqual([])
  })
})
