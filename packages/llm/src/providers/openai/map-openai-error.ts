import type { ContentFilterResultDetailsForPromptOutput } from '@azure/openai/types'
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai'
import { LlmError } from '../../llm-error.ts'
import type { LlmErrorCode } from '../../llm-error.ts'
import { parseRetryAfter } from '../../parse-retry-after.ts'
import { classifyNetworkError } from '../classify-network-error.ts'
import { createProviderError, type ProviderErrorContext, type ProviderErrorDetails } from '../create-provider-error.ts'
import { codeForHttpStatus } from '../code-for-http-status.ts'
import { redactErrorSecrets } from '../redact-secrets.ts'
import { toSafeHeaders } from '../to-safe-headers.ts'
import { describeContentFilter } from './describe-content-filter.ts'

/** What the mapper needs to know about the attempt that failed. */
export interface OpenAiErrorContext extends ProviderErrorContext {
  /** The attempt's signal: once aborted, every failure is reported as `aborted`. */
  signal?: AbortSignal
}

interface OpenAiErrorBody {
  message?: unknown
  code?: unknown
  type?: unknown
  innererror?: { code?: unknown; content_filter_result?: ContentFilterResultDetailsForPromptOutput }
}

/**
 * The one place where errors of the `openai` SDK (used for OpenAI and Azure OpenAI),
 * of fetch, and of the stream reader become an `LlmError`:
 *
 * | what happened                                         | kind            |
 * |-------------------------------------------------------|-----------------|
 * | the attempt's signal aborted (`APIUserAbortError`)    | aborted         |
 * | 429 (`insufficient_quota`: auth, the key has no quota) | rate_limited   |
 * | 408, 504, SDK/undici timeouts                         | timeout         |
 * | 401, 403                                              | auth            |
 * | 400 `context_length_exceeded`                         | context_length  |
 * | 400 `content_filter`, `content_policy_violation`, `ResponsibleAIPolicyViolation`, `moderation_blocked`, `invalid_prompt` | content_filter |
 * | other 4xx                                             | request_invalid     |
 * | 5xx, SSE `error` event, malformed stream JSON         | server          |
 * | connection refused/reset, socket cut mid-stream       | network         |
 * | anything else (an undocumented response shape)        | server          |
 */
export function mapOpenAiError(error: unknown, context: OpenAiErrorContext): LlmError {
  if (error instanceof LlmError) return error
  redactErrorSecrets(error, context.secrets)
  const fail = (kind: LlmErrorCode, what: string, details: Omit<ProviderErrorDetails, 'cause'> = {}): LlmError => createProviderError(context, kind, what, { cause: error, ...details })

  if (context.signal?.aborted === true || error instanceof APIUserAbortError || (error instanceof Error && error.name === 'AbortError')) {
    return fail('aborted', 'request aborted by its signal')
  }
  if (error instanceof APIConnectionTimeoutError) return fail('timeout', 'request timed out in the openai SDK')
  if (error instanceof APIConnectionError) {
    const network = classifyNetworkError(error.cause)
    return fail(network.kind, `connection failed (${network.reason})`)
  }
  if (error instanceof APIError) {
    const headers = toSafeHeaders(error.headers)
    const body = (typeof error.error === 'object' && error.error !== null ? error.error : {}) as OpenAiErrorBody
    const providerMessage = typeof body.message === 'string' ? body.message : error.message
    const code = typeof body.code === 'string' ? body.code : typeof body.type === 'string' ? body.type : undefined
    const retryAfterMs = parseRetryAfter(headers)
    const status = error.status
    if (status === undefined) {
      // An SSE `error` event or an `{"error": …}` chunk after HTTP 200.
      const kind = code === undefined ? 'server' : inStreamKinds[code] ?? 'server'
      return fail(kind, `error event in the stream${code === undefined ? '' : ` (${code})`}: ${providerMessage}`, { headers, retryAfterMs })
    }
    const kind = kindForStatus(status, code, body, providerMessage)
    const detail = kind === 'content_filter' ? describeContentFilter(body.innererror?.content_filter_result) : ''
    return fail(kind, `HTTP ${status}${code === undefined ? '' : ` ${code}`}: ${providerMessage}${detail}`, { status, headers, retryAfterMs })
  }
  if (error instanceof SyntaxError) return fail('server', `malformed stream data (${error.message})`)
  const network = classifyNetworkError(error)
  // No transport error code anywhere: the response was not what the API documents.
  if (network.code === undefined) return fail('server', `unexpected response (${network.reason})`)
  return fail(network.kind, `connection failed (${network.reason})`)
}

const inStreamKinds: Record<string, LlmErrorCode> = {
  rate_limit_exceeded: 'rate_limited',
  rate_limit_error: 'rate_limited',
  context_length_exceeded: 'context_length',
  content_filter: 'content_filter',
  content_policy_violation: 'content_filter',
  moderation_blocked: 'content_filter',
  timeout: 'timeout',
}

/** `codeForHttpStatus`, refined by OpenAI's and Azure's error codes. */
function kindForStatus(status: number, code: string | undefined, body: OpenAiErrorBody, message: string): LlmErrorCode {
  const kind = codeForHttpStatus(status)
  if (kind === 'rate_limited' && code === 'insufficient_quota') return 'auth'
  if (kind === 'request_invalid') {
    if (code === 'context_length_exceeded' || /maximum context length/i.test(message)) return 'context_length'
    if (isContentFilterCode(code) || isContentFilterCode(body.type) || isContentFilterCode(body.innererror?.code)) return 'content_filter'
  }
  return kind
}

/**
 * Codes OpenAI and Azure OpenAI send (as `code`, `type` or Azure's `innererror.code`) when
 * their content filter or usage policy refused the request; all are `content_filter`, so
 * the router falls back to another model instead of failing the call as a bad request.
 */
const contentFilterCodes = new Set(['content_filter', 'content_policy_violation', 'responsibleaipolicyviolation', 'moderation_blocked', 'invalid_prompt'])

function isContentFilterCode(code: unknown): boolean {
  return typeof code === 'string' && contentFilterCodes.has(code.toLowerCase())
}
