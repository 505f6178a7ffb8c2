import { UsageError } from '../../usage-error.ts'

/** `K=V` flags (repeatable) into an object; a value without `=` is a usage error naming the flag. */
export function parsePairs(values: readonly string[], flag: string): Record<string, string> {
  const pairs: Record<string, string> = {}
  for (const value of values) {
    const match = /^([^=]+)=(.*)$/s.exec(value)
    if (!match) throw new UsageError('usage_invalid', `--${flag}: expected NAME=VALUE, got "${value}"`)
    pairs[match[1]!] = match[2]!
  }
  return pairs
}
