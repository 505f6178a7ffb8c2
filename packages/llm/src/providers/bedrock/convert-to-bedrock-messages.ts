import type { ContentBlock, Message, SystemContentBlock, ToolUseBlock } from '@aws-sdk/client-bedrock-runtime'
import type { ChatMessage } from '../../types.ts'

/**
 * Converts voxguard chat messages to Converse `system` and `messages`. System messages
 * become `system` blocks; tool results become `toolResult` blocks in a user turn; assistant
 * tool calls become `toolUse` blocks (their JSON arguments parsed, as Converse wants an
 * object). Consecutive messages of one role are merged, since Converse requires user and
 * assistant turns to alternate.
 * @throws Error naming the tool call when its `arguments` is not a JSON object.
 */
export function convertToBedrockMessages(messages: readonly ChatMessage[]): { system: SystemContentBlock[]; messages: Message[] } {
  const system: SystemContentBlock[] = []
  const converted: Message[] = []
  const append = (role: 'user' | 'assistant', blocks: ContentBlock[]): void => {
    const last = converted.at(-1)
    if (last?.role === role) last.content = [...(last.content ?? []), ...blocks]
    else converted.push({ role, content: blocks })
  }
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        system.push({ text: message.content })
        break
      case 'user':
        append('user', [{ text: message.content }])
        break
      case 'assistant': {
        const blocks: ContentBlock[] = message.content === '' ? [] : [{ text: message.content }]
        for (const toolCall of message.toolCalls ?? []) {
          blocks.push({ toolUse: { toolUseId: toolCall.id, name: toolCall.name, input: parseToolInput(toolCall.id, toolCall.arguments) } })
        }
        append('assistant', blocks)
        break
      }
      case 'tool':
        append('user', [{ toolResult: { toolUseId: message.toolCallId, content: [{ text: message.content }] } }])
        break
    }
  }
  return { system, messages: converted }
}

function parseToolInput(toolCallId: string, text: string): ToolUseBlock['input'] {
  try {
    const input: unknown = JSON.parse(text === '' ? '{}' : text)
    if (typeof input === 'object' && input !== null && !Array.isArray(input)) return input as ToolUseBlock['input']
  } catch {
    // Reported below.
  }
  throw new Error(`messages: tool call "${toolCallId}" has arguments that are not a JSON object; Bedrock needs an object`)
}
