import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'

/** A photo studio's price list, written for these tests. */
const studio = [
  'Portrait session: ¥12,000',
  'Family session: ¥18,000',
  'Holiday surcharge: ¥4,000',
  'Extra print: ¥1,500 each',
].join('\n')

function prices(context: string, response: string): string[] {
  return checkGrounding({ knowledge: studio, context, response }).claims.filter((claim) => claim.type === 'price' || claim.type === 'number').map((claim) => `${claim.status} ${claim.text}`)
}

describe('an amount worked out from stated amounts is supported when the sentence says so', () => {
  it('a total of the reply\'s own prices ("comes to", 合計, 加わって)', () => {
    expect(prices('A portrait on a holiday?', 'That comes to ¥16,000: ¥12,000 for the portrait session plus the ¥4,000 holiday surcharge.')).toContain('supported ¥16,000')
    expect(prices('祝日にポートレートだといくら？', 'ポートレート撮影12,000円に祝日料金の4,000円が加わって、16,000円です。')).toContain('supported 16,000円')
  })

  it('a price times the people the reply or the caller names (「3名様分」, "three people")', () => {
    expect(prices('ポートレート撮影を3人分お願いしたい', '3名様分で、合計36,000円です。')).toContain('supported 36,000円')
    expect(prices('Portraits for three people, how much?', "For three people that's ¥36,000 altogether.")).toContain('supported ¥36,000')
    expect(prices('Portraits for three people, how much?', "For three people that's ¥38,000 altogether.")).toContain('contradicted ¥38,000')
  })

  it('a difference of two listed prices ("¥6,000 more than a portrait", 「6,000円高く」)', () => {
    expect(prices('How much is a family session?', "It's ¥18,000, which is ¥6,000 more than a portrait session.")).toEqual(['supported ¥18,000', 'supported ¥6,000'])
    expect(prices('ファミリー撮影はいくら', 'ファミリー撮影は18,000円で、ポートレートより6,000円高くなります。')).toEqual(['supported 18,000円', 'supported 6,000円'])
  })

  it('"for both" with a bare number in a list of prices ("a portrait is ¥12,000 and a family session 18,000, so ¥30,000 for both")', () => {
    expect(prices('And both sessions?', 'A portrait is ¥12,000 and a family session 18,000, so ¥30,000 for both.')).toContain('supported ¥30,000')
    expect(prices('And both sessions?', 'A portrait is ¥12,000 and a family session 18,000, so ¥32,000 for both.')).toContain('contradicted ¥32,000')
  })

  it('no arithmetic word, or a wrong operand: the figure stands alone and is flagged', () => {
    expect(prices('How much is a family session?', "It's ¥16,000.")).toEqual(['contradicted ¥16,000'])
    // ¥13,000 is no price of the studio: it derives nothing, so ¥17,000 in total is not supported.
    expect(prices('A portrait on a holiday?', 'That is ¥13,000 for the portrait plus ¥4,000, ¥17,000 in total.')).toContain('contradicted ¥17,000')
  })
})
