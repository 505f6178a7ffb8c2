import type { LlmErrorCode } from '../llm-error.ts'

const timeoutCodes = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'TimeoutError'])

/**
 * Classifies a transport failure (fetch, undici, node:http, smithy) by the first `code`
 * found along its `cause` chain: timeouts are `timeout`, everything else (ECONNREFUSED,
 * ECONNRESET, EPIPE, ENOTFOUND, a socket closed mid-body) is `network`.
 * @returns the kind, a short reason naming the code (without any request data) and the
 *   code; `code` is undefined when none was found, and the kind then defaults to `network`.
 */
export function classifyNetworkError(error: unknown): { kind: Extract<LlmErrorCode, 'network' | 'timeout'>; reason: string; code?: string } {
  const seen = new Set<unknown>()
  let current = error
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current)
    const { code, name } = current as { code?: unknown; name?: unknown }
    if (typeof code === 'string') return { kind: timeoutCodes.has(code) ? 'timeout' : 'network', reason: code, code }
    if (name === 'TimeoutError') return { kind: 'timeout', reason: name, code: name }
    current = (current as { cause?: unknown }).cause
  }
  const message = error instanceof Error ? error.message : String(error)
  return { kind: 'network', reason: message === '' ? 'connection error' : message }
}
