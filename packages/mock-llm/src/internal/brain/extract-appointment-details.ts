import { normalizeText } from './normalize-text.ts'

/** Booking details said in a conversation (each field as last said). */
export interface AppointmentDetails {
  /** `YYYY-MM-DD`, an English weekday (`Saturday`), `tomorrow` or `today`. */
  date?: string
  /** `HH:MM`, 24-hour. */
  time?: string
  name?: string
  treatment?: string
}

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const japaneseWeekdays: Record<string, string> = { 月: 'Monday', 火: 'Tuesday', 水: 'Wednesday', 木: 'Thursday', 金: 'Friday', 土: 'Saturday', 日: 'Sunday' }
const japaneseTreatments: Record<string, string> = {
  定期検診: 'checkup',
  検診: 'checkup',
  健診: 'checkup',
  クリーニング: 'cleaning',
  ホワイトニング: 'whitening',
  詰め物: 'filling',
  クラウン: 'crown',
  被せ物: 'crown',
}

/**
 * Reads date, time, name and treatment from caller utterances, English or Japanese;
 * a later utterance overrides an earlier one.
 * @param treatments treatment names to look for (e.g. the keys of `facts.prices_yen`).
 */
export function extractAppointmentDetails(utterances: readonly string[], treatments: readonly string[]): AppointmentDetails {
  const details: AppointmentDetails = {}
  for (const utterance of utterances) {
    const text = normalizeText(utterance)
    const date = findDate(text)
    if (date !== undefined) details.date = date
    const time = findTime(text)
    if (time !== undefined) details.time = time
    const name = findName(utterance.normalize('NFKC'))
    if (name !== undefined) details.name = name
    const treatment = findTreatment(text, treatments)
    if (treatment !== undefined) details.treatment = treatment
  }
  return details
}

function findDate(text: string): string | undefined {
  const iso = /\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b/.exec(text)
  if (iso) return `${iso[1]}-${iso[2]!.padStart(2, '0')}-${iso[3]!.padStart(2, '0')}`
  // A caller who corrects themselves ("Tuesday, no, Thursday", "Thursday, not Tuesday",
  // "火曜日じゃなくて木曜日") means the last day they named that they did not take back.
  const mentions = [
    ...[...text.matchAll(/\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/g)].map((match) => ({ day: weekdays.find((day) => day.toLowerCase() === match[1])!, index: match.index, end: match.index + match[0].length })),
    ...[...text.matchAll(/([月火水木金土日])曜日?/g)].map((match) => ({ day: japaneseWeekdays[match[1]!]!, index: match.index, end: match.index + match[0].length })),
  ]
    .filter((mention) => !isTakenBack(text, mention.index, mention.end))
    .sort((left, right) => left.index - right.index)
  const last = mentions.at(-1)
  if (last) return last.day
  if (/\btomorrow\b|明日/.test(text)) return 'tomorrow'
  if (/\btoday\b|今日/.test(text)) return 'today'
  return undefined
}

/** "not Tuesday", "instead of Tuesday", "火曜日じゃなくて", "火曜日ではなく": a day named only to take it back. */
function isTakenBack(text: string, start: number, end: number): boolean {
  return /\b(?:not|instead of|rather than)\s+(?:on\s+)?$/.test(text.slice(Math.max(0, start - 16), start)) || /^(?:の\S{0,6})?(?:じゃなくて|ではなく|じゃなく)/.test(text.slice(end, end + 12))
}

function findTime(text: string): string | undefined {
  // The last time said wins within an utterance too ("at 10, sorry, at 11").
  let found: { index: number; time: string } | undefined
  for (const japanese of text.matchAll(/(午前|午後)?\s*(\d{1,2})時(?:(半)|(\d{1,2})分)?/g)) {
    const minutes = japanese[3] ? 30 : Number(japanese[4] ?? 0)
    const time = clock(Number(japanese[2]) + (japanese[1] === '午後' && Number(japanese[2]) < 12 ? 12 : 0), minutes)
    if (time !== undefined && !isTakenBack(text, japanese.index, japanese.index + japanese[0].length)) found = { index: japanese.index, time }
  }
  const english = /\b(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?|o'clock)?(?![\d:-])/g
  for (const match of text.matchAll(english)) {
    const hasColon = match[2] !== undefined
    const suffix = match[3]
    const before = text.slice(Math.max(0, match.index - 3), match.index)
    if (!hasColon && suffix === undefined && !/\bat\s$/.test(before)) continue
    let hours = Number(match[1])
    if (suffix?.startsWith('p') && hours < 12) hours += 12
    else if (suffix?.startsWith('a') && hours === 12) hours = 0
    else if (suffix === undefined && hours >= 1 && hours <= 7) hours += 12 // "at 3" on a clinic phone line means 15:00
    const time = clock(hours, Number(match[2] ?? 0))
    if (time === undefined || isTakenBack(text, match.index, match.index + match[0].length)) continue
    if (found === undefined || match.index > found.index) found = { index: match.index, time }
  }
  return found?.time
}

function clock(hours: number, minutes: number): string | undefined {
  if (hours > 23 || minutes > 59) return undefined
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
}

function findName(text: string): string | undefined {
  const english = /\b(?:my name is|my name's|this is|name is)\s+([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)/i.exec(text)
  if (english && /^[A-Z]/.test(english[1]!) && !weekdays.includes(english[1]!.split(' ')[0]!)) return english[1]
  const japanese = /(?:名前は|私は)\s*([^\s、。,.]+?)(?:です|と申します)|([^\s、。,.はが]+?)と申します/.exec(text)
  return japanese ? (japanese[1] ?? japanese[2]) : undefined
}

function findTreatment(text: string, treatments: readonly string[]): string | undefined {
  const english = treatments.find((treatment) => new RegExp(`\\b${treatment.toLowerCase().replaceAll('_', ' ')}`).test(text))
  if (english) return english
  for (const [word, treatment] of Object.entries(japaneseTreatments)) {
    if (text.includes(word) && treatments.includes(treatment)) return treatment
  }
  return undefined
}
