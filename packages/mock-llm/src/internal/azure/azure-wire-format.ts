import { hasBearerToken } from '../openai/openai-wire-format.ts'
import { jsonErrorResponse, openAiErrorType } from '../openai/openai-error-response.ts'
import { readOpenAiRequest } from '../openai/read-openai-request.ts'
import { renderOpenAiResponse } from '../openai/render-openai-response.ts'
import type { WireFormat } from '../wire-format.ts'
import { contentFilterErrorBody } from './azure-content-filter.ts'
import { azureErrorResponse } from './azure-error-response.ts'

/**
 * Azure OpenAI `POST /openai/deployments/{deployment}/chat/completions?api-version=…` and
 * `/openai/v1/chat/completions`: OpenAI bodies with Azure's errors, headers
 * (`apim-request-id`; only the two `x-ratelimit-remaining-*`) and content-filter annotations.
 */
export const azureWireFormat: WireFormat = {
  refuse(request, match) {
    if (match.deployment !== undefined && !new URL(request.url).searchParams.has('api-version')) {
      return azureErrorResponse(404, {}, { message: 'Resource not found: the api-version query parameter is required.' })
    }
    return request.headers.get('api-key') || hasBearerToken(request) ? undefined : azureErrorResponse(401, {})
  },
  readRequest: (body, match) => readOpenAiRequest(body, match.deployment),
  headers: (requestId, rateLimit) => ({
    'x-request-id': requestId,
    'apim-request-id': requestId,
    ...(rateLimit
      ? { 'x-ratelimit-remaining-requests': String(rateLimit.remainingRequests), 'x-ratelimit-remaining-tokens': String(rateLimit.remainingTokens) }
      : {}),
  }),
  errorResponse: azureErrorResponse,
  errorType: openAiErrorType,
  inStreamErrorType: () => 'server_error',
  contentFilter: { status: 400, errorType: 'content_filter' },
  contentFilterResponse: (headers) => jsonErrorResponse(400, headers, contentFilterErrorBody()),
  render: (plan, signal) => renderOpenAiResponse(plan, signal, { azure: true }),
}
