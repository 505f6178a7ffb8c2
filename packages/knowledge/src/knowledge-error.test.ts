import { checkErrorShape } from '@voxguard/errors/testing'
import { describe, expect, it } from 'vitest'
import { KNOWLEDGE_ERROR_CODES, KnowledgeError } from './knowledge-error.ts'

describe('KnowledgeError', () => {
  it('has the shape every voxguard error has', () => {
    expect(checkErrorShape(KnowledgeError, 'KnowledgeError', KNOWLEDGE_ERROR_CODES)).toEqual([])
  })
})
