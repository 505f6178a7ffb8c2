import { describe, expect, it } from 'vitest'
import { daysSaid } from './days-said.ts'

describe('daysSaid: the days a line of knowledge gives someone', () => {
  it('weekday words, ranges and groups, in English', () => {
    expect(daysSaid('Mr. Park (bike fitting, Wednesdays and Sundays only)')).toEqual([0, 3])
    expect(daysSaid('Ms. Silva, tax returns, Tuesday through Friday')).toEqual([2, 3, 4, 5])
    expect(daysSaid('Tutor Okabe: weekends')).toEqual([0, 6])
  })

  it('every day, in both languages', () => {
    expect(daysSaid('Chef Rossi is in the kitchen every day')).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(daysSaid('店主の村井は毎日おります')).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
  })

  it('Japanese day words and the one-kanji days of a schedule (火・木, 水〜土)', () => {
    expect(daysSaid('整備士 西野（平日）')).toEqual([1, 2, 3, 4, 5])
    expect(daysSaid('講師 荒川（火・木）')).toEqual([2, 4])
    expect(daysSaid('受付 三木（水〜土）')).toEqual([3, 4, 5, 6])
    expect(daysSaid('講師 荒川（金〜月）')).toEqual([0, 1, 5, 6])
  })

  it('no day, or a month or a date, is no schedule', () => {
    expect(daysSaid('Ms. Park handles wedding cakes')).toBeUndefined()
    expect(daysSaid('3月1日から新メニュー')).toBeUndefined()
  })

  it('days off: said as off, closed or except, in both languages, leave every other day of the week', () => {
    expect(daysSaid('Ms. Okabe is off on Thursdays')).toEqual([0, 1, 2, 3, 5, 6])
    expect(daysSaid('Mr. Rossi (Sundays off)')).toEqual([1, 2, 3, 4, 5, 6])
    expect(daysSaid('Trainer Ueda: every day except Tuesdays')).toEqual([0, 1, 3, 4, 5, 6, 7])
    expect(daysSaid('講師 荒川（木曜休み）')).toEqual([0, 1, 2, 3, 5, 6])
    expect(daysSaid('荒川は水曜日がお休みです')).toEqual([0, 1, 2, 4, 5, 6])
  })

  it('the 日 of 水曜日 is no Sunday', () => {
    expect(daysSaid('受付の三木は水曜日に出勤します')).toEqual([3])
  })

  it('a shift on weekdays ("weekday evenings") is Monday to Friday', () => {
    expect(daysSaid('Ota - weekday evenings')).toEqual([1, 2, 3, 4, 5])
  })
})
