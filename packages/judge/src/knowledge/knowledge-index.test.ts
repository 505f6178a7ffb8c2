import { parseKnowledgeBase } from '@voxguard/knowledge'
import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { indexKnowledge, splitSentences } from './knowledge-index.ts'

/** `path → leaf terms → typed values` of a knowledge base's fact entries. */
function factEntries(facts: Record<string, unknown>, vocabulary?: Record<string, string[]>): string[] {
  const base = parseKnowledgeBase({ version: 1, facts, ...(vocabulary ? { vocabulary } : {}) })
  return indexKnowledge(base).entries.map((entry) => `${entry.path} → ${[...entry.leafTerms].sort().join(' ')} → ${entry.claims.map((claim) => `${claim.type} ${JSON.stringify(claim.value)}`).join(', ')}`)
}

describe('splitSentences', () => {
  it('the point of a title ends no sentence', () => {
    expect(splitSentences('Dr. Tanaka (dermatology, Wednesdays only)\nOur nurse is Ms. Ueda. She works mornings.')).toEqual([
      'Dr. Tanaka (dermatology, Wednesdays only)',
      'Our nurse is Ms. Ueda.',
      'She works mornings.',
    ])
    expect(splitSentences('担当は上田です。月曜のみです。')).toEqual(['担当は上田です。', '月曜のみです。'])
  })
})

describe('indexKnowledge: fact keys', () => {
  it('key words that together spell a vocabulary term mean that term', () => {
    const vocabulary = { late_night_surcharge: ['late-night surcharge', '深夜料金'], walk_in: ['walk-in', '飛び込み'] }
    expect(factEntries({ fees_yen: { late_night_surcharge: 1200, walk_in_cut: 4000 } }, vocabulary)).toEqual([
      'facts.fees_yen.late_night_surcharge → late late_night_surcharge night surcharge → price {"kind":"money","amount":1200,"currency":"JPY"}',
      'facts.fees_yen.walk_in_cut → access haircut walk_in → price {"kind":"money","amount":4000,"currency":"JPY"}',
    ])
  })

  it('what a number counts and whether it is a limit, from its key', () => {
    expect(factEntries({ karaoke_room: { max_guests: 10 }, minimum_age: 20, parking: { spaces: 5 }, sauna: { free_minutes: 45 }, rental_max_months: 6 })).toEqual([
      'facts.karaoke_room.max_guests → guest max → count {"kind":"number","value":10,"unit":"person","limit":"max"}',
      'facts.minimum_age → age minimum → count {"kind":"number","value":20,"unit":"age","limit":"min"}',
      'facts.parking.spaces → space → count {"kind":"number","value":5,"unit":"space"}',
      'facts.sauna.free_minutes →  → duration {"kind":"duration","minutes":45}, price {"kind":"money","amount":0}',
      'facts.rental_max_months → max rent → duration {"kind":"duration","minutes":259200,"limit":"max"}',
    ])
  })
})

describe('indexKnowledge: hours keyed by a group of days', () => {
  it('`hours.weekdays` and `hours.weekends` state each of their days, open or closed (EN and JA)', () => {
    const bar = parseKnowledgeBase({ version: 1, facts: { hours: { weekdays: '17:00-24:00', weekends: 'closed' } } })
    const hallucinated = (response: string) => checkGrounding({ knowledge: bar, response }).hallucinated
    expect(hallucinated('We are open on weekdays from 5 pm.')).toBe(false)
    expect(hallucinated('平日は夕方5時から営業しております。')).toBe(false)
    expect(hallucinated('We are open on Saturdays.')).toBe(true)
    expect(hallucinated('土日はお休みです。')).toBe(false)
  })
})

describe('indexKnowledge: keys that name days or closing days', () => {
  it('a key of several days (`monday_to_friday`, `every_day`) states each; a price key naming days states none', () => {
    const days = (facts: Record<string, unknown>) => indexKnowledge(parseKnowledgeBase({ version: 1, facts })).entries.map((entry) => entry.claims.flatMap((claim) => (claim.value.kind === 'weekday' ? [`${claim.value.days.join('')} ${claim.value.status}`] : [])).join(', '))
    expect(days({ hours: { monday_to_friday: '10:00-18:00', every_day: '09:00-12:00' } })).toEqual(['12345 open', '0123456 open'])
    expect(days({ rates_yen: { room_sunday_to_thursday: 9000 } })).toEqual([''])
  })

  it('a closing-days key (`closed`, `定休日`, `regular_holiday`) closes the days of its value (EN, JA)', () => {
    const cafe = parseKnowledgeBase({ version: 1, facts: { cafe: { hours: '11:00-17:00', closed: 'Tuesdays and Wednesdays' }, gallery: { 定休日: '月曜日' } }, vocabulary: { cafe: ['cafe', 'カフェ'], gallery: ['gallery', 'ギャラリー'] } })
    const hallucinated = (response: string) => checkGrounding({ knowledge: cafe, response }).hallucinated
    expect(hallucinated('The cafe is closed on Wednesdays.')).toBe(false)
    expect(hallucinated('カフェは火曜日がお休みです。')).toBe(false)
    expect(hallucinated('The cafe is closed on Mondays.')).toBe(true)
    expect(hallucinated('ギャラリーは月曜日が休館日です。')).toBe(false)
  })
})

describe('checkGrounding: counts and limits', () => {
  const base = parseKnowledgeBase({ version: 1, facts: { karaoke_room: { max_guests: 10, price_per_hour_yen: 2500 }, minimum_age: 20, parking: { spaces: 5 } } })
  const hallucinated = (response: string) => checkGrounding({ knowledge: base, response }).hallucinated

  it('an exact count inside a limit agrees; a count or a limit beyond it does not (EN)', () => {
    expect(hallucinated('The karaoke room fits eight guests.')).toBe(false)
    expect(hallucinated('The karaoke room takes up to 10 people.')).toBe(false)
    expect(hallucinated('The karaoke room takes up to 12 people.')).toBe(true)
    expect(hallucinated('You need to be at least 18 years old.')).toBe(true)
  })

  it('the same in Japanese, with counters that name the thing counted (名様, 台)', () => {
    expect(hallucinated('カラオケルームは最大10名様までご利用いただけます。')).toBe(false)
    expect(hallucinated('カラオケルームは最大12名様までです。')).toBe(true)
    expect(hallucinated('駐車場は5台分ございます。')).toBe(false)
    expect(hallucinated('駐車場は8台分ございます。')).toBe(true)
    expect(hallucinated('20歳以上の方がご利用いただけます。')).toBe(false)
  })

  it('free minutes in a key back "free"', () => {
    const spa = parseKnowledgeBase({ version: 1, facts: { parking: { spaces: 4, free_minutes: 60 } } })
    expect(checkGrounding({ knowledge: spa, response: 'Parking is free for the first hour.' }).hallucinated).toBe(false)
    expect(checkGrounding({ knowledge: spa, response: '駐車場は60分まで無料です。' }).hallucinated).toBe(false)
  })
})
