import { JAPANESE_NUMBER, parseNumber } from '../internal/parse-number.ts'
import type { ClaimType, ClaimValue, Currency } from './claim.ts'
import { countUnit } from './count-unit.ts'
import { parseTime, resolveRange, TIME_PATTERN } from './parse-time.ts'

/** One extraction rule: a global regular expression and how to read its match. */
export interface ClaimPattern {
  type: ClaimType
  pattern: RegExp
  read: (match: RegExpExecArray, text: string) => ClaimValue | undefined
  /** The pattern matches only where the text has a digit or a kanji numeral (`NUMERAL`): a text with none skips it. */
  numeral?: true
}

/** A digit or a kanji numeral: every number the patterns read has one (NUMBER, JAPANESE_NUMBER, the clock times' 一…十). */
export const NUMERAL = /[\d〇零一二三四五六七八九十百千万億]/u

// A number starts only where no digit, comma or point precedes it: each pattern then scans a long run of digits once,
// not once per position (a 99,000-digit reply took minutes to judge). English number words are digits by the time claims
// are read (normalizeSpokenForms).
const NUMBER = `(?<![\\d,.])(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${JAPANESE_NUMBER})`
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)'
const WEEKDAY_EN = '(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)'
const WEEKDAY_INDEX: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 }
const WEEKDAY_JA = '日月火水木金土'

const CURRENCIES: Record<string, Currency> = { '¥': 'JPY', 円: 'JPY', yen: 'JPY', jpy: 'JPY', $: 'USD', dollar: 'USD', dollars: 'USD', usd: 'USD', '€': 'EUR', euro: 'EUR', euros: 'EUR', '£': 'GBP', pound: 'GBP', pounds: 'GBP' }
const DURATION_MINUTES: Array<[RegExp, number]> = [
  [/^(?:minutes?|mins?|分間?)$/u, 1],
  [/^(?:hours?|hrs?|時間)$/u, 60],
  [/^(?:days?|日間?)$/u, 1440],
  [/^(?:weeks?|週間)$/u, 10080],
  [/^(?:months?|か月|ヶ月|カ月)$/u, 43200],
  [/^(?:years?|年間)$/u, 518400],
]
/** The units a duration is said in; 3日 only as an offset or a ceiling (3日前, 7日以内): elsewhere it is a date (the 3rd). */
const DURATION_UNIT = '(minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|分間?|時間|日間|週間|か月|ヶ月|カ月|年間|日(?=(?:以上)?前|以内))'

/** After a range of numbers, 日 counts days too (1〜2日: one to two days; a date says its month, 3月2日). */
const RANGE_UNIT = DURATION_UNIT.replace('|日(?=', '|日(?!前|以内)|日(?=')

function durationMinutes(count: string | undefined, unit: string): number | undefined {
  const value = number(count)
  const factor = DURATION_MINUTES.find(([unitPattern]) => unitPattern.test(unit.toLowerCase()))?.[1]
  return value === undefined || factor === undefined ? undefined : value * factor
}

function number(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseNumber(text.replace(/\s+/gu, ' '))
}

function monthIndex(text: string): number | undefined {
  const index = MONTHS.indexOf(text.slice(0, 3).toLowerCase())
  return index < 0 ? undefined : index + 1
}

function weekdayIndex(text: string): number | undefined {
  const japanese = WEEKDAY_JA.indexOf(text)
  if (japanese >= 0 && text.length === 1) return japanese
  return WEEKDAY_INDEX[text.slice(0, 3).toLowerCase()]
}

function weekdaySpan(from: number, to: number): number[] {
  const days = [from]
  for (let day = from; day !== to; ) {
    day = (day + 1) % 7
    days.push(day)
  }
  return days
}

function phoneDigits(text: string): string | undefined {
  let digits = text.replace(/\D/gu, '')
  if (text.trim().startsWith('+81')) digits = `0${digits.slice(2)}`
  return digits.length >= 9 && digits.length <= 13 ? digits : undefined
}

const HOURS_WORDS = /open|close|hours|営業|診療|受付/iu
/** Words right before "from 6 to 11" that make it ages or a count, not hours ("children from 6 to 11", "groups of 4 to 8"). */
const COUNTED_BEFORE = /\b(?:children|kids|ages?|aged|students?|pupils|guests?|adults?|people|persons?|infants?|babies|toddlers|teens?|teenagers|groups?(?: of)?|parties(?: of)?|party of|grades?|years?)\s*$/iu

