import type { ToolDefinition } from '@voxguard/llm'
import type { AppointmentStore } from './appointment-store.ts'

const stringField = (description: string) => ({ type: 'string', description })

/** The tools the `answer` step offers the model (JSON Schema parameters). */
export const CLINIC_TOOLS: ToolDefinition[] = [
  {
    name: 'book_appointment',
    description: 'Book a 30-minute appointment inside opening hours.',
    parameters: {
      type: 'object',
      properties: {
        date: stringField('Day: YYYY-MM-DD, a weekday name, "today" or "tomorrow".'),
        time: stringField('Start time, e.g. "10:00" or "2:30 pm".'),
        name: stringField("The patient's name."),
        treatment: stringField('checkup, cleaning, whitening, filling or crown.'),
      },
      required: ['date', 'time', 'name'],
    },
  },
  {
    name: 'cancel_appointment',
    description: 'Cancel an existing appointment.',
    parameters: {
      type: 'object',
      properties: { name: stringField("The patient's name."), date: stringField('Day of the appointment.'), time: stringField('Time of the appointment.') },
      required: ['name'],
    },
  },
  {
    name: 'move_appointment',
    description: 'Move an existing appointment to another day or time.',
    parameters: {
      type: 'object',
      properties: {
        name: stringField("The patient's name."),
        date: stringField('Current day of the appointment.'),
        time: stringField('Current time of the appointment.'),
        newDate: stringField('New day.'),
        newTime: stringField('New time.'),
      },
      required: ['name'],
    },
  },
  {
    name: 'handoff_to_human',
    description: 'Transfer the caller to a human receptionist.',
    parameters: { type: 'object', properties: { reason: stringField('Why the caller wants a human.') } },
  },
]

export type ToolResult = Record<string, unknown> & { ok: boolean }

/** Parses the model's raw JSON arguments; a malformed one becomes an error result, not a throw. */
export function parseToolArguments(raw: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw || '{}')
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined)

/** Runs one clinic tool against the store; unknown tools and bad arguments are error results. */
export function runClinicTool(name: string, args: Record<string, unknown>, store: AppointmentStore): ToolResult {
  switch (name) {
    case 'book_appointment': {
      const result = store.book({ date: text(args['date']), time: text(args['time']), name: text(args['name']), treatment: text(args['treatment']) })
      return result.ok ? { ok: true, appointment: result.appointment, message: result.message } : { ok: false, error: result.error }
    }
    case 'cancel_appointment': {
      const result = store.cancel({ id: text(args['id']), name: text(args['name']), date: text(args['date']), time: text(args['time']) })
      return result.ok ? { ok: true, appointment: result.appointment, message: result.message } : { ok: false, error: result.error }
    }
    case 'move_appointment': {
      const result = store.move({
        id: text(args['id']),
        name: text(args['name']),
        date: text(args['date']),
        time: text(args['time']),
        newDate: text(args['newDate'] ?? args['new_date']),
        newTime: text(args['newTime'] ?? args['new_time']),
      })
      return result.ok ? { ok: true, appointment: result.appointment, message: result.message } : { ok: false, error: result.error }
    }
    case 'handoff_to_human':
      return { ok: true, transferred: true, reason: text(args['reason']) ?? 'caller asked for a human', message: 'Please hold while I connect you to our receptionist.' }
    default:
      return { ok: false, error: `Unknown tool "${name}".` }
  }
}
