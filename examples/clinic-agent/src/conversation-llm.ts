import { LlmError, type AttemptRecord, type ChatMessage, type ToolCall, type ToolDefinition } from '@voxguard/llm'

/** What the conversation asks of an LLM client (`createLlmClient` of @voxguard/llm satisfies it). */
export interface ConversationLlm {
  chat(request: LlmRequest): Promise<{ text: string; toolCalls: ToolCall[]; servedBy?: string; attempts?: AttemptRecord[] }>
  stream(request: LlmRequest): AsyncIterable<LlmStreamPart>
}

export interface LlmRequest {
  route: string
  messages: ChatMessage[]
  tools?: ToolDefinition[]
  signal?: AbortSignal
}

export type LlmStreamPart =
  | { type: 'text-delta'; text: string }
  | { type: 'tool-call'; toolCall: ToolCall }
  | { type: 'usage' }
  /** A continuation target answered from the start: the text already spoken is not part of the rest. */
  | { type: 'restart'; discardedChars: number }
  | { type: 'end'; servedBy?: string; attempts?: AttemptRecord[] }

/** A fallback seen in a result's attempts: the first target that failed and the one that served. */
export interface FallbackSeen {
  from: string
  to: string
  reason: string
}

/**
 * Reads a result's (or stream end's) attempts: when the serving target is not the first
 * one tried, a fallback happened. Returns what the `llm.fallback` agent event reports.
 */
export function fallbackFromAttempts(servedBy: string | undefined, attempts: AttemptRecord[] | undefined): FallbackSeen | undefined {
  const first = attempts?.[0]
  if (!servedBy || !first || first.target === servedBy) return undefined
  const failed = attempts.find((attempt) => attempt.target !== servedBy && attempt.outcome !== 'success')
  const culprit = failed ?? first
  return { from: culprit.target, to: servedBy, reason: culprit.reason ?? culprit.errorCode ?? culprit.outcome }
}

/**
 * Why a step failed, as one LlmError kind: for a chain where every target failed
 * (`all_failed`), the kind of the first attempt that got an error (e.g. `rate_limited`);
 * otherwise the error's own kind; `unknown` for anything that is not an LlmError.
 */
export function failureKind(error: unknown): string {
  if (!LlmError.isInstance(error)) return 'unknown'
  if (error.code !== 'all_failed') return error.code
  return error.attempts.find((attempt) => attempt.outcome === 'error' && attempt.errorCode)?.errorCode ?? error.code
}
