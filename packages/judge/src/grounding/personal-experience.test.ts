import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { statesPersonalExperience } from './personal-experience.ts'

describe('statesPersonalExperience', () => {
  it.each([
    'I visited the reef with my family in 2019.',
    "I've been there twice and the view is stunning.",
    'I once tasted a honey made from heather.',
    'My grandfather kept pigeons on the roof.',
    "I'm growing a few in pots on my balcony right now.",
    'When I was a child we watched them from the pier.',
    'I used to swim there every summer.',
    'I heard one singing outside my window last night.',
  ])('"%s" tells the speaker’s own experience', (sentence) => {
    expect(statesPersonalExperience(sentence)).toBe(true)
  })

  it.each([
    'I love that they can see ultraviolet light!',
    'I think that is right.',
    "I'm not sure where they first appeared.",
    "I don't know what they ate before that.",
    "I've heard that they can live for two centuries.",
    'I read somewhere that the wreck lies at 40 metres.',
    'I remember reading that the bridge opened in 1932.',
    'I find that fascinating.',
    'That sounds like a lovely plan.',
  ])('"%s" is an opinion, a feeling or a hedge, not an experience', (sentence) => {
    expect(statesPersonalExperience(sentence)).toBe(false)
  })
})

describe('checkGrounding on prose knowledge: first-person experience', () => {
  const knowledge = 'Kingfishers dive into water to catch small fish. Their bright blue colour comes from the way their feathers scatter light.'

  it('an experience the assistant cannot have lived is a hallucination', () => {
    expect(checkGrounding({ knowledge, context: 'Are kingfishers really that blue?', response: 'They are! I watched one dive into a stream near my house last week.' }).hallucinated).toBe(true)
  })

  it('an opinion or an enthusiastic reaction is not', () => {
    expect(checkGrounding({ knowledge, context: 'Are kingfishers really that blue?', response: 'I love that question! Their blue comes from the way their feathers scatter light.' }).hallucinated).toBe(false)
  })
})
