import { describe, expect, it } from 'vitest'
import { parseKnowledgeBase } from '@voxguard/knowledge'
import { checkGrounding } from '../check-grounding.ts'
import { noticeDays, tierFor, tierNotice } from './advance-notice.ts'

/** A hair salon's booking policy, written for these tests, as free text. */
const salon = [
  'Salon Ivy, 4-1-8 Sakae, Nagoya',
  'Cut ¥4,800, colour ¥7,500',
  'Cancellation: free up to 4 days before; from 3 days before 25%; the day before 60%; on the day 100%',
  'Students: 10% off any cut',
].join('\n')

/** The same policy as a knowledge base's facts. */
const salonFacts = parseKnowledgeBase(`
version: 1
facts:
  prices_yen: { cut: 4800, colour: 7500 }
  cancellation:
    free_until_days_before: 4
    from_3_days_before_percent: 25
    day_before_percent: 60
    same_day_percent: 100
`)

function shares(knowledge: Parameters<typeof checkGrounding>[0]['knowledge'], context: string, response: string): string[] {
  return checkGrounding({ knowledge, context, response }).claims.filter((claim) => claim.type === 'number').map((claim) => `${claim.status} ${claim.text}`)
}

describe('noticeDays and tierNotice: how many days before the booked day', () => {
  it('reads notices in English and Japanese', () => {
    expect(noticeDays('from 3 days before to the day before, or on the day')).toEqual([3, 1, 0])
    expect(noticeDays('3日前から前日まで、当日')).toEqual([3, 1, 0])
    expect(noticeDays('within 48 hours before, a same-day change')).toEqual([2, 0])
  })

  it('gives a tier the earliest notice since the amount before it, one day closer after "after that"', () => {
    expect(tierNotice('; from 3 days before ')).toBe(3)
    expect(tierNotice('; 2 days before and the day before ')).toBe(2)
    expect(tierNotice('free until 3 days before; after that ')).toBe(2)
    expect(tierNotice('Students: ')).toBeUndefined()
  })

  it('finds the tier a notice falls in: the latest that has started, else the earliest', () => {
    const tiers = [{ notice: 3, share: 25 }, { notice: 1, share: 60 }, { notice: 0, share: 100 }]
    expect(tierFor(tiers, 2)?.share).toBe(25)
    expect(tierFor(tiers, 1)?.share).toBe(60)
    expect(tierFor(tiers, 0)?.share).toBe(100)
    expect(tierFor(tiers, 9)?.share).toBe(25)
  })
})

describe('a share of a tiered policy is checked against the tier of the notice it is said for', () => {
  it('supports each tier said with its notice, and a share said for a tier it covers (EN and JA)', () => {
    expect(shares(salon, 'What is your cancellation policy?', 'From three days before it is 25 percent, the day before 60, and on the day the full amount.')).toEqual(['supported 25%', 'supported 60', 'supported 100%'])
    expect(shares(salon, 'キャンセル料は？', '2日前ですと25%、前日は60%、当日は100%となります。')).toEqual(['supported 25%', 'supported 60%', 'supported 100%'])
    expect(shares(salonFacts, 'キャンセル料は？', '3日前からは25%、前日は60%です。')).toEqual(['supported 25%', 'supported 60%'])
  })

  it('reads the notice from the caller when the reply names none', () => {
    expect(shares(salon, 'What if I cancel the day before?', 'That would be sixty percent of the price.')).toEqual(['supported 60%'])
    expect(shares(salon, 'What if I cancel the day before?', 'That would be twenty-five percent of the price.')).toEqual(['contradicted 25%'])
  })

  it('contradicts a share said for another tier, with that tier as evidence (text and facts)', () => {
    const text = checkGrounding({ knowledge: salon, context: 'And the day before?', response: 'The day before it is 25 percent.' })
    expect(text.hallucinated).toBe(true)
    expect(text.claims.find((claim) => claim.type === 'number')?.evidence?.value).toContain('the day before 60%')
    const facts = checkGrounding({ knowledge: salonFacts, context: '前日のキャンセル料は', response: '前日は25%でございます。' })
    expect(facts.claims.find((claim) => claim.type === 'number')).toMatchObject({ status: 'contradicted', evidence: { path: 'facts.cancellation.day_before_percent' } })
  })

  it('leaves a share of no tiered policy to the usual check', () => {
    expect(shares(salon, 'Do students get a discount?', 'Students get ten percent off any cut.')).toEqual(['supported 10%'])
  })
})
