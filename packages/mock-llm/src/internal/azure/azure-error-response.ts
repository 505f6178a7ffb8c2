import { jsonErrorResponse, retryAfterHeaders } from '../openai/openai-error-response.ts'
import type { ErrorDetail, ErrorStatus } from '../wire-format.ts'

const azureErrors: Record<ErrorStatus, { code: string; message: string }> = {
  400: { code: 'BadRequest', message: 'Invalid request.' },
  401: {
    code: '401',
    message:
      'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
  },
  404: { code: 'DeploymentNotFound', message: 'The API deployment for this resource does not exist.' },
  408: { code: 'Timeout', message: 'The operation was timeout.' },
  429: { code: '429', message: 'Rate limit exceeded.' },
  500: { code: 'InternalServerError', message: 'The server had an error while processing your request. Sorry about that!' },
  503: { code: 'ServiceUnavailable', message: 'The service is temporarily unable to process your request. Please try again later.' },
}

/** The Azure OpenAI error body (`{ error: { code, message } }`). */
export function azureErrorBody(status: ErrorStatus, detail: ErrorDetail = {}): object {
  const base = azureErrors[status]
  const seconds = Math.max(1, Math.ceil((detail.retryAfterMs ?? 1000) / 1000))
  const message =
    status === 429
      ? `Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded ${detail.limitKind === 'tokens' ? 'token' : 'call'} rate limit of your current OpenAI S0 pricing tier. Please retry after ${seconds} second${seconds === 1 ? '' : 's'}.`
      : (detail.message ?? base.message)
  return { error: { code: base.code, message } }
}

/** An Azure error answer; a 429 also carries `retry-after`, `retry-after-ms` and `x-ms-retry-after-ms`. */
export function azureErrorResponse(status: ErrorStatus, headers: Record<string, string>, detail: ErrorDetail = {}): Response {
  const waitMs = detail.retryAfterMs ?? 1000
  const retry = status === 429 ? { ...retryAfterHeaders(waitMs), 'x-ms-retry-after-ms': String(Math.round(waitMs)) } : {}
  return jsonErrorResponse(status, { ...headers, ...retry }, azureErrorBody(status, detail))
}
