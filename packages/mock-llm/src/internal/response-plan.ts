import type { BrainReply } from './brain-reply.ts'
import type { ChatRequest } from './chat-request.ts'

/** How a successful (HTTP 200) answer is delivered, decided before the first byte. */
export interface ResponsePlan {
  requestId: string
  target: string
  request: ChatRequest
  reply: BrainReply
  /** Text pieces streamed as deltas (the reply text, or the tool call arguments JSON). */
  tokens: string[]
  /** Wait before the response headers (and, streaming, the first delta). */
  ttftMs: number
  /** Wait before each token after the first (same length as `tokens`, first entry unused). */
  interTokenMs: number[]
  /**
   * `complete`; `content-filter`: no content and the provider's filter stop
   * (`finish_reason: content_filter`, `stopReason: content_filtered`); or how the answer
   * breaks after `breakAfterTokens` tokens.
   */
  ending: 'complete' | 'content-filter' | 'cut' | 'in-stream-error'
  breakAfterTokens: number
  inStreamType: 'modelStreamErrorException' | 'throttlingException' | 'internalServerException' | 'serviceUnavailableException'
  /** Extra headers (request id, rate-limit state) for the 200 response. */
  headers: Record<string, string>
  /** Timestamp the plan was made, for `metrics.latencyMs`. */
  startedAtMs: number
}

/** Thrown inside a body stream to make the server cut the connection abruptly. */
export class ConnectionCut extends Error {
  constructor() {
    super('mock-llm: connection cut by the chaos profile')
    this.name = 'ConnectionCut'
  }
}
