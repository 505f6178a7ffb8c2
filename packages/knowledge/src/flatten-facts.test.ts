import { describe, expect, it } from 'vitest'
import { flattenFacts } from './flatten-facts.ts'

describe('flattenFacts', () => {
  it('lists every fact value depth first, in file order, with its dotted path', () => {
    const facts = { business: { name: 'Sakura', address: { city: 'Tokyo' } }, slot_minutes: 30, hours: { sunday: 'closed' } }
    expect(flattenFacts(facts).map((fact) => `${fact.path}: ${fact.value}`)).toEqual(['business.name: Sakura', 'business.address.city: Tokyo', 'slot_minutes: 30', 'hours.sunday: closed'])
    expect(flattenFacts(facts)[2]).toEqual({ path: 'slot_minutes', keys: ['slot_minutes'], value: 30 })
  })

  it('lists nothing for empty facts or empty mappings', () => {
    expect(flattenFacts({})).toEqual([])
    expect(flattenFacts({ staff: {} })).toEqual([])
  })
})
