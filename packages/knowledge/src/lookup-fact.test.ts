import { describe, expect, it } from 'vitest'
import { lookupFact } from './lookup-fact.ts'

const facts = { hours: { saturday: '09:00-13:00' }, prices_yen: { cleaning: 5000 } }

describe('lookupFact', () => {
  it('reads a fact value by its dotted path', () => {
    expect(lookupFact(facts, 'hours.saturday')).toBe('09:00-13:00')
    expect(lookupFact(facts, 'prices_yen.cleaning')).toBe(5000)
  })

  it('is undefined for a missing path, a mapping, or an inherited property', () => {
    expect(lookupFact(facts, 'hours.sunday')).toBeUndefined()
    expect(lookupFact(facts, 'hours.saturday.open')).toBeUndefined()
    expect(lookupFact(facts, 'hours')).toBeUndefined()
    expect(lookupFact(facts, 'toString')).toBeUndefined()
  })
})
