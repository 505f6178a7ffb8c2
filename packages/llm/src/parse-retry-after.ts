/**
 * Reads how long a provider asked the client to wait before the next request.
 *
 * Headers are looked up by lower-cased name, in this order (the first valid one wins):
 *
 * | header                                  | format                                     |
 * |-----------------------------------------|--------------------------------------------|
 * | `retry-after-ms`                        | milliseconds (OpenAI, Azure)               |
 * | `x-ms-retry-after-ms`                   | milliseconds (Azure)                       |
 * | `retry-after`                           | seconds, or an HTTP date (RFC 9110)        |
 * | `x-ratelimit-reset-requests` / `-tokens`| duration text such as `1s`, `6m0s`, `20ms` |
 *
 * For the two `x-ratelimit-reset-*` headers, the one whose `x-ratelimit-remaining-*` is `0`
 * is used; when neither is known to be exhausted, the longer of the two.
 *
 * @returns the wait in milliseconds (never negative), or `undefined` when no header says.
 * @example
 * parseRetryAfter({ 'retry-after': '2' }) // 2000
 * parseRetryAfter({ 'x-ratelimit-reset-tokens': '6m0s' }) // 360000
 */
export function parseRetryAfter(headers: Record<string, string>, nowMs: number = Date.now()): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const milliseconds = parseNonNegativeNumber(headers[name])
    if (milliseconds !== undefined) return Math.round(milliseconds)
  }
  const retryAfter = headers['retry-after']
  if (retryAfter !== undefined) {
    const seconds = parseNonNegativeNumber(retryAfter)
    if (seconds !== undefined) return Math.round(seconds * 1000)
    const dateMs = parseHttpDate(retryAfter)
    if (dateMs !== undefined) return Math.max(0, dateMs - nowMs)
  }
  const requestsResetMs = parseDurationText(headers['x-ratelimit-reset-requests'])
  const tokensResetMs = parseDurationText(headers['x-ratelimit-reset-tokens'])
  const requestsExhausted = headers['x-ratelimit-remaining-requests']?.trim() === '0'
  const tokensExhausted = headers['x-ratelimit-remaining-tokens']?.trim() === '0'
  if (requestsExhausted && !tokensExhausted && requestsResetMs !== undefined) return requestsResetMs
  if (tokensExhausted && !requestsExhausted && tokensResetMs !== undefined) return tokensResetMs
  if (requestsResetMs === undefined) return tokensResetMs
  if (tokensResetMs === undefined) return requestsResetMs
  return Math.max(requestsResetMs, tokensResetMs)
}

const durationPattern = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?$/
const durationUnitMs = [3_600_000, 60_000, 1000, 1]

/**
 * Parses the duration text OpenAI sends in `x-ratelimit-reset-*` (`1s`, `6m0s`, `20ms`,
 * `1h2m3.5s`, `0.5s`). A bare number is read as seconds.
 * @returns milliseconds, or `undefined` when the text is missing or not a duration.
 */
export function parseDurationText(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const trimmed = text.trim()
  const seconds = parseNonNegativeNumber(trimmed)
  if (seconds !== undefined) return Math.round(seconds * 1000)
  const match = durationPattern.exec(trimmed)
  if (trimmed === '' || match === null) return undefined
  let totalMs = 0
  for (const [index, unitMs] of durationUnitMs.entries()) {
    const value = match[index + 1]
    if (value !== undefined) totalMs += Number(value) * unitMs
  }
  return Math.round(totalMs)
}

function parseNonNegativeNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d+(?:\.\d+)?\s*$/.test(text)) return undefined
  return Number(text)
}

function parseHttpDate(text: string): number | undefined {
  // An HTTP date always names a weekday or month; this keeps Date.parse away from odd inputs.
  if (!/[a-z]{3}/i.test(text)) return undefined
  const dateMs = Date.parse(text)
  return Number.isNaN(dateMs) ? undefined : dateMs
}
