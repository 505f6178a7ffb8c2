import { parseKnowledgeBase } from '@voxguard/knowledge'
import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'

/** A fictional ramen shop and bike rental, written for these tests. */
const shop = parseKnowledgeBase({
  version: 1,
  facts: {
    hours: { weekdays: '11:00-22:00', sunday: '11:00-20:00' },
    prices_yen: { ramen: 900, gyoza: 450, kids_ramen: 600 },
    bike_rental: { price_per_hour_yen: 600, deposit_yen: 3000 },
    takeout: { container_fee_yen: 50 },
    tasting_course: { minutes: 90, price_yen: 4800 },
  },
  vocabulary: { ramen: ['ramen', 'ラーメン'], gyoza: ['gyoza', 'dumplings', '餃子'], bike_rental: ['bike', 'bikes', 'bicycle', 'レンタサイクル', '自転車'], deposit: ['deposit', '保証金'], tasting_course: ['tasting course', 'コース'] },
})
const hallucinated = (response: string, context = '') => checkGrounding({ knowledge: shop, context, response }).hallucinated

describe('verifyClaim: which entry a value is said about', () => {
  it('a Japanese time followed by から or まで opens or closes: inside the hours is not enough (JA), as "open at" is not (EN)', () => {
    expect(hallucinated('平日は午前11時から営業しております。')).toBe(false)
    expect(hallucinated('平日は午後1時から営業しております。')).toBe(true)
    expect(hallucinated('日曜日は夜9時までです。')).toBe(true)
    expect(hallucinated('On Sundays we close at 9 pm.')).toBe(true)
    expect(hallucinated('日曜日は夜8時までです。')).toBe(false)
  })

  it('the item a subject names decides over a key that only shares its kind (price)', () => {
    expect(hallucinated('コースは90分で4,800円です。', 'テイスティングコースの料金は？')).toBe(false)
    expect(hallucinated('The tasting course is ninety minutes and ¥4,800.')).toBe(false)
    expect(hallucinated('The tasting course is ¥900.')).toBe(true)
  })

  it('the unit after a value belongs to it: "¥600 an hour, plus a ¥3,000 deposit"', () => {
    expect(hallucinated('Bikes are ¥600 an hour, plus a ¥3,000 deposit.')).toBe(false)
    expect(hallucinated('Bikes are ¥600 an hour, plus a ¥4,000 deposit.')).toBe(true)
  })

  it('a value stated by an entry the subject names as much as the contradicting one is supported', () => {
    // "kids" names kids_ramen's leaf; "takeout" names the container fee's parent: either may be meant.
    expect(hallucinated('For kids takeout there is a ¥50 container fee.')).toBe(false)
    // The subject names the kids' ramen fully and nothing else states ¥900 for it.
    expect(hallucinated('The kids ramen is ¥900.')).toBe(true)
  })
})
