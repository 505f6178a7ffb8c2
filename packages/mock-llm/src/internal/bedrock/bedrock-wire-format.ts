import type { WireFormat } from '../wire-format.ts'
import { bedrockErrorResponse, bedrockErrorType } from './bedrock-error-response.ts'
import { readBedrockRequest } from './read-bedrock-request.ts'
import { renderBedrockResponse } from './render-bedrock-response.ts'

/**
 * Bedrock `POST /model/{modelId}/converse` and `/converse-stream`: `x-amzn-requestid`, no
 * rate-limit headers (Bedrock sends none), `x-amzn-errortype` errors, event-stream frames.
 * SigV4 or a bearer API key is required, checked for presence only.
 */
export const bedrockWireFormat: WireFormat = {
  refuse: (request) =>
    /^(AWS4-HMAC-SHA256 |Bearer \S)/.test(request.headers.get('authorization') ?? '') ? undefined : bedrockErrorResponse(403, {}),
  readRequest: (body, match) => readBedrockRequest(body, match.modelId ?? '', match.operation === 'converse-stream'),
  headers: (requestId) => ({ 'x-amzn-requestid': requestId }),
  errorResponse: (status, headers, detail) => bedrockErrorResponse(status, headers, detail.message),
  errorType: bedrockErrorType,
  inStreamErrorType: (configured) => configured,
  contentFilter: { status: 200, errorType: 'content_filtered' },
  render: renderBedrockResponse,
}
