import type { KnowledgeBase } from '@voxguard/knowledge'

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** Minutes since midnight, e.g. "09:30" → 570. */
export type Minutes = number

export interface OpeningHours {
  /** Open interval per weekday; absent = closed all day. */
  days: Partial<Record<Weekday, { open: Minutes; close: Minutes }>>
  lunchBreak?: { start: Minutes; end: Minutes }
}

/** Parses "HH:MM" (or "H:MM") into minutes since midnight; undefined when malformed. */
export function parseClock(text: string): Minutes | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim())
  if (!match) return undefined
  const hours = Number(match[1])
  const minutes = Number(match[2])
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : undefined
}

export function formatClock(minutes: Minutes): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

function parseRange(text: string, field: string): { open: Minutes; close: Minutes } {
  const [from, to] = text.split('-')
  const open = parseClock(from ?? '')
  const close = parseClock(to ?? '')
  if (open === undefined || close === undefined || close <= open) throw new Error(`knowledge base: field "facts.${field}" must be "HH:MM-HH:MM" or "closed", got "${text}"`)
  return { open, close }
}

/** Reads `facts.hours` of the knowledge base. */
export function openingHoursFrom(knowledgeBase: KnowledgeBase): OpeningHours {
  const hours = knowledgeBase.facts['hours']
  if (typeof hours !== 'object') throw new Error('knowledge base: field "facts.hours" is required (a mapping of weekday to "HH:MM-HH:MM" or "closed")')
  const days: OpeningHours['days'] = {}
  for (const day of WEEKDAYS) {
    const value = hours[day]
    if (value === undefined || value === 'closed') continue
    days[day] = parseRange(String(value), `hours.${day}`)
  }
  const lunch = hours['lunch_break']
  const lunchRange = lunch === undefined ? undefined : parseRange(String(lunch), 'hours.lunch_break')
  return { days, lunchBreak: lunchRange && { start: lunchRange.open, end: lunchRange.close } }
}
