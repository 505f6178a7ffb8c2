import { formatClock, type Minutes, type OpeningHours } from './opening-hours.ts'
import { parseAppointmentDate, parseAppointmentTime, todayIn, weekdayOf, type CalendarDate } from './parse-appointment-time.ts'

export interface Appointment {
  id: string
  date: CalendarDate
  /** "HH:MM" */
  time: string
  name: string
  treatment: string
}

/** Either the appointment the request produced, or a sentence the agent can say. */
export type StoreResult = { ok: true; appointment: Appointment; message: string } | { ok: false; error: string }

export interface AppointmentStoreOptions {
  hours: OpeningHours
  /** Treatments that can be booked (lower case). */
  treatments: string[]
  /** Length of one slot. Default 30. */
  slotMinutes?: number
  /** The clinic's time zone, for "today". Default 'Asia/Tokyo'. */
  timeZone?: string
  /** Clock. Default `() => new Date()`. */
  now?: () => Date
}

export interface BookRequest {
  date?: string
  time?: string
  name?: string
  treatment?: string
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * In-memory appointment book: 30-minute slots inside opening hours (outside the lunch
 * break), one patient per slot. Every refusal is a sentence naming what was wrong.
 */
export class AppointmentStore {
  readonly #options: Required<AppointmentStoreOptions>
  readonly #appointments = new Map<string, Appointment>()
  #nextId = 1

  constructor(options: AppointmentStoreOptions) {
    const slotMinutes = options.slotMinutes ?? 30
    if (!Number.isInteger(slotMinutes) || slotMinutes <= 0) throw new RangeError(`AppointmentStore: option "slotMinutes" must be a positive integer, got ${slotMinutes}`)
    this.#options = { ...options, timeZone: options.timeZone ?? 'Asia/Tokyo', now: options.now ?? (() => new Date()), slotMinutes }
  }

  /** All booked appointments, in booking order. */
  list(): Appointment[] {
    return [...this.#appointments.values()]
  }

  book(request: BookRequest): StoreResult {
    const name = request.name?.trim()
    if (!name) return { ok: false, error: 'I need the patient name to book an appointment.' }
    const treatment = request.treatment?.trim().toLowerCase() || 'checkup'
    if (!this.#options.treatments.includes(treatment)) {
      return { ok: false, error: `We do not offer "${request.treatment}". We offer ${this.#options.treatments.join(', ')}.` }
    }
    const slot = this.#resolveSlot(request.date, request.time)
    if (!slot.ok) return slot
    if (this.#find((appointment) => appointment.date === slot.date && appointment.time === slot.time)) {
      return { ok: false, error: `${capitalise(weekdayOf(slot.date))} ${slot.date} at ${slot.time} is already taken. Please choose another time.` }
    }
    const appointment: Appointment = { id: `A${this.#nextId++}`, date: slot.date, time: slot.time, name, treatment }
    this.#appointments.set(appointment.id, appointment)
    return { ok: true, appointment, message: `Booked ${treatment} for ${name} on ${capitalise(weekdayOf(slot.date))} ${slot.date} at ${slot.time}.` }
  }

  cancel(request: { id?: string; name?: string; date?: string; time?: string }): StoreResult {
    const found = this.#match(request)
    if (!found.ok) return found
    this.#appointments.delete(found.appointment.id)
    return { ok: true, appointment: found.appointment, message: `Cancelled the appointment of ${found.appointment.name} on ${found.appointment.date} at ${found.appointment.time}.` }
  }

  move(request: { id?: string; name?: string; date?: string; time?: string; newDate?: string; newTime?: string }): StoreResult {
    const found = this.#match(request)
    if (!found.ok) return found
    const old = found.appointment
    this.#appointments.delete(old.id)
    const booked = this.book({ name: old.name, treatment: old.treatment, date: request.newDate ?? old.date, time: request.newTime ?? old.time })
    if (!booked.ok) {
      this.#appointments.set(old.id, old)
      return booked
    }
    return { ok: true, appointment: booked.appointment, message: `Moved the appointment of ${old.name} to ${booked.appointment.date} at ${booked.appointment.time}.` }
  }

  #find(predicate: (appointment: Appointment) => boolean): Appointment | undefined {
    return this.list().find(predicate)
  }

  #match(request: { id?: string; name?: string; date?: string; time?: string }): { ok: true; appointment: Appointment } | { ok: false; error: string } {
    const today = todayIn(this.#options.timeZone, this.#options.now())
    const date = request.date ? parseAppointmentDate(request.date, today) : undefined
    const time = request.time ? parseAppointmentTime(request.time) : undefined
    const name = request.name?.trim().toLowerCase()
    const candidates = this.list().filter(
      (appointment) =>
        (!request.id || appointment.id === request.id) &&
        (!name || appointment.name.toLowerCase() === name) &&
        (date === undefined || appointment.date === date) &&
        (time === undefined || appointment.time === formatClock(time)),
    )
    if (!request.id && !name) return { ok: false, error: 'I need the name on the appointment.' }
    if (candidates.length === 0) return { ok: false, error: `I could not find an appointment for ${request.name ?? request.id}.` }
    if (candidates.length > 1) return { ok: false, error: `${request.name} has ${candidates.length} appointments; which date and time?` }
    return { ok: true, appointment: candidates[0] as Appointment }
  }

  #resolveSlot(dateText?: string, timeText?: string): { ok: true; date: CalendarDate; time: string } | { ok: false; error: string } {
    const today = todayIn(this.#options.timeZone, this.#options.now())
    const date = dateText ? parseAppointmentDate(dateText, today) : undefined
    if (date === undefined) return { ok: false, error: `I did not understand the day "${dateText ?? ''}". Please say a weekday like Monday, or a date like 2025-06-09.` }
    if (date < today) return { ok: false, error: `${date} is in the past. Please choose a later day.` }
    const start: Minutes | undefined = timeText ? parseAppointmentTime(timeText) : undefined
    if (start === undefined) return { ok: false, error: `I did not understand the time "${timeText ?? ''}". Please say a time like 10:00 or 2:30 pm.` }
    const weekday = weekdayOf(date)
    const open = this.#options.hours.days[weekday]
    if (!open) return { ok: false, error: `We are closed on ${capitalise(weekday)}s. Please choose another day.` }
    const { slotMinutes } = this.#options
    const hoursText = `On ${capitalise(weekday)}s we are open ${formatClock(open.open)} to ${formatClock(open.close)}`
    if (start < open.open || start + slotMinutes > open.close) return { ok: false, error: `${hoursText}, so ${formatClock(start)} is not possible.` }
    const lunch = this.#options.hours.lunchBreak
    if (lunch && start < lunch.end && start + slotMinutes > lunch.start) {
      return { ok: false, error: `${formatClock(start)} is in our lunch break (${formatClock(lunch.start)} to ${formatClock(lunch.end)}). Please choose another time.` }
    }
    if ((start - open.open) % slotMinutes !== 0) return { ok: false, error: `Appointments start every ${slotMinutes} minutes from ${formatClock(open.open)}; ${formatClock(start)} is not a slot start.` }
    return { ok: true, date, time: formatClock(start) }
  }
}
