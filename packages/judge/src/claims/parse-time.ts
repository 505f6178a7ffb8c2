import { parseNumber } from '../internal/parse-number.ts'

/** Regular-expression source for one clock time in English or Japanese. */
export const TIME_PATTERN =
  "(?:\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?(?![a-z]))?|\\d{1,2}\\s*(?:[ap]\\.?m\\.?(?![a-z])|o'clock)|(?:午前|午後)?\\s*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})時(?!間)(?:\\s*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})分|半)?|\\bnoon\\b|\\bmidnight\\b|正午)"

export interface ParsedTime {
  minutes: number
  meridiem?: 'am' | 'pm'
  /** Said on a 12-hour clock without am/pm ("we close at 6", "6時"): it may also mean 12 hours later. */
  twelveHour?: boolean
}

/** Parses one clock time ("15:30", "3 pm", "午後3時半", "noon") to minutes since midnight. */
export function parseTime(text: string): ParsedTime | undefined {
  const lower = text.toLowerCase().replace(/\s+/gu, '')
  if (lower === 'noon' || lower === '正午') return { minutes: 720, meridiem: 'pm' }
  if (lower === 'midnight') return { minutes: 0, meridiem: 'am' }
  const japanese = /^(午前|午後)?(.+?)時(?:(.+?)分|(半))?$/u.exec(lower)
  let hour: number | undefined
  let minute: number
  let meridiem: 'am' | 'pm' | undefined
  if (japanese) {
    hour = parseNumber(japanese[2] ?? '')
    minute = japanese[4] ? 30 : japanese[3] ? (parseNumber(japanese[3]) ?? 0) : 0
    meridiem = japanese[1] === '午後' ? 'pm' : japanese[1] === '午前' ? 'am' : undefined
  } else {
    const western = /^(\d{1,2})(?::(\d{2}))?([ap])?/u.exec(lower)
    if (!western) return undefined
    hour = Number(western[1])
    minute = western[2] ? Number(western[2]) : 0
    meridiem = western[3] === 'p' ? 'pm' : western[3] === 'a' ? 'am' : undefined
  }
  if (hour === undefined || hour > 24 || minute > 59) return undefined
  if (meridiem === 'pm' && hour < 12) hour += 12
  if (meridiem === 'am' && hour === 12) hour = 0
  if (meridiem) return { minutes: hour * 60 + minute, meridiem }
  // "09:00" is a 24-hour time; "9:00", "9", "9時" may be 9 am or 9 pm.
  const twelveHour = hour >= 1 && hour <= 11 && !/^0\d/u.test(lower.replace(/^(?:午前|午後)/u, ''))
  return twelveHour ? { minutes: hour * 60 + minute, twelveHour } : { minutes: hour * 60 + minute }
}

/** Resolves a range where only the end says am/pm ("9 to 6 pm", "1-5pm") or the end is before the start ("9 to 6"). */
export function resolveRange(start: ParsedTime, end: ParsedTime): { start: number; end: number; twelveHour?: boolean } {
  let startMinutes = start.minutes
  let endMinutes = end.minutes
  if (!start.meridiem && end.meridiem === 'pm' && startMinutes < 720 && startMinutes + 720 <= endMinutes) startMinutes += 720
  // "9 to 6" ends in the evening; "22:00-7:00", "18:00-02:00" (a 24-hour clock) end the next morning.
  if (!end.meridiem && endMinutes <= startMinutes && endMinutes < 720 && endMinutes > 0) endMinutes += end.twelveHour === true && endMinutes + 720 > startMinutes ? 720 : 1440
  // "from 3 pm until midnight": a range that ends at midnight ends at 24:00, the end of its day.
  if (endMinutes === 0 && startMinutes > 0) endMinutes = 1440
  // "from 11 pm to 5 am": a range past midnight ends the next day (5 am is 29:00 of the day it starts).
  if (endMinutes <= startMinutes && endMinutes > 0) endMinutes += 1440
  // "from 1 to 2": neither end says am or pm, so the whole range may be 12 hours later.
  const twelveHour = start.twelveHour === true && end.twelveHour === true && endMinutes < 720
  return twelveHour ? { start: startMinutes, end: endMinutes, twelveHour } : { start: startMinutes, end: endMinutes }
}

/** "09:00" from minutes since midnight. */
export function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}
