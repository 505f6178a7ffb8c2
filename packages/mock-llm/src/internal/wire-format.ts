import type { ChatRequest } from './chat-request.ts'
import type { RateLimitSnapshot } from './rate-limit-window.ts'
import type { ResponsePlan } from './response-plan.ts'
import type { RouteMatch } from './route-request.ts'

/** HTTP statuses the mock sends as errors, whatever the wire format. */
export type ErrorStatus = 400 | 401 | 404 | 408 | 429 | 500 | 503

/** Details that shape an error body. */
export interface ErrorDetail {
  message?: string | undefined
  param?: string | null | undefined
  /** 429 only: which budget ran out. */
  limitKind?: 'requests' | 'tokens' | undefined
  /** 429 only: the wait the headers announce and the message mentions. */
  retryAfterMs?: number | undefined
  model?: string | undefined
}

/** Bedrock exception names a stream can fail with after HTTP 200. */
export type InStreamErrorType = ResponsePlan['inStreamType']

/**
 * Everything that differs between OpenAI, Azure OpenAI and Bedrock: the engine decides
 * what happens, the wire format says how it looks on the wire.
 */
export interface WireFormat {
  /** An answer refusing the request before its body is read (no key, no `api-version`), else undefined. */
  refuse(request: Request, match: RouteMatch): Response | undefined
  /** Reads a request body. @throws BadRequestBody for a body the real service rejects with 400. */
  readRequest(body: unknown, match: RouteMatch): ChatRequest
  /** Headers of every answer: the request id, and the rate-limit state when given. */
  headers(requestId: string, rateLimit: RateLimitSnapshot | undefined): Record<string, string>
  /** An error answer; a 429 also carries the retry headers for `detail.retryAfterMs`. */
  errorResponse(status: ErrorStatus, headers: Record<string, string>, detail: ErrorDetail): Response
  /** The error type a status is sent as (`rate_limit_exceeded`, `ThrottlingException`...). */
  errorType(status: ErrorStatus): string
  /** The error type of an in-stream failure, given the profile's Bedrock exception name. */
  inStreamErrorType(configured: InStreamErrorType): string
  /**
   * How a content-filter fault is sent: `status` 400 is Azure's error for a filtered prompt
   * (`contentFilterResponse`); 200 is an answer stopped by the filter (OpenAI
   * `finish_reason: content_filter`, Bedrock `stopReason: content_filtered`).
   */
  contentFilter: { status: 400 | 200; errorType: string }
  /** Azure only: the 400 for a filtered prompt. */
  contentFilterResponse?: (headers: Record<string, string>) => Response
  /** Renders a planned 200 answer (JSON or stream). */
  render(plan: ResponsePlan, signal: AbortSignal): Promise<Response>
}
