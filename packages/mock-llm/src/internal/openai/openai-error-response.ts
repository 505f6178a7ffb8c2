/** HTTP statuses the mock returns as errors. */
export type ErrorStatus = 400 | 401 | 404 | 408 | 429 | 500 | 503

/** Details that shape an error body. */
export interface ErrorDetail {
  message?: string | undefined
  param?: string | null | undefined
  /** 429 only: which budget ran out. */
  limitKind?: 'requests' | 'tokens' | undefined
  /** 429 only: the wait the message mentions. */
  retryAfterMs?: number | undefined
  model?: string | undefined
}

const openAiErrors: Record<ErrorStatus, { type: string; code: string | null; message: string }> = {
  400: { type: 'invalid_request_error', code: null, message: 'Invalid request.' },
  401: {
    type: 'invalid_request_error',
    code: 'invalid_api_key',
    message: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth.",
  },
  404: { type: 'invalid_request_error', code: 'unknown_url', message: 'Unknown request URL.' },
  408: { type: 'timeout', code: 'timeout', message: 'Request timed out.' },
  429: { type: 'requests', code: 'rate_limit_exceeded', message: 'Rate limit reached.' },
  500: { type: 'server_error', code: null, message: 'The server had an error while processing your request. Sorry about that!' },
  503: { type: 'server_error', code: null, message: 'The server is overloaded or not ready yet.' },
}

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

/** The OpenAI error body (`{ error: { message, type, param, code } }`) for a status, or for an in-stream failure. */
export function openAiErrorBody(status: ErrorStatus | 'in-stream', detail: ErrorDetail = {}): object {
  const base = openAiErrors[status === 'in-stream' ? 500 : status]
  return {
    error: {
      message: detail.message ?? (status === 429 ? openAiRateLimitMessage(detail) : base.message),
      type: status === 429 ? (detail.limitKind ?? 'requests') : base.type,
      param: detail.param ?? null,
      code: base.code,
    },
  }
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

/** A complete error response for the OpenAI or Azure wire format. */
export function openAiErrorResponse(
  protocol: 'openai' | 'azure',
  status: ErrorStatus,
  headers: Record<string, string>,
  detail: ErrorDetail = {},
): Response {
  const body = protocol === 'azure' ? azureErrorBody(status, detail) : openAiErrorBody(status, detail)
  return new Response(JSON.stringify(body), { status, headers: { ...headers, 'content-type': 'application/json' } })
}

function openAiRateLimitMessage(detail: ErrorDetail): string {
  const seconds = Math.round((detail.retryAfterMs ?? 1000) / 100) / 10
  const unit = detail.limitKind === 'tokens' ? 'tokens per min (TPM)' : 'requests per min (RPM)'
  return `Rate limit reached for ${detail.model ?? 'the model'} in organization org-mock on ${unit}. Please try again in ${seconds}s.`
}
