import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'

const CATHEDRAL =
  'The cathedral was begun in the 13th century and finished in the early 15th century. Its west front was designed by the mason Hugh Ashby. The spire, added in 1460, is 92 metres tall.'

function flagged(response: string, context = 'Tell me about the cathedral.'): boolean {
  return checkGrounding({ knowledge: CATHEDRAL, context, response }).hallucinated
}

describe('checkFreeTextAnswer on prose knowledge', () => {
  it('a century said as its hundreds is the same time ("the 1200s" for "the 13th century")', () => {
    expect(flagged('It was begun in the 1200s and finished in the early 1400s.')).toBe(false)
    expect(flagged('It was begun in the 1500s.')).toBe(true)
  })

  it('a name in the possessive is the name ("Hugh Ashby\'s design")', () => {
    expect(flagged("The west front is Hugh Ashby's design.")).toBe(false)
  })

  it('"the year" before a year is part of the value ("around the year 1460")', () => {
    expect(flagged('The spire was added around the year 1460.')).toBe(false)
    expect(flagged('The spire was added around the year 1480.')).toBe(true)
  })

  it('an invented detail is still a hallucination ("a copper roof")', () => {
    expect(flagged('The spire, added in 1460, has a copper roof.')).toBe(true)
  })
})

describe('checkFreeTextAnswer: the new-word limit grows with what a long reply adds', () => {
  const knowledge = 'Hedgehogs eat insects, worms and snails. They roll into a ball when threatened, and their spines protect them from most predators. They hibernate through the winter in nests of leaves.'

  it('one reworded noun in a long faithful reply is not a hallucination ("their menu")', () => {
    const response = 'Their menu is mostly insects, worms and snails, and when threatened they roll into a ball so the spines protect them from predators.'
    expect(checkGrounding({ knowledge, context: 'What do hedgehogs eat?', response }).hallucinated).toBe(false)
  })

  it('one new noun in a short reply is ("berries")', () => {
    expect(checkGrounding({ knowledge, context: 'What do hedgehogs eat?', response: 'Mostly berries and worms.' }).hallucinated).toBe(true)
  })

  it('words echoed from the question do not dilute a new one ("Hedgehogs eat insects, worms and snails, and also berries")', () => {
    expect(checkGrounding({ knowledge, context: 'Do hedgehogs eat insects, worms and snails?', response: 'Hedgehogs eat insects, worms and snails, and also berries.' }).hallucinated).toBe(true)
  })
})
