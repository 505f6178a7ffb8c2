import type { AppointmentDetails } from './extract-appointment-details.ts'

/**
 * The arguments of a tool call from the details the caller gave, or `undefined` when a
 * detail the tool cannot work without is missing (then the brain asks its question instead):
 * `book_appointment` needs a day and a time, `move_appointment` a new day or time (the
 * details last said are the new ones: "move it to Thursday at 15:00").
 */
export function toolArguments(tool: string, details: AppointmentDetails): Record<string, unknown> | undefined {
  if (tool === 'book_appointment') return details.date === undefined || details.time === undefined ? undefined : { ...details }
  if (tool === 'move_appointment') {
    if (details.date === undefined && details.time === undefined) return undefined
    const { date, time, ...rest } = details
    return { ...rest, ...(date === undefined ? {} : { newDate: date }), ...(time === undefined ? {} : { newTime: time }) }
  }
  return { ...details }
}
