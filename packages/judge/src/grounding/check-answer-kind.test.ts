import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { askedKind } from './check-answer-kind.ts'

const KNOWLEDGE =
  'The Night Owls played a tribute concert for the singer in 1999, together with Blue Harbor and The Lanterns. Blue Harbor is a Seattle-based folk trio formed in 1987.'

describe('askedKind', () => {
  it('reads the nouns and adjectives after "what" / "which", with a participle that modifies the next word', () => {
    expect(askedKind('What Seattle based folk trio played the tribute?')).toEqual(['seattle', 'based', 'folk', 'trio'])
    expect(askedKind('Which county does the river cross?')).toEqual(['county'])
    expect(askedKind('What made the light so strong?')).toEqual([])
  })
})

describe('unqualifiedAnswer: the answer to "what X" must be an X where the knowledge says so', () => {
  const question = 'What Seattle based folk trio played the tribute concert?'

  it('an answer the knowledge names but never calls an X is unsupported', () => {
    expect(checkGrounding({ knowledge: KNOWLEDGE, context: question, response: 'The Night Owls played it.' }).hallucinated).toBe(true)
  })

  it('the answer the knowledge calls an X passes', () => {
    expect(checkGrounding({ knowledge: KNOWLEDGE, context: question, response: 'Blue Harbor' }).hallucinated).toBe(false)
  })

  it('a sentence split after an abbreviation still belongs to its passage ("the U.S." + "state of …")', () => {
    const knowledge = 'Millbrook is a village in Dutchess County located in the U.S. state of New York.'
    expect(checkGrounding({ knowledge, context: 'Millbrook lies in which New York county?', response: 'Dutchess County' }).hallucinated).toBe(false)
  })
})
