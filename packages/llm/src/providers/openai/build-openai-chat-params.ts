import type { ChatCompletionCreateParamsBase } from 'openai/resources/chat/completions'
import type { ProviderRequest } from '../../types.ts'
import { convertToOpenAiMessages } from './convert-to-openai-messages.ts'
import { convertToOpenAiTools } from './convert-to-openai-tools.ts'

/**
 * Builds the Chat Completions body (without `stream`) for one request. `model` is the
 * OpenAI model, or the Azure deployment name. Options the request leaves out are not sent.
 */
export function buildOpenAiChatParams(model: string, request: ProviderRequest): Omit<ChatCompletionCreateParamsBase, 'stream'> {
  return {
    model,
    messages: convertToOpenAiMessages(request.messages),
    ...(request.tools === undefined || request.tools.length === 0 ? {} : { tools: convertToOpenAiTools(request.tools) }),
    ...(request.maxOutputTokens === undefined ? {} : { max_completion_tokens: request.maxOutputTokens }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.stopSequences === undefined || request.stopSequences.length === 0 ? {} : { stop: request.stopSequences }),
  }
}
