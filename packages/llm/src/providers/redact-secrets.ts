const apiKeyLikePattern = /\b(?:sk|rk)-[A-Za-z0-9_*-]{6,}|\bABSK[A-Za-z0-9+/=]{12,}|\bbedrock-api-key-[A-Za-z0-9+/=_-]{8,}/g

/**
 * Removes credentials from text that will end up in an error message: every exact
 * occurrence of a configured secret, and anything shaped like an OpenAI (`sk-…`) or
 * Bedrock (`ABSK…`) key, including the partly masked keys providers echo back in 401 bodies.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let redacted = text
  for (const secret of secrets) {
    if (secret.length >= 4) redacted = redacted.split(secret).join('[redacted]')
  }
  return redacted.replace(apiKeyLikePattern, '[redacted]')
}

/**
 * Redacts secrets in place from an error (and its `cause` chain) that is kept as an
 * `LlmError` cause, so logging the cause cannot leak a key either.
 */
export function redactErrorSecrets(error: unknown, secrets: readonly string[]): void {
  const seen = new Set<unknown>()
  let current = error
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current)
    try {
      current.message = redactSecrets(current.message, secrets)
      if (current.stack !== undefined) current.stack = redactSecrets(current.stack, secrets)
    } catch {
      // A frozen error keeps its text; LlmError's own message is redacted anyway.
    }
    current = current.cause
  }
}
