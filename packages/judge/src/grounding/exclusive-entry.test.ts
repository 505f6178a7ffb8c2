import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { namedThings } from './exclusive-entry.ts'
import { GENERAL_TERMS } from './subject-terms.ts'

const noodles = [
  'Menya Hoshi ramen shop',
  'Shoyu ramen: ¥950',
  'Payment: cash only / お支払いは現金のみ',
  'Reservations by phone only',
  'Lunch set (ramen and rice): weekdays only, ¥1,100',
  'Counter seats: 10',
].join('\n')
const flagged = (context: string, response: string) =>
  checkGrounding({ knowledge: noodles, context, response })
    .claims.filter((claim) => claim.status === 'contradicted' || claim.status === 'unsupported')
    .map((claim) => `${claim.status} ${claim.evidence?.path ?? ''}`.trim())

describe('a yes to what the knowledge restricts to something else ("only", のみ)', () => {
  it('is contradicted by the restricting line: another way to pay, to book (EN, JA)', () => {
    expect(flagged('Can I pay with Apple Pay?', 'Sure, that works.')).toEqual(['contradicted text[2]'])
    expect(flagged('Do you take credit cards?', 'Yes, we do.')).toEqual(['contradicted text[2]'])
    expect(flagged('Can I book online?', 'Yes, of course.')).toEqual(['contradicted text[3]'])
    expect(flagged('PayPayで支払いできますか', 'はい、大丈夫です。')).toEqual(['contradicted text[2]'])
  })

  it('a day outside the days it is restricted to is contradicted; a day inside is not', () => {
    expect(flagged('Is the lunch set available on Saturday?', 'Yes, it is.')).toEqual(['contradicted text[4]'])
    expect(flagged('Is the lunch set available on Wednesday?', 'Yes, it is.')).toEqual([])
  })

  it('reads the days of a restriction written short ("Mon-Fri only") from the line itself', () => {
    const laundry = 'Express service: ready by 18:00, Mon-Fri only; +¥300\nShirts: ¥250 each'
    const ask = (context: string) => checkGrounding({ knowledge: laundry, context, response: 'Yes, it is.' }).hallucinated
    expect(ask('Is express service available on Sunday?')).toBe(true)
    expect(ask('Is express service available on Tuesday?')).toBe(false)
  })

  it('a question that shares nothing with the restricting line is not answered by it', () => {
    expect(flagged('Is there some kind of Friday special?', 'Yes, gyoza are half price on Fridays.')).not.toContainEqual(expect.stringMatching(/^contradicted text\[(?:2|3|4)\]/u))
  })

  it('a yes to what the line lists, or a question narrowed by a time of day, is not', () => {
    expect(flagged('Can I pay in cash?', 'Yes, of course.')).toEqual([])
    expect(flagged('Can I book by phone?', 'Yes, just call us.')).toEqual([])
    expect(flagged('Can I pay cash early in the morning?', 'Yes, of course.')).toEqual([])
    expect(flagged('現金で払えますか', 'はい、現金でお支払いいただけます。')).toEqual([])
  })

  it('a no, or a restriction the knowledge does not make, is not contradicted', () => {
    expect(flagged('Can I pay with Apple Pay?', "Sorry, we're cash only.")).toEqual([])
    expect(checkGrounding({ knowledge: 'Payment: cash, cards and PayPay', context: 'Can I pay with PayPay?', response: 'Yes, PayPay is fine.' }).hallucinated).toBe(false)
  })
})

describe('namedThings', () => {
  it('reads the things an English question names, not its verbs or prepositions', () => {
    expect(namedThings('Can you value my apartment?', GENERAL_TERMS)).toEqual(new Set(['apartment']))
    expect(namedThings('Do you move outside Osaka?', GENERAL_TERMS)).toEqual(new Set(['osaka']))
    expect(namedThings('Can I pay by PayPay?', GENERAL_TERMS)).toEqual(new Set(['paypay']))
  })
})
