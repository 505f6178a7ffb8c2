import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { GENERAL_TERMS } from '../grounding/subject-terms.ts'
import { sentenceEntries } from './sentence-entries.ts'

/** A line's value entries as `subject terms → value` (the sentence entry itself left out). */
function valueEntries(line: string): string[] {
  return sentenceEntries('text', 'text[0]', line, GENERAL_TERMS)
    .slice(1)
    .map((entry) => `${[...entry.leafTerms].sort().join(' ')} → ${entry.claims.map((claim) => `${claim.type} ${JSON.stringify(claim.value)}`).join(', ')}`)
}

describe('sentenceEntries: a line of free-text knowledge → entries like structured facts', () => {
  it('price and duration of an item (EN and JA)', () => {
    expect(valueEntries('Personal training (45 minutes): ¥6,000')).toEqual([
      'personal training → duration {"kind":"duration","minutes":45}',
      'personal training → price {"kind":"money","amount":6000,"currency":"JPY"}',
    ])
    expect(valueEntries('パーソナルトレーニング（45分）：六千円')).toEqual([
      'personal training パーソナルトレーニング → duration {"kind":"duration","minutes":45}',
      'personal training パーソナルトレーニング → price {"kind":"money","amount":6000,"currency":"JPY"}',
    ])
  })

  it('a time range per group of weekdays', () => {
    expect(valueEntries('Hours: Mon–Fri 7:00–22:00, Sat–Sun 9:00–18:00.')).toEqual([
      'friday hours mon-fri monday thursday tuesday wednesday → time-range {"kind":"time-range","start":420,"end":1320}',
      'sat-sun saturday sunday → time-range {"kind":"time-range","start":540,"end":1080}',
    ])
    expect(valueEntries('営業時間：平日 朝7時〜夜10時')).toEqual(['friday hours monday thursday tuesday wednesday 営業時間 → time-range {"kind":"time-range","start":420,"end":1320}'])
  })

  it('a person and their days', () => {
    expect(valueEntries('Coach Sato (yoga and pilates, Mondays and Fridays only)')).toEqual(['pilates sato trainer yoga → weekday {"kind":"weekday","days":[1,5],"status":"neutral"}'])
    expect(valueEntries('佐藤コーチ（ヨガ、月曜と金曜のみ）')).toEqual(['sato trainer yoga コーチ ヨガ 佐藤 → weekday {"kind":"weekday","days":[1,5],"status":"neutral"}'])
  })

  it('a phone number, an address and a count', () => {
    expect(valueEntries('Phone: 03-5555-1234')).toEqual(['phone → phone {"kind":"digits","digits":"0355551234"}'])
    expect(valueEntries('We are at 1-2-3 Ebisu, Shibuya.')).toEqual(['ebisu shibuya → address {"kind":"digits","digits":"1-2-3"}'])
    expect(valueEntries('The studio holds 20 people.')).toEqual(['guest hold studio → count {"kind":"number","value":20,"unit":"person"}'])
  })

  it('a limit is a typed value, not an exact count (EN and JA)', () => {
    expect(valueEntries('Private dining room (up to 8 guests): ¥5,000')).toEqual([
      'private restaurant room → count {"kind":"number","value":8,"unit":"person","limit":"max"}',
      'guest private restaurant room → price {"kind":"money","amount":5000,"currency":"JPY"}',
    ])
    expect(valueEntries('個室（最大8名様）：5,000円')).toEqual([
      '個室 → count {"kind":"number","value":8,"unit":"person","limit":"max"}',
      'guest 個室 → price {"kind":"money","amount":5000,"currency":"JPY"}',
    ])
  })

  it('allowed / not allowed: a line without values is one sentence entry, its polarity read when a statement meets it', () => {
    expect(sentenceEntries('text', 'text[0]', 'Pets are not allowed.', GENERAL_TERMS)).toHaveLength(1)
    expect(checkGrounding({ knowledge: 'Pets are not allowed.', response: 'Pets are allowed.' }).claims).toEqual([expect.objectContaining({ status: 'contradicted', evidence: expect.objectContaining({ path: 'text[0]' }) })])
  })
})

describe('subject-aware verification on free-text knowledge', () => {
  const gym = [
    'Personal training (45 minutes): ¥6,000',
    'Extended personal training (90 minutes): ¥9,000',
    'Hours: Mon–Fri 7:00–22:00, Sat–Sun 9:00–18:00.',
    'Coach Sato (yoga and pilates, Mondays and Fridays only)',
    '佐藤コーチ（ヨガ、月曜と金曜のみ）',
  ].join('\n')
  const check = (response: string) => checkGrounding({ knowledge: gym, response }).claims.filter((claim) => claim.type !== 'name').map((claim) => `${claim.status} ${claim.type} @${claim.evidence?.path}`)

  it('a value said about the wrong item, day or person is contradicted with the right line as evidence', () => {
    expect(check('A personal training session is ¥9,000.')).toEqual(['contradicted price @text[0]'])
    expect(check('The extended session is 90 minutes and costs ¥9,000.')).toEqual(['supported duration @text[1]', 'supported price @text[1]'])
    expect(check('On Saturdays we are open from 7 am to 10 pm.')).toEqual(['supported weekday @text[2]', 'contradicted time-range @text[2]'])
    expect(check('Coach Sato teaches on Wednesdays.')).toEqual(['contradicted weekday @text[3]'])
    expect(check('Coach Sato teaches on Mondays and Fridays.')).toEqual(['supported weekday @text[3]', 'supported weekday @text[3]'])
    expect(check('佐藤コーチは水曜日にいます。')).toEqual(['contradicted weekday @text[3]'])
  })

  it('true values said the way people say them are supported', () => {
    expect(checkGrounding({ knowledge: gym, response: "On weekends we're open from nine in the morning until six in the evening." }).hallucinated).toBe(false)
    expect(checkGrounding({ knowledge: gym, response: 'パーソナルトレーニングは45分で六千円です。' }).hallucinated).toBe(false)
  })
})
