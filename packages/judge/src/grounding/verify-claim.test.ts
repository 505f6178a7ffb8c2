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

  it('prose: a number said with a hedge is the knowledge\'s number rounded, to two significant digits or more', () => {
    const knowledge = 'Mont Blanc is the highest peak of the Alps, at about 4,806 metres. Its tunnel is 11.6 kilometres long.'
    const says = (response: string) => checkGrounding({ knowledge, context: 'How high is Mont Blanc?', response }).claims.find((claim) => claim.type !== 'statement' && claim.type !== 'name')?.status
    expect(says("It's roughly 4,800 metres high.")).toBe('supported')
    expect(says("It's roughly 4,900 metres high.")).toBe('contradicted')
    // One significant digit rounds too far to say the same.
    expect(says("It's roughly 5,000 metres high.")).not.toBe('supported')
  })

  it('prose: a count the knowledge states word for word in another sentence is supported there', () => {
    const knowledge = 'Amsterdam has 165 canals in its old centre. The canals are crossed by 1,281 bridges.'
    const result = checkGrounding({ knowledge, context: 'Tell me about Amsterdam.', response: 'Its old centre has 165 canals, spanned by 1,281 bridges.' })
    expect(result.claims.filter((claim) => claim.status !== 'supported' && claim.type !== 'statement')).toEqual([])
  })

  it('a people\'s name in the plural is the name the knowledge writes in the singular ("the Mayas" / "Maya")', () => {
    const knowledge = 'Tikal was a great city of the Maya civilisation in the rainforest of Guatemala.'
    const name = (response: string) => checkGrounding({ knowledge, context: 'Who built Tikal?', response }).claims.find((claim) => claim.type === 'name')?.status
    expect(name('The Mayas built it.')).toBe('supported')
    expect(name('The Aztecs built it.')).toBe('unsupported')
  })
})
