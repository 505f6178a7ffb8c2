import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { parseKnowledgeBase } from '@voxguard/knowledge'
import { amountSlot, keySlot, otherSlot } from './amount-slot.ts'
import { extractClaims } from './extract-claims.ts'
import { normalizeSpokenForms } from '../internal/normalize-spoken-forms.ts'

/** The slot of the first price in a text. */
function slotOfPrice(text: string): ReturnType<typeof amountSlot> {
  const normalized = normalizeSpokenForms(text)
  const claims = extractClaims(text)
  const price = claims.find((claim) => claim.type === 'price')
  if (!price) throw new Error(`no price in ${text}`)
  return amountSlot(normalized, price, claims)
}

/** A bike-hire shop's rates, written for these tests, as free text. */
const bikeHire = [
  'Rates per 24 hours: city bike ¥2,500, mountain bike ¥4,000',
  'City bike for 3 hours: ¥1,200',
  'Guided ride (90 minutes): ¥6,000',
  'Guided ride (45 minutes): ¥3,500',
  'Tandem, Monday to Friday: ¥3,000',
  'Tandem, Saturdays and Sundays: ¥3,800',
].join('\n')

function priceStatuses(knowledge: Parameters<typeof checkGrounding>[0]['knowledge'], context: string, response: string): string[] {
  return checkGrounding({ knowledge, context, response }).claims.filter((claim) => claim.type === 'price').map((claim) => `${claim.status} ${claim.text}`)
}

describe('amountSlot: the durations and days an amount is said with', () => {
  it('reads durations and days in the amount\'s clause, its rate unit and a line\'s topic', () => {
    expect(slotOfPrice('A city bike is ¥2,500 for 24 hours.')).toEqual({ durations: [1440], days: [] })
    expect(slotOfPrice("It's ¥2,500 a day.")).toEqual({ durations: [1440], days: [] })
    expect(slotOfPrice('シティバイクは1日2,500円です。')).toEqual({ durations: [1440], days: [] })
    expect(slotOfPrice('Rates per 24 hours: city bike ¥2,500')).toEqual({ durations: [1440], days: [] })
    expect(slotOfPrice('On Saturdays the tandem is ¥3,800, and we open at 9.').days).toEqual([6])
    expect(slotOfPrice('We are 5 minutes from the station, and the tandem is ¥3,000.')).toEqual({ durations: [], days: [] })
  })

  it('reads the minutes and hours and the days of a fact key, not a plan named by its days', () => {
    expect(keySlot(['guided_ride', '90_minutes_yen'])).toEqual({ durations: [90], days: [] })
    expect(keySlot(['tandem_saturday_and_sunday_yen']).days).toEqual([6, 0])
    expect(keySlot(['daily_rate_yen', 'city'])).toEqual({ durations: [1440], days: [] })
    expect(keySlot(['plans_yen', 'baby_100_days'])).toEqual({ durations: [], days: [] })
  })

  it('tells another tier from the same one', () => {
    expect(otherSlot({ durations: [45], days: [] }, { durations: [90], days: [] })).toBe(true)
    expect(otherSlot({ durations: [1440], days: [] }, { durations: [1440], days: [] })).toBe(false)
    expect(otherSlot({ durations: [], days: [6] }, { durations: [60], days: [1, 2, 3, 4, 5] })).toBe(true)
    expect(otherSlot({ durations: [], days: [] }, { durations: [90], days: [] })).toBe(false)
  })
})

describe('a price is checked against the price of its own tier', () => {
  it('supports the 24-hour rate said per day, not contradicted by the 3-hour rate (EN and JA)', () => {
    expect(priceStatuses(bikeHire, 'How much is a city bike for the day?', 'A city bike is ¥2,500 a day.')).toEqual(['supported ¥2,500'])
    expect(priceStatuses(bikeHire, 'シティバイクはいくら？', 'シティバイクは1日2,500円です。')).toEqual(['supported 2,500円'])
  })

  it('contradicts the right price said for another duration or another day', () => {
    expect(priceStatuses(bikeHire, 'How much is the guided ride?', 'The 45-minute guided ride is ¥6,000.')).toEqual(['contradicted ¥6,000'])
    expect(priceStatuses(bikeHire, '土曜日のタンデムはいくら？', '土曜日はタンデムが3,000円です。')).toEqual(['contradicted 3,000円'])
    expect(priceStatuses(bikeHire, 'How much is the guided ride?', 'The 90-minute guided ride is ¥6,000.')).toEqual(['supported ¥6,000'])
  })

  it('uses the fact keys of a knowledge base the same way', () => {
    const knowledge = parseKnowledgeBase(`
version: 1
facts:
  guided_ride:
    45_minutes_yen: 3500
    90_minutes_yen: 6000
`)
    expect(priceStatuses(knowledge, 'How much is the guided ride?', 'A 45-minute guided ride is ¥6,000.')).toEqual(['contradicted ¥6,000'])
    expect(priceStatuses(knowledge, 'How much is the guided ride?', 'A 45-minute guided ride is ¥3,500.')).toEqual(['supported ¥3,500'])
  })
})

describe('a line "Topic: item A ¥…, item B ¥…" gives each price the topic and its own item', () => {
  const clinic = ['Dental cleaning: adults ¥4,000, children ¥2,500', 'Whitening ¥15,000'].join('\n')

  it('supports each item\'s price and contradicts a price said of the other item (EN and JA)', () => {
    expect(priceStatuses(clinic, 'How much is a cleaning for my son?', 'A dental cleaning for children is ¥2,500.')).toEqual(['supported ¥2,500'])
    expect(priceStatuses(clinic, 'How much is a cleaning?', 'For adults, a dental cleaning is ¥2,500.')).toEqual(['contradicted ¥2,500'])
    expect(priceStatuses(clinic, 'How much is a cleaning?', 'A dental cleaning for adults is ¥4,000.')).toEqual(['supported ¥4,000'])
  })
})
