import { UsageError } from './usage-error.ts'

/** Parses an integer option value, naming the option in the error. */
export function parseIntegerOption(value: string | undefined, option: string, min: number): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < min) throw new UsageError('usage_invalid', `--${option}: expected a whole number >= ${min}, got "${value}"`, { option, expected: `a whole number >= ${min}`, received: value })
  return number
}
