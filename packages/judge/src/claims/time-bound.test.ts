import { parseKnowledgeBase } from '@voxguard/knowledge'
import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { extractClaims } from './extract-claims.ts'

/** A fictional laundromat and sauna, written for these tests. */
const knowledge = parseKnowledgeBase({
  version: 1,
  facts: {
    hours: { every_day: '08:00-19:00' },
    sauna: { hours: '15:00-24:00' },
    dry_cleaning: { pickup_by: '17:30' },
    express_wash: { until: '13:00', fee_yen: 800 },
  },
  vocabulary: { sauna: ['sauna', 'サウナ'], dry_cleaning: ['dry cleaning', 'クリーニング'], express_wash: ['express wash', 'express', '特急'] },
})
const hallucinated = (response: string, context = '') => checkGrounding({ knowledge, context, response }).hallucinated

function bounds(text: string): string[] {
  return extractClaims(text).flatMap((claim) => (claim.value.kind === 'time' ? [`${claim.text}:${claim.value.bound ?? '-'}`] : []))
}

describe('readTimeBounds', () => {
  it('reads opening and closing times in English (before the time) and Japanese (after it)', () => {
    expect(bounds('We open at 8:00 and close at 7 pm.')).toEqual(['8:00:start', '7 pm:end'])
    expect(bounds('Please come by 5:30, or as late as 6 pm.')).toEqual(['5:30:end', '6 pm:end'])
    expect(bounds('午前8時から営業し、午後7時に閉店します。')).toEqual(['午前8時:start', '午後7時:end'])
    expect(bounds('The bus leaves at 8:10.')).toEqual(['8:10:-'])
  })

  it('an opening time does not agree with the end of the hours, nor a closing time with the start (EN, JA)', () => {
    expect(hallucinated('We open at eight every morning.')).toBe(false)
    // "7" without am/pm may be 19:00, the closing time: said as the opening time it is not.
    expect(hallucinated('We open at seven.')).toBe(true)
    expect(hallucinated('We close at seven.')).toBe(false)
    expect(hallucinated('8時に閉店します。')).toBe(true)
    expect(hallucinated('夜7時まで営業しております。')).toBe(false)
  })

  it('reads midnight as the end of a range to 24:00, in words and as 夜中の12時', () => {
    expect(hallucinated('The sauna is open from three in the afternoon until midnight.')).toBe(false)
    expect(hallucinated('サウナは夜中の12時までご利用いただけます。')).toBe(false)
    expect(hallucinated('サウナは夜11時までご利用いただけます。')).toBe(true)
  })

  it('a bound word ("as late as") and a price beside a time are not what the time is about', () => {
    expect(hallucinated('You can use the sauna as late as midnight.')).toBe(false)
    expect(hallucinated('特急仕上げは800円で午後1時までです。', '特急はありますか')).toBe(false)
    expect(hallucinated('特急仕上げは800円で午後2時までです。', '特急はありますか')).toBe(true)
  })

  it('reads a bare hour after "at" or "before" as a clock time', () => {
    expect(hallucinated('Dry cleaning pickup is before five thirty.')).toBe(false)
    expect(hallucinated('Dry cleaning pickup is at six.')).toBe(true)
  })
})
