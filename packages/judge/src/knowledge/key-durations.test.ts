import { describe, expect, it } from 'vitest'
import { countedKeyDuration, numberedKeyDurations } from './key-durations.ts'

function read(claims: ReturnType<typeof numberedKeyDurations>): string[] {
  return claims.flatMap((claim) => (claim.value.kind === 'duration' ? [`${claim.value.minutes}${claim.value.limit ? ` ${claim.value.limit}` : ''}${claim.value.offset ? ' offset' : ''}`] : []))
}

describe('numberedKeyDurations', () => {
  it('reads a number and its unit in any key of the path', () => {
    expect(read(numberedKeyDurations(['facial', '45_minutes_yen'], '7000'))).toEqual(['45'])
    expect(read(numberedKeyDurations(['studio_per_2_hours_yen', 'weekday'], '3000'))).toEqual(['120'])
    expect(read(numberedKeyDurations(['van_12_hours_usd'], '90'))).toEqual(['720'])
    expect(read(numberedKeyDurations(['course_90min'], '15000'))).toEqual(['90'])
  })

  it('reads days only as an offset from an event: a plan named for 100 days is no duration', () => {
    expect(read(numberedKeyDurations(['cancellation', 'from_3_days_before_percent'], '30'))).toEqual(['4320 max offset'])
    expect(read(numberedKeyDurations(['plans_yen', 'baby_100_days'], '13200'))).toEqual([])
  })

  it("reads a rate's period as the duration its price is for", () => {
    expect(read(numberedKeyDurations(['daily_rate_usd', 'kayak'], '40'))).toEqual(['1440'])
    expect(read(numberedKeyDurations(['studio', 'hourly_yen'], '2500'))).toEqual(['60'])
    expect(read(numberedKeyDurations(['locker_monthly_yen'], '1100'))).toEqual(['43200'])
  })
})

describe('countedKeyDuration', () => {
  const one = (key: string, value: number) => read([countedKeyDuration(key, value, String(value))].filter((claim) => claim !== undefined))

  it('a number under a key naming a unit counts that unit, with the bound the key says', () => {
    expect(one('usual_wait_minutes', 20)).toEqual(['20'])
    expect(one('free_until_days_before', 3)).toEqual(['4320 min offset'])
    expect(one('order_ahead_hours', 48)).toEqual(['2880 min offset'])
    expect(one('max_weeks', 4)).toEqual(['40320 max'])
    expect(one('half_day_hours', 5)).toEqual(['300'])
  })

  it('not a rate ("per day"), a share or a price, nor a key that names no unit', () => {
    expect(one('rooms_per_day', 6)).toEqual([])
    expect(one('day_before_percent', 50)).toEqual([])
    expect(one('spaces', 12)).toEqual([])
  })
})
