import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { meaningsOf, meansTheSame } from './wordnet-relations.ts'

describe('meansTheSame (WordNet 3.1)', () => {
  it('a synonym of a grounding word says the same ("automobile" / "car", "begin" / "start")', () => {
    expect(meansTheSame('automobile', meaningsOf(['car']))).toBe(true)
    expect(meansTheSame('begin', meaningsOf(['start']))).toBe(true)
  })

  it('only a word\'s first senses count: a rare sense does not make two words synonyms ("line" is not "lineage")', () => {
    expect(meansTheSame('line', meaningsOf(['lineage']))).toBe(false)
  })

  it('a more general word says less, never something new ("dish" for "stew", "country" for "Peru")', () => {
    expect(meansTheSame('dish', meaningsOf(['stew']))).toBe(true)
    expect(meansTheSame('country', meaningsOf(['Peru']))).toBe(true)
  })

  it('a more specific word, a sibling or an unrelated word is new ("stew" for "dish", "violet" for "red", "vinegar" for "salt")', () => {
    expect(meansTheSame('stew', meaningsOf(['dish']))).toBe(false)
    expect(meansTheSame('violet', meaningsOf(['red']))).toBe(false)
    expect(meansTheSame('vinegar', meaningsOf(['salt']))).toBe(false)
  })
})

describe('checkGrounding with WordNet against prose knowledge', () => {
  const knowledge = 'Goulash is a Hungarian stew of meat and vegetables seasoned with paprika. Its origins go back to the herdsmen of the ninth century.'
  it('a reply that generalises or uses synonyms is grounded', () => {
    expect(checkGrounding({ knowledge, context: 'What is goulash?', response: "It's a Hungarian dish of meat and veggies, spiced with paprika." }).hallucinated).toBe(false)
  })

  it('a reply that adds a specific the knowledge lacks is not', () => {
    expect(checkGrounding({ knowledge, context: 'What is goulash?', response: "It's a Hungarian stew of meat and potatoes, seasoned with cumin." }).hallucinated).toBe(true)
  })
})
