import { redactText as redactPersonalData } from '@voxguard/harness'

/**
 * Structured JSON logs, one object per line. Values pass through `redact` first, so phone
 * numbers, e-mail addresses, card numbers and credentials never reach the output, whatever a
 * caller put in them. Personal data is found by the harness's `redactText` (one
 * implementation for records and logs); keys and bearer tokens by the rules below.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
  child(fields: Record<string, unknown>): Logger
}

export interface LoggerOptions {
  /** Lowest level written. Default 'info'. */
  level?: LogLevel
  /** Where lines go. Default: process.stderr. */
  write?: (line: string) => void
  /** Clock. Default `() => new Date()`. */
  now?: () => Date
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }
const SECRET_KEY = /(api[-_]?key|authorization|token$|secret|password|credentials?$|phone|caller_?number)/i
const BEARER = /\bBearer\s+\S+|\bsk-[A-Za-z0-9_-]{6,}/g

function redactText(text: string): string {
  return redactPersonalData(text.replace(BEARER, '[redacted]'))
}

/** Replaces personal data (`[phone]`, `[email]`, `[card]`) and keys (`[redacted]`) in any value, recursively. */
export function redact(value: unknown, key = ''): unknown {
  if (key && SECRET_KEY.test(key) && value !== undefined && value !== null && typeof value !== 'boolean') return '[redacted]'
  if (typeof value === 'string') return redactText(value)
  if (value instanceof Error) return { name: value.name, message: redact(value.message) }
  if (Array.isArray(value)) return value.map((item) => redact(item))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([entryKey, entry]) => [entryKey, redact(entry, entryKey)]))
  }
  return value
}

export function createLogger(options: LoggerOptions = {}, bound: Record<string, unknown> = {}): Logger {
  const minimum = LEVELS[options.level ?? 'info']
  if (minimum === undefined) throw new RangeError(`createLogger: option "level" must be one of ${Object.keys(LEVELS).join(', ')}, got ${String(options.level)}`)
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'))
  const now = options.now ?? (() => new Date())
  const log = (level: LogLevel) => (message: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS[level] < minimum) return
    write(JSON.stringify({ time: now().toISOString(), level, message: redact(message), ...(redact({ ...bound, ...fields }) as object) }))
  }
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
  }
}
