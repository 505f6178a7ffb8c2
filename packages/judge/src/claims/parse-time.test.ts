import { parseKnowledgeBase } from '@voxguard/knowledge'
import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { extractClaims } from './extract-claims.ts'
import { parseTime, resolveRange } from './parse-time.ts'

function range(start: string, end: string): string {
  const parsed = resolveRange(parseTime(start)!, parseTime(end)!)
  return `${parsed.start}-${parsed.end}`
}

function ranges(text: string): string[] {
  return extractClaims(text).flatMap((claim) => (claim.value.kind === 'time-range' ? [`${claim.value.start}-${claim.value.end}`] : claim.value.kind === 'time' ? [`${claim.value.minutes}`] : []))
}

describe('resolveRange: a range that ends after midnight', () => {
  it('a 24-hour end before the start is the next morning; a 12-hour one the evening when that comes after the start', () => {
    expect(range('17:00', '01:00')).toBe('1020-1500')
    expect(range('21:00', '4:00')).toBe('1260-1680')
    expect(range('10', '7')).toBe('600-1140')
    expect(range('10 pm', '3 am')).toBe('1320-1620')
    expect(range('16:00', 'midnight')).toBe('960-1440')
  })

  it('reads 翌 and "(next morning)" as the small hours after midnight', () => {
    expect(ranges('翌1時まで営業しています。')).toEqual(['60'])
    expect(ranges('17時〜翌1時')).toEqual(['1020-1500'])
    expect(ranges('17:00-1:00 (next morning)')).toEqual(['1020-1500'])
    expect(ranges('夜9時から朝4時まで')).toEqual(['1260-1680'])
  })
})

/** A fictional late-night bar, written for these tests. */
const knowledge = parseKnowledgeBase({ version: 1, facts: { hours: { monday_to_thursday: '17:00-01:00 (next morning)', friday_and_saturday: '17:00-04:00 (next morning)', sunday: 'closed' } } })
const flagged = (context: string, response: string) => checkGrounding({ knowledge, context, response }).hallucinated

describe('closing times after midnight', () => {
  it('a closing time said the next morning meets a range written past midnight (EN, JA)', () => {
    expect(flagged('How late are you open on Friday?', 'On Fridays we stay open until four in the morning.')).toBe(false)
    expect(flagged('How late are you open on Friday?', 'On Fridays we stay open until two in the morning.')).toBe(true)
    expect(flagged('金曜日は何時まで？', '金曜日は翌朝4時まで営業しております。')).toBe(false)
    expect(flagged('金曜日は何時まで？', '金曜日は翌朝3時までです。')).toBe(true)
    expect(flagged('Are you open Tuesday night?', 'Yes, Tuesday from 5 pm to 1 am.')).toBe(false)
  })
})

describe('ranges said without am or pm', () => {
  const shop = parseKnowledgeBase({ version: 1, facts: { hours: { saturday: '08:00-21:00' }, prices_yen: { child_ticket: 600 } } })
  it('"open 8 to 9" is 8 am to 9 pm: the end alone may be the evening', () => {
    expect(checkGrounding({ knowledge: shop, context: 'Saturday hours?', response: 'On Saturdays we are open 8 to 9.' }).hallucinated).toBe(false)
    expect(checkGrounding({ knowledge: shop, context: 'Saturday hours?', response: 'On Saturdays we are open 9 to 9.' }).hallucinated).toBe(true)
  })

  it('"children from 6 to 11" are ages, not hours', () => {
    expect(ranges('Children from 6 to 11 pay the child price.')).toEqual([])
    expect(ranges('We are open from 6 to 11.')).toEqual(['360-660'])
  })
})
