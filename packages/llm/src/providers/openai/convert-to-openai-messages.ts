import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions'
import type { ChatMessage } from '../../types.ts'

/**
 * Converts voxguard chat messages to the Chat Completions `messages` array (also used for
 * Azure OpenAI). Assistant tool calls become `tool_calls`; tool results become `role: "tool"`.
 */
export function convertToOpenAiMessages(messages: readonly ChatMessage[]): ChatCompletionMessageParam[] {
  return messages.map((message): ChatCompletionMessageParam => {
    switch (message.role) {
      case 'system':
        return { role: 'system', content: message.content }
      case 'user':
        return { role: 'user', content: message.content }
      case 'assistant': {
        const toolCalls = message.toolCalls ?? []
        if (toolCalls.length === 0) return { role: 'assistant', content: message.content }
        return {
          role: 'assistant',
          content: message.content === '' ? null : message.content,
          tool_calls: toolCalls.map((toolCall) => ({ id: toolCall.id, type: 'function', function: { name: toolCall.name, arguments: toolCall.arguments } })),
        }
      }
      case 'tool':
        return { role: 'tool', content: message.content, tool_call_id: message.toolCallId }
    }
  })
}
