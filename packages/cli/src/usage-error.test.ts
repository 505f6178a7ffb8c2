import { checkErrorShape } from '@voxguard/errors/testing'
import { describe, expect, it } from 'vitest'
import { CLI_ERROR_CODES, UsageError } from './usage-error.ts'

describe('UsageError', () => {
  it('has the shape every voxguard error has', () => {
    expect(checkErrorShape(UsageError, 'UsageError', CLI_ERROR_CODES)).toEqual([])
  })
})
