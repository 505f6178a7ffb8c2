import type { ErrorStatus } from '../wire-format.ts'

const bedrockErrors: Record<ErrorStatus | 403, { type: string; message: string }> = {
  400: { type: 'ValidationException', message: 'Malformed input request, please reformat your input and try again.' },
  401: { type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' },
  403: { type: 'AccessDeniedException', message: "You don't have access to the model with the specified model ID." },
  404: { type: 'ResourceNotFoundException', message: 'The requested resource could not be found.' },
  408: { type: 'ModelTimeoutException', message: 'Model has timed out in processing the request. Try your request again.' },
  429: { type: 'ThrottlingException', message: 'Too many requests, please wait before trying again.' },
  500: { type: 'InternalServerException', message: 'The system encountered an unexpected error during processing. Try your request again.' },
  503: { type: 'ServiceUnavailableException', message: 'Bedrock is unable to process your request.' },
}

/** The Bedrock error type name for a status (`ThrottlingException` for 429...). */
export function bedrockErrorType(status: ErrorStatus | 403): string {
  return bedrockErrors[status].type
}

/** A Bedrock error response: status, `x-amzn-errortype` header and `{ message }` body. */
export function bedrockErrorResponse(status: ErrorStatus | 403, headers: Record<string, string>, message?: string): Response {
  const error = bedrockErrors[status]
  return new Response(JSON.stringify({ message: message ?? error.message }), {
    status,
    headers: {
      ...headers,
      'content-type': 'application/json',
      'x-amzn-errortype': `${error.type}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
    },
  })
}
