import type { ChatCompletionCreateParamsBase } from 'openai/resources/chat/completions'
import type { ProviderRequest } from '../../types.ts'
import { convertToOpenAiMessages } from './convert-to-openai-messages.ts'
import { convertToOpenAiTools } from './convert-to-openai-tools.ts'

/**
 * Builds the Chat Completions body (without `stream`) for one request. `model` is the
 * OpenAI model, or the Azure deployment name. Options the request leaves out are not sent.
 */
export function buildOpenAiChatParams(model: string, request: ProviderRequest): Omit<ChatCompletionCreateParamsBase, 'stream'> {
  const params: Omit<ChatCompletionCreateParamsBase, 'stream'> = { model, messages: convertToOpenAiMessages(request.messages) }
  if (request.tools !== undefined && request.tools.length > 0) params.tools = convertToOpenAiTools(request.tools)
  if (request.maxOutputTokens !== undefined) params.max_completion_tokens = request.maxOutputTokens
  if (request.temperature !== undefined) params.temperature = request.temperature
  if (request.stopSequences !== undefined && request.stopSequences.length > 0) params.stop = request.stopSequences
  return params
}
