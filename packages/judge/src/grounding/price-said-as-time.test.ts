import { parseKnowledgeBase } from '@voxguard/knowledge'
import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'

/** A fictional juice stand, written for these tests. */
const knowledge = parseKnowledgeBase({ version: 1, facts: { prices_usd: { smoothie: 6.45, lemonade: 3.25 }, hours: { every_day: '07:00-15:00' }, yoga_class: { starts: '07:30' } } })
const text = 'Smoothie $6.45\nLemonade $3.25\nOpen every day 7:00-15:00\nMorning yoga class starts at 7:30'
const claims = (response: string, knowledgeForm: typeof knowledge | string = knowledge) =>
  checkGrounding({ knowledge: knowledgeForm, context: 'How much?', response }).claims.map((claim) => `${claim.status} ${claim.type} ${claim.text}`)

describe('a price said like a clock time ("three twenty-five")', () => {
  it('is the price the knowledge states, in a structured and a free-text knowledge', () => {
    expect(claims('A lemonade is three twenty-five.')).toEqual(['supported price 3:25'])
    expect(claims('Smoothies are six forty-five each.', text)).toContain('supported price 6:45')
  })

  it('stays a clock time with a word of the clock, or when no price reads it', () => {
    expect(claims('We open at seven every day.')).toEqual(['supported time 7:00', 'supported weekday every day'])
    expect(claims('A lemonade is four twenty-five.')).toContain('unsupported time 4:25')
  })
})