/** True when the range at `index` in `text` is said of people or ages ("children from 6 to 11"). */
function countsPeople(text: string, index: number): boolean {
  return COUNTED_BEFORE.test(text.slice(Math.max(0, index - 24), index))
}

/** Words that make the number after them a label, not an amount: "the number 4 bus", "No. 3", "#12". */
const LABEL_BEFORE = /(?:\b(?:number|No\.)\s*|#\s*)$/u
/** The Japanese counter that makes the number before it a label: 4番のバス, 2番線 (番地 is an address). */
const LABEL_AFTER = /^\s*番(?!地)/u
/** A kanji numeral and counter inside a longer kanji word: 三軒茶屋 (a place), 二人部屋 (a room type), not a count. */
const KANJI_COUNT_IN_WORD = /^[〇零一二三四五六七八九十百千万億]/u

/** Rules in priority order: a later rule never takes text an earlier one matched. */
export const CLAIM_PATTERNS: ClaimPattern[] = [
  {
    type: 'phone',
    numeral: true,
    pattern: /(?<![\d-])(?:\+\d{1,3}[\s-]?)?(?:\(\d{1,4}\)\s?)?\d{2,4}[\s-]\d{2,4}[\s-]\d{3,4}(?![\d-])|(?<!\d)0\d{9,10}(?!\d)/gu,
    read: (match) => {
      const digits = phoneDigits(match[0])
      return digits ? { kind: 'digits', digits } : undefined
    },
  },
  {
    type: 'date',
    numeral: true,
    pattern: /(?<!\d)(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)|(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/gu,
    read: (match) => {
      const year = number(match[1] ?? match[4])
      const month = number(match[2] ?? match[5])
      const day = number(match[3] ?? match[6])
      if (!month || !day || month > 12 || day > 31) return undefined
      return year ? { kind: 'date', year, month, day } : { kind: 'date', month, day }
    },
  },
  {
    type: 'time-range',
    pattern: new RegExp(`(?:between\\s+)?(${TIME_PATTERN})\\s*(?:-|to|until|till|through|and|から|より)\\s*(${TIME_PATTERN})(?:まで)?`, 'giu'),
    read: (match) => {
      const start = parseTime(match[1] ?? '')
      const end = parseTime(match[2] ?? '')
      return start && end ? { kind: 'time-range', ...resolveRange(start, end) } : undefined
    },
  },
  {
    // "from nine until noon", "1 to 2 pm", "from 6:30 to 10": one end a clock time, the other a bare hour.
    type: 'time-range',
    numeral: true,
    pattern: new RegExp(`(?<![\\d:.,$¥])(?:(\\d{1,2})\\s*(?:-|to|until|till|through|and)\\s*(${TIME_PATTERN})|(${TIME_PATTERN})\\s*(?:-|to|until|till|through)\\s*(\\d{1,2})(?![\\d:]|[.,]\\d|\\s*(?:%|minutes?|mins?|hours?|days?|people|yen|dollars?|円|分|時間|日|人)))`, 'giu'),
    read: (match, text) => {
      if (countsPeople(text, match.index)) return undefined
      const start = parseTime(match[1] ?? match[3] ?? '')
      const end = parseTime(match[2] ?? match[4] ?? '')
      return start && end ? { kind: 'time-range', ...resolveRange(start, end) } : undefined
    },
  },
  {
    type: 'time-range',
    numeral: true,
    pattern: /(?<![\d:.,$¥])(?:(from|between)\s+)?(?<![\d:.,$¥])(\d{1,2})\s*(?:-|to|until|till|and)\s*(\d{1,2})(?![\d:]|[.,-]\d|\s*(?:minutes?|mins?|hours?|days?|weeks?|months?|years?|people|persons?|yen|dollars?|%|円|分|時間|日|人|歳|[a-z]{3,}s\b))/giu,
    read: (match, text) => {
      // "from 2 to 3" names its hours; a bare "9 to 6" only in a sentence about opening hours.
      if ((!match[1] && !HOURS_WORDS.test(text)) || countsPeople(text, match.index)) return undefined
      if (!match[1] && /\band\b/iu.test(match[0])) return undefined
      const start = parseTime(match[2] ?? '')
      const end = parseTime(match[3] ?? '')
      return start && end ? { kind: 'time-range', ...resolveRange(start, end) } : undefined
    },
  },
  {
    type: 'time',
    pattern: new RegExp(`(?<![\\d.,])${TIME_PATTERN}`, 'giu'),
    read: (match) => {
      const time = parseTime(match[0])
      if (!time) return undefined
      return time.twelveHour ? { kind: 'time', minutes: time.minutes, twelveHour: true } : { kind: 'time', minutes: time.minutes }
    },
  },
  {
    type: 'price',
    numeral: true,
    pattern: new RegExp(
      `([¥$€£])\\s?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)|(${NUMBER})\\s?(円|yen|jpy|dollars?|usd|euros?|pounds?)(?![a-z])`,
      'giu',
    ),
    read: (match) => {
      const amount = number(match[2] ?? match[3])
      const currency = CURRENCIES[(match[1] ?? match[4] ?? '').toLowerCase()]
      if (amount === undefined) return undefined
      return currency ? { kind: 'money', amount, currency } : { kind: 'money', amount }
    },
  },
  {
    // "free of charge" (the normaliser's form of "free", "at no cost", "complimentary") and 無料: a price of zero.
    type: 'price',
    pattern: /\bfree of charge\b|無料/giu,
    read: () => ({ kind: 'money', amount: 0 }),
  },
  {
    // A length given as a range: "1-2 days", "two to three hours", "between 30 and 45 minutes", 30分〜1時間, 45〜60分, 1〜2日間.
    type: 'duration',
    numeral: true,
    pattern: new RegExp(`(?:between\\s+)?(${NUMBER})\\s?${DURATION_UNIT}?\\s*(?:-|to|and)\\s*(${NUMBER})\\s?${RANGE_UNIT}(?![a-z])`, 'giu'),
    read: (match) => {
      // "30 and 60 minutes" lists two lengths; only "between 30 and 45 minutes" is a range.
      if (/\band\b/iu.test(match[0]) && !/^between\b/iu.test(match[0])) return undefined
      const upper = durationMinutes(match[3], match[4] ?? '')
      const lower = durationMinutes(match[1], match[2] ?? match[4] ?? '')
      return lower === undefined || upper === undefined || lower >= upper ? undefined : { kind: 'duration', minutes: upper, lower }
    },
  },
  {
    type: 'address',
    numeral: true,
    pattern: /(\d{1,3})丁目\s?(\d{1,4})(?:番地?|-)\s?(\d{1,4})?号?|(?<![\d-])(\d{1,4}(?:-\d{1,4}){1,3})(?![\d-])(?=\s*,?\s*(?:[A-Z]|[\p{sc=Han}\p{sc=Katakana}]))|(?<![\d-])(\d{1,4}-\d{1,4}-\d{1,4})(?![\d-])|(?<![\d,.])(\d{1,5})\s+(?:[A-Z][a-z]+\s)+(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Drive|Way)(?![a-z])|(?<![\d,.-])(\d{1,5})番地/gu,
    read: (match) => {
      const digits = match[1] ? [match[1], match[2], match[3]].filter(Boolean).join('-') : (match[4] ?? match[5] ?? match[6] ?? match[7] ?? '')
      return digits ? { kind: 'digits', digits } : undefined
    },
  },
  {
    type: 'count',
    numeral: true,
    pattern: new RegExp(`(?:ages?|aged|from age)\\s+(${NUMBER})|(${NUMBER})\\s*(?:years?\\s+old|歳|才)`, 'giu'),
    read: (match) => {
      const value = number(match[1] ?? match[2])
      return value === undefined ? undefined : { kind: 'number', value, unit: 'age' }
    },
  },
  {
    // Every day of the week: "every day", "daily", "seven days a week" (before durations read "7 days"), 毎日, 年中無休; not "every day we're open".
    type: 'weekday',
    pattern: /\b(?:every\s?day|daily|(?:7|seven) days a week|all week(?: long)?)\b(?!\s+(?:that\s+)?(?:we|you|they|it)(?:'re|\s+are|\s+is|'s)\s+open)|毎日|年中無休|無休/giu,
    read: () => ({ kind: 'weekday', days: [0, 1, 2, 3, 4, 5, 6], status: 'neutral' }),
  },
  {
    type: 'duration',
    numeral: true,
    // "30 minutes", "a 10-minute ride", 三十分 ("a 100-day celebration" names an event: only minutes and hours hyphenated).
    pattern: new RegExp(`(${NUMBER})(?:\\s?${DURATION_UNIT}|-(minute|hour))(?![a-z])`, 'giu'),
    read: (match) => {
      const minutes = durationMinutes(match[1], match[2] ?? match[3] ?? '')
      return minutes === undefined ? undefined : { kind: 'duration', minutes }
    },
  },
  {
    type: 'date',
    numeral: true,
    pattern: new RegExp(
      `(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?!\\d)|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+(\\d{4}))?|(${MONTH})(?:\\s+of)?,?\\s+(\\d{4})(?!\\d)`,
      'gu',
    ),
    read: (match) => {
      const month = monthIndex(match[1] ?? match[5] ?? match[7] ?? '')
      const day = number(match[2] ?? match[4])
      const year = number(match[3] ?? match[6] ?? match[8])
      if (!month || (day !== undefined && day > 31)) return undefined
      return { kind: 'date', month, ...(day !== undefined ? { day } : {}), ...(year !== undefined ? { year } : {}) }
    },
  },
  {
    type: 'weekday',
    pattern: new RegExp(`\\b(${WEEKDAY_EN})s?\\.?\\s*(?:-|to|through|thru|until)\\s*(${WEEKDAY_EN})s?\\b|([${WEEKDAY_JA}])曜日?\\s*(?:から|-)\\s*([${WEEKDAY_JA}])曜日?(?:まで)?`, 'gu'),
    read: (match) => {
      const from = weekdayIndex(match[1] ?? match[3] ?? '')
      const to = weekdayIndex(match[2] ?? match[4] ?? '')
      return from === undefined || to === undefined ? undefined : { kind: 'weekday', days: weekdaySpan(from, to), status: 'neutral' }
    },
  },
  {
    type: 'weekday',
    pattern: new RegExp(`\\b(${WEEKDAY_EN})s?\\b|([${WEEKDAY_JA}])曜日?|(平日|weekdays|(?<=\\b(?:every|each)\\s)weekday)|(週末|土日|weekends?)|(祝日|祝祭日|祭日|public holidays?|national holidays?|holidays)`, 'gu'),
    read: (match) => {
      if (match[3]) return { kind: 'weekday', days: [1, 2, 3, 4, 5], status: 'neutral' }
      if (match[4]) return { kind: 'weekday', days: [6, 0], status: 'neutral' }
      if (match[5]) return { kind: 'weekday', days: [7], status: 'neutral' }
      const day = weekdayIndex(match[1] ?? match[2] ?? '')
      return day === undefined ? undefined : { kind: 'weekday', days: [day], status: 'neutral' }
    },
  },
  {
    type: 'count',
    numeral: true,
    pattern: new RegExp(`(${NUMBER})\\s?(人|名|件|軒|台|回|個|つ|校|店|室|部屋|席|匹|頭|キロ|トン)|(?<![\\d.,])(\\d+)(?:\\s?(kg\\b|kilos?\\b)|[\\s-]?(tons?\\b|tonnes?\\b))|(?<![\\d.,])(\\d+)\\s+([a-z]{3,}s|people|children|staff)\\b`, 'gu'),
    read: (match, text) => {
      if (match[1] && KANJI_COUNT_IN_WORD.test(match[1]) && /^\p{sc=Han}/u.test(text.slice(match.index + match[0].length)) && !/^様/u.test(text.slice(match.index + match[0].length))) return undefined
      const value = number(match[1] ?? match[3] ?? match[6])
      return value === undefined ? undefined : { kind: 'number', value, unit: countUnit(match[2] ?? match[4] ?? match[5] ?? match[7] ?? '') }
    },
  },
  {
    type: 'year',
    numeral: true,
    pattern: /(?<![\d.,:-])(1[5-9]\d{2}|20\d{2})\s?-\s?(?:1[5-9]\d{2}|20\d{2})(?![\d.,:-]\d)/gu,
    read: (match) => ({ kind: 'number', value: Number(match[1]), unit: 'year' }),
  },
  {
    type: 'year',
    numeral: true,
    pattern: /(?<![\d.,:-])(1[5-9]\d{2}|20\d{2})(?:年)?(?!\d|[.,:-]\d|\s*(?:円|yen))/gu,
    read: (match) => ({ kind: 'number', value: Number(match[1]), unit: 'year' }),
  },
  {
    type: 'number',
    numeral: true,
    // Not an amount: digits glued to capitals name a floor plan or a model (1LDK, 2DK, 4WD), a label ("number 4", 4番) names a thing.
    pattern: /(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:%|(?![.,]?[\dA-Z]))/gu,
    read: (match, text) => {
      if (LABEL_BEFORE.test(text.slice(Math.max(0, match.index - 12), match.index)) || LABEL_AFTER.test(text.slice(match.index + match[0].length, match.index + match[0].length + 3))) return undefined
      const value = number(match[0].replace('%', ''))
      return value === undefined ? undefined : { kind: 'number', value, ...(match[0].endsWith('%') ? { unit: '%' } : {}) }
    },
  },
]
