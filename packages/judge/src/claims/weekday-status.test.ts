import { describe, expect, it } from 'vitest'
import { extractClaims } from './extract-claims.ts'

/** `text:status` of each weekday claim, `!` marking a denial (`negated`) and `only`. */
function statuses(text: string): string[] {
  return extractClaims(text).flatMap((claim) =>
    claim.value.kind === 'weekday' ? [`${claim.text}:${claim.value.status}${claim.value.negated ? '!' : ''}${claim.value.only ? ` only ${claim.value.only.join('')}` : ''}`] : [],
  )
}

describe('readWeekdayStatus', () => {
  it('a closing word closes the day; a denied one opens it (EN, JA)', () => {
    expect(statuses('The noodle bar is closed on Thursdays.')).toEqual(['Thursdays:closed'])
    expect(statuses('The noodle bar is not closed on Thursdays.')).toEqual(['Thursdays:open'])
    expect(statuses('木曜日は定休日です。')).toEqual(['木曜日:closed'])
    expect(statuses('木曜日は定休日ではありません。')).toEqual(['木曜日:open'])
  })

  it('a denial with no clock time in its sentence takes the day off for what it is about (EN, JA)', () => {
    expect(statuses('Our florist works Monday to Thursday, so he is not in on Fridays.')).toEqual(['Monday to Thursday:neutral', 'Fridays:closed!'])
    expect(statuses("We don't deliver on Sundays.")).toEqual(['Sundays:closed!'])
    expect(statuses('山本は月曜から木曜の勤務ですので、金曜日はおりません。')).toEqual(['月曜から木曜:neutral', '金曜日:closed!'])
  })

  it('a denial about a time, a price or a condition leaves the day alone', () => {
    expect(statuses("Not on Fridays, I'm afraid; we open at ten.")).toEqual(['Fridays:neutral'])
    expect(statuses('If you cannot come on Friday, Monday works too.')).toEqual(['Friday:neutral', 'Monday:neutral'])
    expect(statuses('金曜日は送料5,000円がかかりません。')).toEqual(['金曜日:neutral'])
  })

  it('an exception closes its days, the rest of the clause keeps its own status (EN, JA)', () => {
    expect(statuses('We deliver every day except Sundays and holidays.')).toEqual(['every day:neutral', 'Sundays:closed', 'holidays:closed'])
    expect(statuses('The café is open daily, other than Mondays.')).toEqual(['daily:open', 'Mondays:closed'])
    expect(statuses('日曜と祝日以外は毎日営業しております。')).toEqual(['日曜:closed', '祝日:closed', '毎日:open'])
    // An exception with hours of its own is no closing day.
    expect(statuses('We close at eight, except Saturdays when we close at five.')).toEqual(['Saturdays:neutral'])
  })

  it('"every weekday" is Monday to Friday; "weekday" as a word of a price is no day ("weekday daytime rate")', () => {
    const weekdays = (text: string) => extractClaims(text).flatMap((claim) => (claim.value.kind === 'weekday' ? [claim.value.days] : []))
    expect(weekdays('Our receptionist is in every weekday.')).toEqual([[1, 2, 3, 4, 5]])
    expect(weekdays('The weekday daytime rate is lower.')).toEqual([])
  })

  it('reads every day, daily, seven days a week, 毎日 and 年中無休 as all seven days, not "every day we are open"', () => {
    const days = (text: string) => extractClaims(text).flatMap((claim) => (claim.value.kind === 'weekday' ? [claim.value.days.length] : []))
    expect(days('We are open seven days a week.')).toEqual([7])
    expect(days('年中無休で営業しています。')).toEqual([7])
    expect(days('The doctor sees patients every day we are open.')).toEqual([])
  })

  it('the days of a list share the status one of them has, and "only" marks all there are', () => {
    expect(statuses('Open 9:00-17:00 Monday, Wednesday and Friday')).toEqual(['Monday:open', 'Wednesday:open', 'Friday:open'])
    expect(statuses('Piano lessons are on Tuesdays and Fridays only.')).toEqual(['Tuesdays:neutral only 25', 'Fridays:neutral only 25'])
    expect(statuses('ピアノのレッスンは火曜日のみです。')).toEqual(['火曜日:neutral only 2'])
  })
})
