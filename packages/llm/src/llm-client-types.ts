import type { AttemptRecord } from './llm-error.ts'
import type { TargetStats } from './target-runtime.ts'
import type { ChatMessage, FinishReason, ToolCall, ToolDefinition, Usage } from './types.ts'

/** One `chat` or `stream` call. */
export interface LlmCallRequest {
  /** Name of a route in the client's `routes`. */
  route: string
  messages: ChatMessage[]
  tools?: ToolDefinition[]
  maxOutputTokens?: number
  temperature?: number
  stopSequences?: string[]
  /** Cancels the call and every socket it opened; the call rejects with kind `aborted`. */
  signal?: AbortSignal
}

/** Where an answer came from and how it got there. */
export interface ServedInfo {
  /** Name of the target that produced the answer. */
  servedBy: string
  /** Every attempt of the call in order, with outcomes and why the router moved on. */
  attempts: AttemptRecord[]
}

export interface LlmChatResult extends ServedInfo {
  text: string
  toolCalls: ToolCall[]
  finishReason: FinishReason
  usage: Usage | undefined
}

/** Parts of `llm.stream(...)`, in order; `end` is last and only on success. */
export type LlmStreamPart =
  | { type: 'text-delta'; text: string }
  | { type: 'tool-call'; toolCall: ToolCall }
  | { type: 'usage'; usage: Usage }
  /**
   * A continuation target rejected the text so far as an assistant prefix and answers from the
   * start instead: the `discardedChars` already delivered are not part of `end.text`. A voice
   * agent has spoken them already (e.g. say "let me rephrase that").
   */
  | { type: 'restart'; discardedChars: number; reason: string }
  | ({ type: 'end'; text: string; toolCalls: ToolCall[]; usage: Usage | undefined; finishReason: FinishReason } & ServedInfo)

export interface LlmClient {
  /** One answer, with fallback, retries, breakers and the route's deadline. Rejects with `LlmError`. */
  chat(request: LlmCallRequest): Promise<LlmChatResult>
  /** Streamed answer; fails over until the first token. Iteration throws `LlmError`. */
  stream(request: LlmCallRequest): AsyncIterable<LlmStreamPart>
  /** Per-target counters and breaker states (e.g. for a /metrics endpoint). */
  targetStats(): TargetStats[]
  /** Stops breaker timers. Calls after `close()` reject. */
  close(): void
}
