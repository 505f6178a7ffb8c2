import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { extractClaims } from './extract-claims.ts'

/** The values a reply states (names aside), as `type:text`. */
function said(text: string): string[] {
  return extractClaims(text).filter((claim) => claim.type !== 'name').map((claim) => `${claim.type}:${claim.text}`)
}

describe('numbers that are not amounts are not read as counts or numbers', () => {
  it('leaves a floor plan or a model glued to capitals alone (EN and JA), but keeps its price', () => {
    expect(said('The 2LDK in Nishi is ¥142,000 a month.')).toEqual(['price:¥142,000'])
    expect(said('西町の3LDKは家賃16万円です。')).toEqual(['price:160000円'])
    expect(said('Our 4WD wagons seat 7 people.')).toEqual(['count:7 people'])
  })

  it('leaves a label after "number", "No." or # and before 番 alone', () => {
    expect(said('Take the number 12 tram to the end of the line.')).toEqual([])
    expect(said('Ask for locker No. 8 at the desk.')).toEqual([])
    expect(said('7番のバスに乗ってください。')).toEqual([])
  })

  it('reads 番地 as an address number and a kanji counter inside a place name as no count', () => {
    expect(said('ワイキキ通りの220番地です。')).toEqual(['address:220番地'])
    expect(said('二子玉川駅から徒歩3分です。')).toEqual(['duration:3分'])
    expect(said('四軒家のお店は閉店しました。').filter((claim) => claim.startsWith('count'))).toEqual([])
  })

  it('reads tons as a count unit (4-ton, 4トン), and 1回 before a duration as what the duration is per', () => {
    expect(said('We send a 4-ton truck.')).toEqual(['count:4-ton'])
    expect(said('4トントラックでお伺いします。')).toEqual(['count:4トン'])
    expect(said('レッスンは1回50分です。')).toEqual(['duration:50分'])
  })

  it('checks a floor plan with its price against the knowledge without a false "1" (JA free text)', () => {
    const knowledge = ['Minami 1LDK: ¥98,000 a month + management fee ¥6,000', 'About 120 listings, 15 of them pet-friendly'].join('\n')
    const result = checkGrounding({ knowledge, context: '南の1LDKの家賃は', response: '南の1LDKは家賃9万8千円です。' })
    expect(result.claims.filter((claim) => claim.type !== 'statement').map((claim) => `${claim.status} ${claim.type} ${claim.text}`)).toEqual(['supported price 98000円'])
  })
})

describe('shares of an amount are percentages', () => {
  const knowledge = ['Cancellation: free up to 5 days before; from 4 days before 40%; on the day 100%', 'Late pick-up fee: ¥1,000 per hour'].join('\n')

  it('reads "N percent" as N% and checks it', () => {
    expect(said('From four days before it is forty percent.')).toContain('number:40%')
    expect(checkGrounding({ knowledge, context: 'What if I cancel four days before?', response: 'From four days before it is forty percent.' }).hallucinated).toBe(false)
    expect(checkGrounding({ knowledge, context: 'What if I cancel four days before?', response: 'From four days before it is twenty percent.' }).hallucinated).toBe(true)
  })

  it('reads "half" and "the full" of a price as 50% and 100%, 半額 as 50%', () => {
    expect(said("That's half the charge.")).toEqual(['number:50%'])
    expect(said('Yesterday\'s loaves are half price.')).toEqual(['number:50%'])
    expect(said('On the day you pay the full amount.')).toEqual(['number:100%'])
    expect(said('閉店前は半額です。')).toEqual(['number:50%'])
    expect(said('It takes about an hour and a half.')).toEqual(['duration:90 minutes'])
  })
})

describe('a bare number is not contradicted by a count of another thing', () => {
  const knowledge = ['Harbour Inn: 36 rooms, 12 parking spaces', 'Twin room (2 guests): ¥14,000 per night', 'Breakfast 7:00-9:30'].join('\n')
  const numbers = (context: string, response: string): string[] =>
    checkGrounding({ knowledge, context, response }).claims.filter((claim) => claim.type === 'number' || claim.type === 'count').map((claim) => `${claim.status} ${claim.text}`)

  it('does not contradict a number that names nothing it counts with a count of guests (EN and JA)', () => {
    expect(numbers('We are five people. How many rooms do you have?', 'For five you would need a third room.')).not.toContain('contradicted 5')
    expect(numbers('部屋は何室ありますか。5人です', '5ですと3部屋必要です。')).not.toContain('contradicted 5')
  })

  it('still flags a count said with the thing it counts', () => {
    expect(checkGrounding({ knowledge, context: 'How many rooms?', response: 'We have forty rooms.' }).hallucinated).toBe(true)
  })
})
