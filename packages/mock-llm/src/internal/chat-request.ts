/** A tool call the assistant made earlier in the conversation (or makes now). */
export interface ChatToolCall {
  id: string
  name: string
  arguments: Record<string, unknown>
}

/** One message of a conversation, the same for every wire format. */
export interface ChatTurn {
  role: 'user' | 'assistant' | 'tool'
  text: string
  /** Assistant turns: the tool calls it made. */
  toolCalls?: ChatToolCall[] | undefined
  /** Tool turns: the id of the call this is the result of. */
  toolCallId?: string | undefined
}

/** A chat request from any provider's wire format, reduced to what the mock needs. */
export interface ChatRequest {
  model: string
  /** All system (and OpenAI developer) text, joined by newlines. */
  system: string
  turns: ChatTurn[]
  /** Names of the tools the request offers. */
  toolNames: string[]
  stream: boolean
  /** OpenAI `stream_options.include_usage`. */
  includeUsage: boolean
  /** Rough prompt size used for usage and TPM (≈ 4 characters per token). */
  promptTokens: number
}

/** Rough token count of a text (≈ 4 characters per token, at least 1 for non-empty text). */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.max(1, Math.ceil(text.length / 4))
}

/**
 * Splits a reply into the pieces streamed as deltas: a word with its leading space
 * (Latin text) or up to 2 characters (text without spaces, e.g. Japanese).
 */
export function splitIntoTokens(text: string): string[] {
  const pieces = text.match(/\s*[^\s]+/g) ?? []
  const tokens: string[] = []
  for (const piece of pieces) {
    if (piece.length <= 12 || /[a-z]/i.test(piece)) {
      tokens.push(piece)
      continue
    }
    for (let index = 0; index < piece.length; index += 2) tokens.push(piece.slice(index, index + 2))
  }
  return tokens
}
