const credentialHeaderPattern = /auth|api-key|apikey|cookie|secret|password|credential|signature|security-token|session-token|bearer/i

/** Whether a header name may carry a credential (`authorization`, `api-key`, `set-cookie`, …). */
export function isCredentialHeader(name: string): boolean {
  return credentialHeaderPattern.test(name)
}

/**
 * Copies response headers into a plain object with lower-cased names, leaving out every
 * header that could carry a credential (`authorization`, `www-authenticate`, `api-key`, `set-cookie`, …).
 * Rate-limit headers such as `x-ratelimit-remaining-tokens` are kept.
 */
export function toSafeHeaders(headers: Headers | Record<string, string | string[] | undefined> | undefined): Record<string, string> {
  const safe: Record<string, string> = {}
  if (headers === undefined) return safe
  const entries: Iterable<[string, string | string[] | undefined]> = headers instanceof Headers ? headers.entries() : Object.entries(headers)
  for (const [name, value] of entries) {
    if (value === undefined || isCredentialHeader(name)) continue
    safe[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return safe
}
