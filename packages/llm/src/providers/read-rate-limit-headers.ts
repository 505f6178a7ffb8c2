/** The `x-ratelimit-*` headers OpenAI and Azure OpenAI send, the ones the router learns limits from. */
export const rateLimitHeaderNames = [
  'x-ratelimit-limit-requests',
  'x-ratelimit-limit-tokens',
  'x-ratelimit-remaining-requests',
  'x-ratelimit-remaining-tokens',
  'x-ratelimit-reset-requests',
  'x-ratelimit-reset-tokens',
] as const

/**
 * Copies the rate-limit headers of a successful response into a plain object: a lookup per
 * name, instead of copying (and sorting) every header of every answer. None of them can
 * carry a credential. Error responses keep all their safe headers (`toSafeHeaders`).
 */
export function readRateLimitHeaders(headers: Headers): Record<string, string> {
  const found: Record<string, string> = {}
  for (const name of rateLimitHeaderNames) {
    const value = headers.get(name)
    if (value !== null) found[name] = value
  }
  return found
}
