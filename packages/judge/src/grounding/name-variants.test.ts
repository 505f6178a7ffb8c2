import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { isDemonymOf, namesVariantOf } from './name-variants.ts'

describe('isDemonymOf', () => {
  it.each([
    ['norwegian', 'norway', true],
    ['korean', 'korea', true],
    ['sudanese', 'sudan', true],
    ['brazilian', 'brazil', true],
    ['roman', 'rome', true],
    ['icelandic', 'iceland', true],
    ['swedish', 'sweden', true],
    ['greek', 'greece', true],
    ['dutch', 'holland', true],
    ['austrian', 'australia', false],
    ['spain', 'spanish', false],
  ])('%s of %s: %s', (demonym, place, expected) => {
    expect(isDemonymOf(demonym, place)).toBe(expected)
  })
})

describe('namesVariantOf', () => {
  it('meets a demonym with its place, one way only (a text that says "Korean" places nothing in Korea)', () => {
    expect(namesVariantOf('korean', 'the dish comes from korea')).toBe(true)
    expect(namesVariantOf('korea', 'a korean dish of fermented cabbage')).toBe(false)
  })

  it('folds accents of Latin letters ("Sao Paulo" / "São Paulo"), not the voicing marks of kana', () => {
    expect(namesVariantOf('sao paulo', 'the largest city is são paulo')).toBe(true)
    expect(namesVariantOf('カトウ', 'ガトウ先生')).toBe(false)
  })

  it('meets a place name without its generic head, and an abbreviation spelt out ("Mount Tabor", "St. Kitts")', () => {
    expect(namesVariantOf('mount tabor', 'tabor rises above the plain')).toBe(true)
    expect(namesVariantOf('st. kitts', 'the island of saint kitts')).toBe(true)
    expect(namesVariantOf('mount hermon', 'tabor rises above the plain')).toBe(false)
  })

  it('reads "Earth" as "the world"', () => {
    expect(namesVariantOf('earth', 'the tallest tree in the world')).toBe(true)
    expect(namesVariantOf('earth', 'the tallest tree in europe')).toBe(false)
  })
})

describe('checkGrounding: a name the knowledge writes in another form is supported', () => {
  const knowledge = 'Kimchi is a dish of salted and fermented vegetables from Korea. The tallest redwood in the world grows in California.'

  it('a demonym of a place the knowledge names (EN)', () => {
    const result = checkGrounding({ knowledge, context: 'What is kimchi?', response: 'It is a Korean dish of salted, fermented vegetables.' })
    expect(result.claims.filter((claim) => claim.type === 'name').map((claim) => claim.status)).toEqual(['supported'])
    expect(result.hallucinated).toBe(false)
  })

  it('"on Earth" for "in the world"; another place is still unsupported', () => {
    expect(checkGrounding({ knowledge, context: 'Where is the tallest redwood?', response: 'The tallest redwood on Earth grows in California.' }).hallucinated).toBe(false)
    expect(checkGrounding({ knowledge, context: 'Where is the tallest redwood?', response: 'The tallest redwood grows in Oregon.' }).hallucinated).toBe(true)
  })
})
