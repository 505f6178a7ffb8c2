import { LlmError } from '../../llm-error.ts'
import type { LlmErrorCode } from '../../llm-error.ts'
import { parseRetryAfter } from '../../parse-retry-after.ts'
import { classifyNetworkError } from '../classify-network-error.ts'
import { createProviderError, type ProviderErrorContext } from '../create-provider-error.ts'
import { codeForHttpStatus } from '../code-for-http-status.ts'
import { redactErrorSecrets } from '../redact-secrets.ts'

/** What the mapper needs to know about the attempt that failed. */
export interface BedrockErrorContext extends ProviderErrorContext {
  /** The caller's signal for the attempt: once aborted, every failure is `aborted`. */
  signal?: AbortSignal
  /** Safe response headers of the failed request, when a response arrived. */
  headers?: Record<string, string>
}

/** Exception names (HTTP `x-amzn-errortype`, or an event-stream `:exception-type`), lower-cased. */
const kindsByException: Record<string, LlmErrorCode> = {
  throttlingexception: 'rate_limited',
  servicequotaexceededexception: 'rate_limited',
  modelnotreadyexception: 'rate_limited',
  serviceunavailableexception: 'server',
  internalserverexception: 'server',
  modelstreamerrorexception: 'server',
  modelerrorexception: 'server',
  modeltimeoutexception: 'timeout',
  validationexception: 'request_invalid',
  resourcenotfoundexception: 'request_invalid',
  accessdeniedexception: 'auth',
  unrecognizedclientexception: 'auth',
  expiredtokenexception: 'auth',
  invalidsignatureexception: 'auth',
  incompletesignatureexception: 'auth',
  missingauthenticationtokenexception: 'auth',
}

const inputTooLongPattern = /input is too long|prompt is too long|too many (?:input )?tokens|context (?:length|window)/i

/**
 * The one place where errors of `@aws-sdk/client-bedrock-runtime` become an `LlmError`.
 * The exception name decides (before the stream by `x-amzn-errortype`, after HTTP 200 by
 * the event-stream exception type); the HTTP status is the fallback:
 *
 * | exception                                                   | kind            |
 * |-------------------------------------------------------------|-----------------|
 * | Throttling, ServiceQuotaExceeded, ModelNotReady             | rate_limited    |
 * | ServiceUnavailable, InternalServer, ModelStreamError        | server          |
 * | ModelTimeout                                                | timeout         |
 * | Validation saying the input is too long                     | context_length  |
 * | Validation, ResourceNotFound                                | request_invalid     |
 * | AccessDenied, UnrecognizedClient, ExpiredToken, signatures  | auth            |
 * | connection refused/reset, socket cut                        | network         |
 * | the attempt's signal aborted                                | aborted         |
 */
export function mapBedrockError(error: unknown, context: BedrockErrorContext): LlmError {
  if (error instanceof LlmError) return error
  redactErrorSecrets(error, context.secrets)
  const headers = context.headers ?? {}
  const details = error as { name?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number }; $fault?: unknown }
  const status = details.$metadata?.httpStatusCode
  const fail = (kind: LlmErrorCode, what: string): LlmError =>
    createProviderError(context, kind, what, {
      cause: error,
      headers,
      ...(status === undefined ? {} : { status }),
      ...(kind === 'rate_limited' || kind === 'server' ? { retryAfterMs: parseRetryAfter(headers) } : {}),
    })

  if (context.signal?.aborted === true || details.name === 'AbortError') return fail('aborted', 'request aborted by its signal')
  const message = typeof details.message === 'string' ? details.message : String(error)
  const headerType = headers['x-amzn-errortype']?.split(':')[0]
  const exceptionName = typeof details.name === 'string' && details.name !== 'Error' ? details.name : headerType
  const known = exceptionName === undefined ? undefined : kindsByException[exceptionName.toLowerCase()]
  const prefix = `${status === undefined ? '' : `HTTP ${status} `}${exceptionName ?? 'error'}: ${message}`
  if (known !== undefined) return fail(known === 'request_invalid' && inputTooLongPattern.test(message) ? 'context_length' : known, prefix)
  if (status !== undefined) return fail(codeForHttpStatus(status), prefix)
  const network = classifyNetworkError(error)
  if (network.code !== undefined) return fail(network.kind, `connection failed (${network.reason})`)
  return fail('server', `unexpected error (${message})`)
}
