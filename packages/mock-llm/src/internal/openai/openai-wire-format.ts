import type { RateLimitSnapshot } from '../rate-limit-window.ts'
import { formatResetDuration } from '../rate-limit-window.ts'
import type { WireFormat } from '../wire-format.ts'
import { openAiErrorResponse, openAiErrorType } from './openai-error-response.ts'
import { readOpenAiRequest } from './read-openai-request.ts'
import { renderOpenAiResponse } from './render-openai-response.ts'

/** The six `x-ratelimit-*` headers OpenAI sends with every answer. */
export function openAiRateLimitHeaders(state: RateLimitSnapshot): Record<string, string> {
  return {
    'x-ratelimit-limit-requests': String(state.limitRequests),
    'x-ratelimit-limit-tokens': String(state.limitTokens),
    'x-ratelimit-remaining-requests': String(state.remainingRequests),
    'x-ratelimit-remaining-tokens': String(state.remainingTokens),
    'x-ratelimit-reset-requests': formatResetDuration(state.resetRequestsMs),
    'x-ratelimit-reset-tokens': formatResetDuration(state.resetTokensMs),
  }
}

/** Whether a request carries a bearer token (checked for presence only, never logged). */
export function hasBearerToken(request: Request): boolean {
  return /^Bearer \S/.test(request.headers.get('authorization') ?? '')
}

/** OpenAI `POST /v1/chat/completions`. */
export const openAiWireFormat: WireFormat = {
  refuse: (request) => (hasBearerToken(request) ? undefined : openAiErrorResponse(401, {})),
  readRequest: (body) => readOpenAiRequest(body),
  headers: (requestId, rateLimit) => ({ 'x-request-id': requestId, ...(rateLimit ? openAiRateLimitHeaders(rateLimit) : {}) }),
  errorResponse: openAiErrorResponse,
  errorType: openAiErrorType,
  inStreamErrorType: () => 'server_error',
  contentFilter: { status: 200, errorType: 'content_filter' },
  render: (plan, signal) => renderOpenAiResponse(plan, signal, { azure: false }),
}
