/** The kinds of checkable claim the built-in extractor finds in a reply. */
export type ClaimType =
  | 'price'
  | 'time'
  | 'time-range'
  | 'date'
  | 'weekday'
  | 'duration'
  | 'phone'
  | 'address'
  | 'name'
  | 'count'
  | 'year'
  | 'number'
  | 'statement'

export type Currency = 'JPY' | 'USD' | 'EUR' | 'GBP'

/** A claim's normalised value: numbers, minutes since midnight, weekday indices, digits. */
export type ClaimValue =
  | { kind: 'money'; amount: number; currency?: Currency }
  /**
   * `twelveHour`: said without am/pm on a 12-hour clock, so `minutes + 720` is as likely. `bound`: said as
   * an opening (`start`: "we open at 7", 9時から) or a closing time (`end`: "until 8", 6時まで).
   */
  | { kind: 'time'; minutes: number; twelveHour?: boolean; bound?: 'start' | 'end' }
  | { kind: 'time-range'; start: number; end: number; twelveHour?: boolean }
  | { kind: 'date'; month?: number; day?: number; year?: number }
  /**
   * Days 0 (Sunday) to 6 (Saturday); 7 stands for public holidays. `negated`: `closed` read from a
   * denial ("she's not in on Mondays"), so the days are off for what the clause is about, not
   * closing days of the business. `only`: said as all the days there are ("only on weekends", "Mondays and
   * Fridays only", 土日のみ): every day of its list.
   */
  | { kind: 'weekday'; days: number[]; status: 'open' | 'closed' | 'neutral'; negated?: boolean; only?: number[] }
  /**
   * `limit`: said as a ceiling ("up to 3 months", 3か月以内) or a floor ("at least 72 hours"); `offset`: counted back
   * from an event ("3 days before", "two weeks' notice", 3日前). See durationBound. `lower`: said as a range ("1-2 days",
   * 30分〜1時間): its shorter end, `minutes` its longer.
   */
  | { kind: 'duration'; minutes: number; limit?: 'max' | 'min'; offset?: true; lower?: number }
  | { kind: 'digits'; digits: string }
  /** `unit`: what it counts (`person`, `room`, `age`, `year`, `%`; see countUnit); `limit`: said as at most ("up to 4", 最大4名) or at least ("16歳以上"). */
  | { kind: 'number'; value: number; unit?: string; limit?: 'max' | 'min' }
  | { kind: 'text'; text: string }

/** One checkable claim found in a text, with its position in the NFKC-folded text. */
export interface Claim {
  text: string
  type: ClaimType
  value: ClaimValue
  start: number
  end: number
}

/** Which claims can be compared with each other. */
export function claimGroup(type: ClaimType): string {
  switch (type) {
    case 'time':
    case 'time-range':
      return 'time'
    case 'count':
    case 'year':
    case 'number':
      return 'number'
    default:
      return type
  }
}
