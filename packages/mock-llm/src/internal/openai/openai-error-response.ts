import type { ErrorDetail, ErrorStatus } from '../wire-format.ts'

const openAiErrors: Record<ErrorStatus, { type: string; code: string | null; message: string }> = {
  400: { type: 'invalid_request_error', code: null, message: 'Invalid request.' },
  401: {
    type: 'invalid_request_error',
    code: null,
    message:
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
  },
  404: { type: 'invalid_request_error', code: 'unknown_url', message: 'Unknown request URL.' },
  408: { type: 'timeout', code: 'timeout', message: 'Request timed out.' },
  429: { type: 'requests', code: 'rate_limit_exceeded', message: 'Rate limit reached.' },
  500: { type: 'server_error', code: null, message: 'The server had an error while processing your request. Sorry about that!' },
  503: { type: 'server_error', code: null, message: 'The server is overloaded or not ready yet.' },
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

/** The error type recorded for a status: the body's `code`, else its `type` (`rate_limit_exceeded`, `timeout`, `server_error`). */
export function openAiErrorType(status: ErrorStatus): string {
  return openAiErrors[status].code ?? openAiErrors[status].type
}

/** `retry-after` (whole seconds, rounded up) and `retry-after-ms`, which the openai SDK reads first. */
export function retryAfterHeaders(waitMs: number): Record<string, string> {
  return { 'retry-after': String(Math.ceil(waitMs / 1000)), 'retry-after-ms': String(Math.round(waitMs)) }
}

/** A JSON error answer with `content-type: application/json`. */
export function jsonErrorResponse(status: number, headers: Record<string, string>, body: object): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...headers, 'content-type': 'application/json' } })
}

/** An OpenAI error answer; a 429 also carries the retry headers. */
export function openAiErrorResponse(status: ErrorStatus, headers: Record<string, string>, detail: ErrorDetail = {}): Response {
  const retry = status === 429 ? retryAfterHeaders(detail.retryAfterMs ?? 1000) : {}
  return jsonErrorResponse(status, { ...headers, ...retry }, openAiErrorBody(status, detail))
}

function openAiRateLimitMessage(detail: ErrorDetail): string {
  const seconds = Math.round((detail.retryAfterMs ?? 1000) / 100) / 10
  const unit = detail.limitKind === 'tokens' ? 'tokens per min (TPM)' : 'requests per min (RPM)'
  return `Rate limit reached for ${detail.model ?? 'the model'} in organization org-mock on ${unit}. Please try again in ${seconds}s.`
}
