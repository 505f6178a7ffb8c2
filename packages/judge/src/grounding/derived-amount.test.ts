import { parseKnowledgeBase } from '@voxguard/knowledge'
import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'

const salon = parseKnowledgeBase(
  [
    'version: 1',
    'facts:',
    '  prices_yen:',
    '    haircut: 4500',
    '    colour: 7000',
    '    head_spa: 3500',
    'vocabulary:',
    '  haircut: [cut, カット]',
    '  colour: [color, カラー]',
    '  head_spa: [head spa, ヘッドスパ]',
  ].join('\n'),
)
const flagged = (response: string) => checkGrounding({ knowledge: salon, response }).hallucinated

describe('derivedAmount: a total or a difference of true prices, said as one', () => {
  it('a total of the prices the sentence states (EN, JA)', () => {
    expect(flagged('A cut is ¥4,500 and colour ¥7,000, so ¥11,500 for both.')).toBe(false)
    expect(flagged('カットが4,500円、カラーが7,000円で、合わせて11,500円です。')).toBe(false)
    expect(flagged('A cut is ¥4,500 and colour ¥7,000, so ¥12,000 for both.')).toBe(true)
  })

  it('the difference between a stated price and the price of something the sentence names (EN, JA)', () => {
    expect(flagged('Colour is ¥7,000, which is 2,500 more than a cut.')).toBe(false)
    expect(flagged('カラーは7,000円で、カットより2,500円高くなります。')).toBe(false)
    expect(flagged('Colour is ¥7,000, which is ¥3,000 more than a cut.')).toBe(true)
  })

  it('without words that make it a total or a difference, a figure is checked as itself', () => {
    expect(flagged('A cut is ¥4,500 and colour ¥7,000; the head spa is ¥11,500.')).toBe(true)
  })
})
