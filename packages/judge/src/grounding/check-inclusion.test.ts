import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'

const salon = 'Cut: ¥4,500\nShampoo: ¥800\nHead spa included with every colour treatment\nTowels provided free of charge'
const statements = (response: string) =>
  checkGrounding({ knowledge: salon, response })
    .claims.filter((claim) => claim.type === 'statement')
    .map((claim) => `${claim.status} ${claim.evidence?.path ?? ''}`.trim())

describe('included ↔ charged on top', () => {
  it('"includes X" where X has its own price is contradicted by that price (EN, JA)', () => {
    expect(statements('A cut is ¥4,500 and includes a shampoo.')).toContain('contradicted text[1]')
    // シャンプー meets the English "Shampoo" by its sound (cross-lingual-terms.ts), as it meets the knowledge's own katakana.
    expect(statements('カットはシャンプー付きで4,500円です。')).toContain('contradicted text[1]')
    expect(checkGrounding({ knowledge: 'Cut: ¥4,500\nShampoo (シャンプー): ¥800', response: 'カットはシャンプー付きで4,500円です。' }).claims).toContainEqual(expect.objectContaining({ type: 'statement', status: 'contradicted' }))
  })

  it('a bundled price, a ceiling, or a line that names X only in "without X" is not X\'s own price', () => {
    const inn = 'Standard room, one night with dinner and breakfast: ¥24,000\nChildren 4-10: ¥9,000; under 4: free without meals or bedding\nLuggage insurance up to ¥300,000\nCheck-in 15:00'
    const flagged = (response: string) => checkGrounding({ knowledge: inn, response }).claims.filter((claim) => claim.type === 'statement' && claim.status === 'contradicted')
    expect(flagged('It is ¥24,000 per person, meals included.')).toEqual([])
    expect(flagged('Yes, luggage insurance is included, up to ¥300,000.')).toEqual([])
    expect(flagged('一泊二食付きで24,000円です。')).toEqual([])
  })

  it('"X included" where the knowledge never names X is an invented extra', () => {
    expect(statements('A cut is ¥4,500, scalp massage included.')).toContain('unsupported')
  })

  it('what the knowledge says is included may be said to be included; saying it costs extra is contradicted (EN, JA)', () => {
    expect(statements('Colour treatments include a head spa.')).not.toContainEqual(expect.stringMatching(/^(?:contradicted|unsupported)/u))
    expect(statements('The head spa costs extra.')).toEqual(['contradicted text[2]'])
    expect(checkGrounding({ knowledge: 'Head spa (ヘッドスパ) included with every colour treatment', response: 'ヘッドスパは別料金です。' }).hallucinated).toBe(true)
  })

  it('込み / 付き that end a verb (お持ち込み, お申し込み, お振込み, 1名に付き) say nothing about what is included', () => {
    const cafe = 'Outside food not allowed; birthday cakes welcome (¥300 plate charge)\nLunch set ¥1,200\nReservations by the day before'
    const flagged = (response: string) => checkGrounding({ knowledge: cafe, response }).claims.filter((claim) => claim.status === 'contradicted' || claim.status === 'unsupported')
    expect(flagged('お誕生日のケーキでしたらお持ち込みいただけます。')).toEqual([])
    expect(flagged('ランチセットのお申し込みは前日までにお願いします。')).toEqual([])
    expect(flagged('プレート代は1名に付き300円です。')).toEqual([])
    // After a noun they still say "included": the plate charge is charged on top.
    expect(flagged('ケーキはプレート代込みでお持ち込みいただけます。').length).toBeGreaterThan(0)
  })

  it('"no extra charge", 「追加料金なし」 says it is included', () => {
    expect(statements('The head spa comes at no extra charge.')).not.toContainEqual(expect.stringMatching(/^contradicted/u))
    expect(checkGrounding({ knowledge: 'Head spa (ヘッドスパ) included with every colour treatment', response: 'ヘッドスパは追加料金なしでご利用いただけます。' }).hallucinated).toBe(false)
  })
})
