import { describe, expect, it } from 'vitest'
import { checkErrorShape } from './check-error-shape.ts'
import { VoxguardError } from './voxguard-error.ts'

class SampleError extends VoxguardError<'sample_failed' | 'option_invalid'> {
  static override readonly errorName = 'SampleError'
}

describe('checkErrorShape', () => {
  it('passes a class built the documented way, and keeps the structured fields', () => {
    expect(checkErrorShape(SampleError, 'SampleError', ['sample_failed', 'option_invalid'])).toEqual([])
    const error = new SampleError('option_invalid', 'runCalls option agentUrl: expected a ws:// URL', { option: 'agentUrl', expected: 'a ws:// URL', received: 'http://x', file: 'a.yaml', line: 3, column: 5, field: 'turns[0]' })
    expect(error).toMatchObject({ code: 'option_invalid', option: 'agentUrl', expected: 'a ws:// URL', received: 'http://x', file: 'a.yaml', line: 3, column: 5, field: 'turns[0]' })
    expect('cause' in new SampleError('sample_failed', 'no cause')).toBe(false)
  })

  it('names what is wrong with a class that breaks the shape', () => {
    class Unmarked extends Error {
      readonly kind: string
      constructor(kind: string, message: string) {
        super(message)
        this.kind = kind
      }
      static isInstance(value: unknown): boolean {
        return value instanceof Unmarked
      }
    }
    const problems = checkErrorShape(Unmarked, 'Unmarked', ['Bad-Code'])
    expect(problems).toEqual([
      'Unmarked Bad-Code: code is not snake_case',
      'Unmarked Bad-Code: code is undefined',
      'Unmarked Bad-Code: cause not kept',
      'Unmarked Bad-Code: name is Error',
      'Unmarked Bad-Code: VoxguardError.isInstance is false',
      'Unmarked Bad-Code: Unmarked.isInstance is false for an error from another copy of the package',
    ])
  })
})
