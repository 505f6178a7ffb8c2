import type { LlmErrorCode } from '../llm-error.ts'

/**
 * The kind an HTTP error status means when the provider's body says nothing more
 * specific (each provider's mapper refines it: OpenAI's `insufficient_quota`,
 * `context_length_exceeded`, Bedrock's exception names):
 *
 * | status        | kind         |
 * |---------------|--------------|
 * | 429           | rate_limited |
 * | 408, 504      | timeout      |
 * | 401, 403      | auth         |
 * | other 4xx     | request_invalid  |
 * | 5xx, anything else | server  |
 */
export function codeForHttpStatus(status: number): LlmErrorCode {
  if (status === 429) return 'rate_limited'
  if (status === 408 || status === 504) return 'timeout'
  if (status === 401 || status === 403) return 'auth'
  if (status >= 400 && status < 500) return 'request_invalid'
  return 'server'
}
