import { parseKnowledgeBase } from '@voxguard/knowledge'
import { describe, expect, it } from 'vitest'
import { AppointmentStore } from './appointment-store.ts'
import { openingHoursFrom } from './opening-hours.ts'

const knowledgeBase = parseKnowledgeBase(
  'version: 1\nfacts:\n  hours: { monday: "09:00-18:00", saturday: "09:00-13:00", sunday: closed, lunch_break: "13:00-14:00" }\nintents:\n  fallback: { keywords: [], reply: "?" }\n',
  'test.yaml',
)
// Wednesday 2025-06-04 in Tokyo.
const store = () => new AppointmentStore({ hours: openingHoursFrom(knowledgeBase), treatments: ['checkup', 'cleaning'], now: () => new Date('2025-06-04T01:00:00Z') })

describe('AppointmentStore', () => {
  it('books the next Saturday in a 30-minute slot and refuses the same slot twice', () => {
    const book = store()
    expect(book.book({ date: 'saturday', time: '10:30', name: 'Ken', treatment: 'cleaning' })).toMatchObject({ ok: true, appointment: { date: '2025-06-07', time: '10:30' } })
    expect(book.book({ date: '2025-06-07', time: '10:30 am', name: 'Yui' })).toMatchObject({ ok: false, error: expect.stringContaining('already taken') })
  })

  it.each([
    [{ date: 'sunday', time: '10:00' }, 'closed on Sundays'],
    [{ date: 'saturday', time: '13:00' }, 'not possible'],
    [{ date: 'monday', time: '13:30' }, 'lunch break'],
    [{ date: 'monday', time: '10:15' }, 'not a slot start'],
    [{ date: '2025-06-01', time: '10:00' }, 'in the past'],
    [{ date: 'someday', time: '10:00' }, 'did not understand the day'],
  ])('refuses %o with a sentence naming why', (request, reason) => {
    expect(store().book({ ...request, name: 'Ken' })).toMatchObject({ ok: false, error: expect.stringContaining(reason) })
  })

  it('moves and cancels by name', () => {
    const book = store()
    book.book({ date: 'monday', time: '09:00', name: 'Ken' })
    expect(book.move({ name: 'ken', newTime: '15:00' })).toMatchObject({ ok: true, appointment: { date: '2025-06-09', time: '15:00' } })
    expect(book.cancel({ name: 'Ken' })).toMatchObject({ ok: true })
    expect(book.list()).toEqual([])
    expect(book.cancel({ name: 'Ken' })).toMatchObject({ ok: false, error: expect.stringContaining('could not find') })
  })

  it('books against the real clock when the options leave now and timeZone undefined', () => {
    const clockStore = new AppointmentStore({ hours: openingHoursFrom(knowledgeBase), treatments: ['checkup'], now: undefined, timeZone: undefined })
    const result = clockStore.book({ date: 'saturday', time: '10:00', name: 'Ken', treatment: 'checkup' })
    expect(result.ok).toBe(true)
  })
})
