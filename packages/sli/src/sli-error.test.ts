import { checkErrorShape } from '@voxguard/errors/testing'
import { describe, expect, it } from 'vitest'
import { SLI_ERROR_CODES, SliError } from './sli-error.ts'

describe('SliError', () => {
  it('has the shape every voxguard error has', () => {
    expect(checkErrorShape(SliError, 'SliError', SLI_ERROR_CODES)).toEqual([])
  })

  it('keeps the HTTP status an exporter got', () => {
    expect(new SliError('export_failed', 'refused', { status: 400 })).toMatchObject({ code: 'export_failed', status: 400 })
  })
})
