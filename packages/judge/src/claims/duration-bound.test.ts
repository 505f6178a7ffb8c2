import { parseKnowledgeBase } from '@voxguard/knowledge'
import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { extractClaims } from './extract-claims.ts'

function durations(text: string): string[] {
  return extractClaims(text).flatMap((claim) =>
    claim.value.kind === 'duration' ? [`${claim.value.minutes}${claim.value.limit ? ` ${claim.value.limit}` : ''}${claim.value.offset ? ' offset' : ''}`] : [],
  )
}

/** A fictional bathhouse and massage parlour, written for these tests. */
const knowledge = parseKnowledgeBase({
  version: 1,
  facts: {
    massage: { '60_minutes_yen': 6000, '90_minutes_yen': 8500 },
    membership: { pause_max_months: 3 },
    booking: { ahead_hours: 48 },
    cancellation: { free_until_days_before: 2, from_1_days_before_percent: 50 },
    sauna: { hours: '10:00-22:00' },
  },
  vocabulary: { massage: ['massage', 'マッサージ'], membership: ['membership', '会員', '休会'], cancellation: ['cancel', 'cancellation', 'キャンセル'] },
})
const statuses = (context: string, response: string) => checkGrounding({ knowledge, context, response }).claims.filter((claim) => claim.type === 'duration').map((claim) => `${claim.status} ${claim.text}`)

describe('durationBound', () => {
  it('reads ceilings and floors of a length, in English and Japanese', () => {
    expect(durations('You can pause for up to three months.')).toEqual(['129600 max'])
    expect(durations('The course runs at least 6 weeks.')).toEqual(['60480 min'])
    expect(durations('休会は最長3か月です。')).toEqual(['129600 max'])
    expect(durations('写真は7日以内にお送りします。')).toEqual(['10080 max'])
    expect(durations('A massage takes 90 minutes.')).toEqual(['90'])
  })

  it('reads an offset from an event with its deadline (a floor) or the time past it (a ceiling)', () => {
    expect(durations('Cancelling is free until 2 days before.')).toEqual(['2880 min offset'])
    expect(durations('From one day before, we charge half.')).toEqual(['1440 max offset'])
    expect(durations('Please book 48 hours ahead.')).toEqual(['2880 min offset'])
    expect(durations("We need two weeks' notice.")).toEqual(['20160 min offset'])
    expect(durations('2日前までは無料です。')).toEqual(['2880 min offset'])
    expect(durations('2日前を過ぎますと半額です。')).toEqual(['2880 max offset'])
    expect(durations('1週間前のキャンセルです。')).toEqual(['10080 offset'])
  })
})

describe('durations said as a range', () => {
  const ranges = (text: string) => extractClaims(text).flatMap((claim) => (claim.value.kind === 'duration' ? [`${claim.value.lower ?? '-'}..${claim.value.minutes}`] : []))

  it('reads one claim for a range of lengths, in English and Japanese', () => {
    expect(ranges('A full service takes one to two days.')).toEqual(['1440..2880'])
    expect(ranges('Expect between 40 and 50 minutes.')).toEqual(['40..50'])
    expect(ranges('施術は45〜60分です。')).toEqual(['45..60'])
    expect(ranges('お預かりは2〜3日です。')).toEqual(['2880..4320'])
    expect(ranges('30分〜1時間ほどかかります。')).toEqual(['30..60'])
    // Two lengths listed are two claims, not a range.
    expect(ranges('We offer 30 minutes and 60 minutes.')).toEqual(['-..30', '-..60'])
  })

  it('a length inside a known range is supported, outside it contradicted (EN, JA)', () => {
    const garage = parseKnowledgeBase({ version: 1, facts: { tyre_change: { takes: '40-50 minutes' }, vehicle_inspection: { takes: '1-2 days' } }, vocabulary: { vehicle_inspection: ['inspection', '車検'], tyre_change: ['tyre change', 'tire change', 'タイヤ交換'] } })
    const status = (context: string, response: string) => checkGrounding({ knowledge: garage, context, response }).claims.filter((claim) => claim.type === 'duration').map((claim) => claim.status)
    expect(status('How long is an inspection?', 'An inspection takes about two days.')).toEqual(['supported'])
    expect(status('How long is an inspection?', 'An inspection takes one to two days.')).toEqual(['supported'])
    expect(status('How long is an inspection?', 'An inspection takes about a week.')).toEqual(['contradicted'])
    expect(status('タイヤ交換の時間は？', 'タイヤ交換は45分ほどです。')).toEqual(['supported'])
    expect(status('タイヤ交換の時間は？', 'タイヤ交換は2時間ほどです。')).toEqual(['contradicted'])
  })
})

describe('durations against bounds and key names', () => {
  it('a length the knowledge states only in a key name is supported ("60_minutes_yen")', () => {
    expect(statuses('How long is the massage?', 'We do a sixty-minute massage for 6,000 yen, or ninety minutes for 8,500 yen.')).toEqual(['supported 60-minute', 'supported 90 minutes'])
    expect(statuses('マッサージは何分？', '60分と90分のコースがございます。')).toEqual(['supported 60分', 'supported 90分'])
    expect(statuses('How long is the massage?', 'The massage is 45 minutes.')).toEqual(['contradicted 45 minutes'])
  })

  it('an exact length inside a ceiling or floor is supported; another bound is contradicted (EN, JA)', () => {
    expect(statuses('Can I pause my membership?', 'Yes, you can pause your membership for two months.')).toEqual(['supported 2 months'])
    expect(statuses('Can I pause my membership?', 'You can pause your membership for up to six months.')).toEqual(['contradicted 6 months'])
    expect(statuses('休会はできますか', '休会は最長6か月までです。')).toEqual(['contradicted 6か月'])
  })

  it('a cancellation a week ahead is inside "free until 2 days before"; a later deadline is contradicted (EN, JA)', () => {
    expect(statuses('If I cancel a week before, is it free?', 'Yes, cancelling a week before is free.')).toEqual(['supported 1 week'])
    expect(statuses('キャンセル料は？', '2日前までは無料でキャンセルできます。')).toEqual(['supported 2日'])
    expect(statuses('キャンセル料は？', '3日前までは無料でキャンセルできます。')).toEqual(['contradicted 3日'])
    expect(statuses('What is the cancellation policy?', 'Cancellation is free up to five days before.')).toEqual(['contradicted 5 days'])
  })

  it('a length of something the knowledge gives no length for is unsettled, not a hallucination', () => {
    const result = checkGrounding({ knowledge, context: 'How long is the sauna?', response: 'Most guests stay in the sauna for about 15 minutes.' })
    expect(result.claims.map((claim) => `${claim.status} ${claim.type}`)).toContain('unsettled duration')
    expect(result.hallucinated).toBe(false)
  })
})
