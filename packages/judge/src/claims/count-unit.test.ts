import { describe, expect, it } from 'vitest'
import { extractClaims } from './extract-claims.ts'
import { countLimit, countUnit } from './count-unit.ts'

function counts(text: string): string[] {
  return extractClaims(text)
    .filter((claim) => claim.value.kind === 'number')
    .map((claim) => (claim.value.kind === 'number' ? `${claim.value.value} ${claim.value.unit ?? '-'} ${claim.value.limit ?? 'exact'}` : ''))
}

describe('countUnit: a Japanese counter and the English noun for the same thing meet', () => {
  it('people, rooms, parking spaces, listings, seats, animals, weights', () => {
    expect(['名', '名様', '人', 'guests', 'people', 'adults'].map(countUnit)).toEqual(Array(6).fill('person'))
    expect(['室', 'rooms', '部屋'].map(countUnit)).toEqual(['room', 'room', 'room'])
    expect(['台', 'spaces', 'cars'].map(countUnit)).toEqual(['space', 'space', 'space'])
    expect(['件', 'properties', 'listings'].map(countUnit)).toEqual(['property', 'property', 'property'])
    expect(['席', 'seats'].map(countUnit)).toEqual(['seat', 'seat'])
    expect(['匹', 'キロ', 'kg', 'kilos'].map(countUnit)).toEqual(['animal', 'kg', 'kg', 'kg'])
  })

  it('another noun stays itself, singular', () => {
    expect(countUnit('lanes')).toBe('lane')
    expect(countUnit('courts')).toBe('court')
  })
})

describe('countLimit and extracted counts: a limit is not an exact count', () => {
  it('at most: up to, max, under, 最大, まで, 以下, 未満', () => {
    expect(counts('The cabin sleeps up to 5 guests.')).toEqual(['5 person max'])
    expect(counts('Bags under 8 kg fly free.')).toEqual(['8 kg max'])
    expect(counts('個室は最大8名様までご利用いただけます。')).toEqual(['8 person max'])
    expect(counts('3台まで停められます。')).toEqual(['3 space max'])
    expect(counts('12歳未満のお子様')).toEqual(['12 age max'])
  })

  it('at least: at least, minimum, 以上, から', () => {
    expect(counts('Groups of at least 6 people get a discount.')).toEqual(['6 person min'])
    expect(counts('20歳以上の方がご利用いただけます。')).toEqual(['20 age min'])
    expect(countLimit('from age 18', 9, 11)).toBe('min')
  })

  it('an exact count has no limit, in words and kanji too', () => {
    expect(counts('We have thirty rooms and 4 seats.')).toEqual(['30 room exact', '4 seat exact'])
    expect(counts('客室は三十室、駐車場は六台です。')).toEqual(['30 room exact', '6 space exact'])
  })
})
