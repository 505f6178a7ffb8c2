import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { withoutUnasserted } from './unasserted-clauses.ts'

const kept = (sentence: string): string => withoutUnasserted(sentence).replace(/\s+/gu, ' ').trim()

describe('withoutUnasserted', () => {
  it.each([
    ['Bring sunscreen if you go in July.', ''],
    ['It rains a lot in June, so take an umbrella.', 'It rains a lot in June,'],
    ['The trail is steep, so you might want to start early.', 'The trail is steep,'],
    ['Autumn might be a better bet for the colours.', ''],
    ['Makes sense, the lake freezes in winter.', 'the lake freezes in winter.'],
    ['Also, if you have a bike, lock it up, because thefts are common.', 'Also, because thefts are common.'],
    ['It must take years of practice.', ''],
    ['I guess the winters there are long.', ''],
    ['The bridge must be repainted every year.', 'The bridge must be repainted every year.'],
  ])('"%s" keeps "%s"', (sentence, rest) => {
    expect(kept(sentence)).toBe(rest)
  })

  it.each([
    ['I love the idea that the glaze hides nothing.', ''],
    ['It crosses three continents, which blows my mind.', 'It crosses three continents,'],
    ['Standing at the top, you\'d love it.', 'Standing at the top,'],
    ['Total classic!', ''],
    ['Fingers crossed the weather holds!', ''],
    ["I'd skip the tour bus!", ''],
    ['Worth seeing at sunset; the walls glow red.', 'the walls glow red.'],
    ['Might be the humidity!', ''],
    ['If you like old maps too, the library has a room of them.', 'the library has a room of them.'],
    ['Climbing it makes you feel small.', ''],
  ])('a feeling or a verbless exclamation asserts nothing: "%s" keeps "%s"', (sentence, rest) => {
    expect(kept(sentence)).toBe(rest)
  })

  it('a hedge on a fact is kept ("I think it opened in 1850")', () => {
    expect(kept('I think it opened in 1850.')).toBe('I think it opened in 1850.')
  })

  it.each(['Rust forms when iron meets water.', 'They dry the leaves, then roll them by hand.', 'Salmon swim upstream to spawn.'])('"%s" states facts and is kept whole', (sentence) => {
    expect(kept(sentence)).toBe(sentence)
  })

  it('a subordinate clause after a directive keeps its fact ("…, when the trees bloom")', () => {
    expect(kept('Go in May, when the cherry trees bloom.')).toBe('when the cherry trees bloom.')
  })

  it('advice around a faithful answer is not an invented fact, a fact inside advice still is', () => {
    const knowledge = 'The Atacama is one of the driest deserts on Earth. Nights there are cold, often near freezing. Its clear skies make it a centre for astronomy.'
    const context = 'Is the Atacama good for stargazing?'
    expect(checkGrounding({ knowledge, context, response: 'Very, the skies are clear enough for astronomy. Nights get cold, so bring a warm coat.' }).hallucinated).toBe(false)
    expect(checkGrounding({ knowledge, context, response: 'Very, the skies are clear. Go in March, when the desert flowers bloom with purple lilies.' }).hallucinated).toBe(true)
  })
})
