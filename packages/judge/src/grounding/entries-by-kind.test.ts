import { parseKnowledgeBase } from '@voxguard/knowledge'
import { describe, expect, it } from 'vitest'
import { indexKnowledge } from '../knowledge/knowledge-index.ts'
import { entriesByKind } from './entries-by-kind.ts'

/** A fictional bakery, written for these tests. */
const bakery = parseKnowledgeBase({
  version: 1,
  facts: {
    hours: { tuesday: '07:00-15:00', monday: 'closed' },
    prices_yen: { croissant: 280, baguette: 350 },
    bakers: { ms_ueda: 'Ms. Ueda, Thursdays and Fridays' },
    phone: '03-5550-1234',
  },
})

describe('entriesByKind', () => {
  it('sorts one knowledge once: the same index gives back the same lists', () => {
    const index = indexKnowledge(bakery)
    const first = entriesByKind(index)
    expect(entriesByKind(index)).toBe(first)
    expect(first.ofGroup('price')).toBe(first.ofGroup('price'))
    // Another knowledge base is sorted on its own.
    const other = indexKnowledge(parseKnowledgeBase({ version: 1, facts: { prices_yen: { bagel: 200 } } }))
    expect(entriesByKind(other)).not.toBe(first)
    expect(entriesByKind(other).ofGroup('price').map((entry) => entry.path)).toEqual(['facts.prices_yen.bagel'])
  })

  it('lists the entries of each kind of value, a clock time with the days', () => {
    const sorted = entriesByKind(indexKnowledge(bakery))
    expect(sorted.ofGroup('price').map((entry) => entry.path)).toEqual(['facts.prices_yen.croissant', 'facts.prices_yen.baguette'])
    expect(sorted.ofGroup('phone').map((entry) => entry.path)).toEqual(['facts.phone'])
    expect(sorted.ofGroup('time').map((entry) => entry.path)).toEqual(expect.arrayContaining(['facts.hours.tuesday', 'facts.hours.monday']))
    expect(sorted.ofGroup('duration')).toEqual([])
  })

})
