import { WEEKDAYS, type Minutes, type Weekday } from './opening-hours.ts'

/** A calendar date as "YYYY-MM-DD" in the clinic's time zone. */
export type CalendarDate = string

/** Today's date in `timeZone` ("YYYY-MM-DD"). */
export function todayIn(timeZone: string, now: Date): CalendarDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

export function weekdayOf(date: CalendarDate): Weekday {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] as Weekday
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  const value = new Date(`${date}T00:00:00Z`)
  value.setUTCDate(value.getUTCDate() + days)
  return value.toISOString().slice(0, 10)
}

/**
 * Understands what callers and models say for a day: "2025-06-07", "today",
 * "tomorrow", "saturday", "next saturday" (the next one after today). Undefined when
 * it cannot.
 */
export function parseAppointmentDate(text: string, today: CalendarDate): CalendarDate | undefined {
  const value = text.trim().toLowerCase().replace(/^next\s+/, '').replace(/^this\s+/, '')
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const parsed = new Date(`${value}T00:00:00Z`)
    return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value ? undefined : value
  }
  if (value === 'today') return today
  if (value === 'tomorrow') return addDays(today, 1)
  const target = WEEKDAYS.indexOf(value as Weekday)
  if (target < 0) return undefined
  const current = new Date(`${today}T00:00:00Z`).getUTCDay()
  return addDays(today, ((target - current + 7) % 7) || 7)
}

/** Understands "10:00", "9:30", "10am", "2 pm", "2:30pm", "14:00"; undefined when it cannot. */
export function parseAppointmentTime(text: string): Minutes | undefined {
  const match = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/.exec(text.trim().toLowerCase())
  if (!match) return undefined
  let hours = Number(match[1])
  const minutes = Number(match[2] ?? '0')
  const meridiem = match[3]?.replace(/\./g, '')
  if (meridiem === undefined && match[2] === undefined) return undefined
  if (meridiem) {
    if (hours < 1 || hours > 12) return undefined
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0)
  }
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : undefined
}
