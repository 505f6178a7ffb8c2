import type { LlmError } from './llm-error.ts'
import { classifyNetworkError } from './providers/classify-network-error.ts'

/**
 * Transport codes of a connection that failed before the request could be answered:
 * refused, reset, DNS lookup failed, host or network unreachable, broken pipe.
 */
const connectionFailureCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EPIPE'])

/**
 * The transport code (`ECONNREFUSED`, `ENOTFOUND`, …) when `error` is a `network` error of a
 * connection that failed before any response arrived; `undefined` otherwise (an HTTP error,
 * a stream cut after its headers, a timeout). The router falls back from such a target at
 * once instead of sleeping a backoff to retry it: a phone caller would hear the wait as dead air.
 */
export function connectionFailureCode(error: LlmError): string | undefined {
  if (error.code !== 'network' || error.status !== undefined) return undefined
  const { code } = classifyNetworkError(error.cause)
  return code !== undefined && connectionFailureCodes.has(code) ? code : undefined
}
