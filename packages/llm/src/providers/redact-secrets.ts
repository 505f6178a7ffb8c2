import { isCredentialHeader } from './to-safe-headers.ts'

const apiKeyLikePattern = /\b(?:sk|rk)-[A-Za-z0-9_*-]{6,}|\bABSK[A-Za-z0-9+/=]{12,}|\bbedrock-api-key-[A-Za-z0-9+/=_-]{8,}|\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/g

/**
 * Removes credentials from text that will end up in an error message: every exact
 * occurrence of a configured secret, and anything shaped like an OpenAI (`sk-…`) or
 * Bedrock (`ABSK…`) key or a JWT (Entra ID tokens), including the partly masked keys
 * providers echo back in 401 bodies.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let redacted = text
  for (const secret of secrets) {
    if (secret.length >= 4) redacted = redacted.split(secret).join('[redacted]')
  }
  return redacted.replace(apiKeyLikePattern, '[redacted]')
}

const maxDepth = 6

/**
 * Scrubs, in place, an SDK error that is kept as an `LlmError` cause, so that logging the
 * cause cannot leak a key either: its message and stack, its string fields (e.g. the parsed
 * error body), and its `Headers` (credential headers removed), following the `cause` chain.
 */
export function redactErrorSecrets(error: unknown, secrets: readonly string[]): void {
  scrub(error, secrets, new Set(), 0)
}

function scrub(value: unknown, secrets: readonly string[], seen: Set<unknown>, depth: number): void {
  if (!isScrubbable(value) || seen.has(value) || depth > maxDepth) return
  seen.add(value)
  const target = value as Record<string, unknown>
  const keys = value instanceof Error ? [...Object.keys(value), 'message', 'stack', 'cause'] : Object.keys(value)
  for (const key of new Set(keys)) {
    const field = target[key]
    try {
      if (typeof field === 'string') {
        const redacted = redactSecrets(field, secrets)
        if (redacted !== field) target[key] = redacted
      } else if (field instanceof Headers) target[key] = scrubHeaders(field, secrets)
      else scrub(field, secrets, seen, depth + 1)
    } catch {
      // A read-only field keeps its value; LlmError's own message and headers are built redacted.
    }
  }
}

/** Errors, arrays and plain data objects only: never sockets, streams or other live objects. */
function isScrubbable(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false
  if (value instanceof Error || Array.isArray(value)) return true
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null || (value as { constructor?: { name?: string } }).constructor?.name === 'HttpResponse'
}

function scrubHeaders(headers: Headers, secrets: readonly string[]): Headers {
  const scrubbed = new Headers()
  for (const [name, value] of headers) {
    if (!isCredentialHeader(name)) scrubbed.append(name, redactSecrets(value, secrets))
  }
  return scrubbed
}
