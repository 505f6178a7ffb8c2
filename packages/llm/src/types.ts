/**
 * Shared request, response and stream-part types of @voxguard/llm.
 * Provider adapters translate these to and from each provider's wire format.
 */

/** A tool the model may call; `parameters` is a JSON Schema object. */
export interface ToolDefinition {
  name: string
  description?: string
  parameters: Record<string, unknown>
}

/** A tool call the model made. `arguments` is the raw JSON text the model produced. */
export interface ToolCall {
  id: string
  name: string
  arguments: string
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCall[] }
  | { role: 'tool'; content: string; toolCallId: string }

export interface Usage {
  inputTokens: number
  outputTokens: number
  totalTokens: number
}

export type FinishReason = 'stop' | 'length' | 'tool-calls' | 'content-filter' | 'other'

/** What one attempt against one target asks of a provider adapter. */
export interface ProviderRequest {
  messages: ChatMessage[]
  tools?: ToolDefinition[]
  maxOutputTokens?: number
  temperature?: number
  stopSequences?: string[]
  /** Aborts the attempt and closes its socket. Always set by the router. */
  signal: AbortSignal
  /**
   * Set when nothing but time can end this attempt (no caller signal, no attempt timer, no
   * hedge): `signal` fires only when these milliseconds have passed (the route's deadline).
   * An adapter may then hand the time to its SDK's own request timer instead of passing
   * `signal` (the openai SDK composes every caller signal with `AbortSignal.any`, the larger
   * part of its per-request cost); that timer firing is taken as the deadline. Adapters
   * that ignore it keep passing `signal`.
   */
  timeoutMs?: number
}

/** A completed non-streaming answer from one target. */
export interface ProviderChatResult {
  text: string
  toolCalls: ToolCall[]
  finishReason: FinishReason
  usage?: Usage
  /** Response headers, lower-cased names: at least the `x-ratelimit-*` ones, which rate-limit learning reads. */
  headers: Record<string, string>
}

/** Stream parts an adapter yields, in order; `finish` is last on a clean end. */
export type ProviderStreamPart =
  | { type: 'text-delta'; text: string }
  | { type: 'tool-call'; toolCall: ToolCall }
  | { type: 'usage'; usage: Usage }
  | { type: 'finish'; finishReason: FinishReason }
  /** One malformed event the adapter skipped (the router reports it as a `stream-event-skipped` event). */
  | { type: 'event-skipped'; reason: string }

/**
 * An open stream. The adapter resolves it once the provider answered with a success
 * status (HTTP errors reject instead). Iterating `parts` throws an `LlmError` for an
 * in-stream error or a stream that ends without its terminator (never a silent cut).
 */
export interface ProviderStream {
  /** As `ProviderChatResult.headers`. */
  headers: Record<string, string>
  parts: AsyncIterable<ProviderStreamPart>
}

export type ProviderName = 'openai' | 'azure-openai' | 'bedrock'

/**
 * The one internal interface every provider implements. Adapters turn off their SDK's
 * own retries, pass `signal` to the SDK, and throw only `LlmError` (via their
 * `map-<provider>-error.ts`), with `target` set to `targetName`.
 */
export interface ProviderAdapter {
  readonly provider: ProviderName
  readonly targetName: string
  /** Model or deployment id, for events and spans (`gen_ai.request.model`). */
  readonly model: string
  chat(request: ProviderRequest): Promise<ProviderChatResult>
  stream(request: ProviderRequest): Promise<ProviderStream>
}
