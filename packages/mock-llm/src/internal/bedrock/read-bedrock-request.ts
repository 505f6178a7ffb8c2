import { BadRequestBody } from '../bad-request-body.ts'
import { estimateTokens, type ChatRequest, type ChatTurn } from '../chat-request.ts'

interface ContentBlock {
  text?: unknown
  toolUse?: { toolUseId?: unknown; name?: unknown; input?: unknown }
  toolResult?: { toolUseId?: unknown; content?: { text?: unknown; json?: unknown }[] }
}

/** Reads a Bedrock Converse / ConverseStream request body. */
export function readBedrockRequest(body: unknown, modelId: string, stream: boolean): ChatRequest {
  if (typeof body !== 'object' || body === null) throw new BadRequestBody('Malformed input request, please reformat your input and try again.')
  const record = body as { messages?: unknown; system?: unknown; toolConfig?: { tools?: unknown } }
  if (!Array.isArray(record.messages) || record.messages.length === 0) {
    throw new BadRequestBody('A conversation must start with a user message. Try again with a conversation that starts with a user message.')
  }
  const turns: ChatTurn[] = []
  for (const message of record.messages as { role?: unknown; content?: unknown }[]) {
    const blocks = Array.isArray(message.content) ? (message.content as ContentBlock[]) : []
    const text = blocks.map((block) => (typeof block.text === 'string' ? block.text : '')).join('')
    const toolResults = blocks.filter((block) => block.toolResult !== undefined)
    if (message.role === 'user' && toolResults.length > 0) {
      for (const block of toolResults) {
        const content = block.toolResult?.content ?? []
        turns.push({
          role: 'tool',
          text: content.map((part) => (typeof part.text === 'string' ? part.text : JSON.stringify(part.json ?? ''))).join(''),
          toolCallId: String(block.toolResult?.toolUseId ?? ''),
        })
      }
    } else if (message.role === 'user') turns.push({ role: 'user', text })
    else if (message.role === 'assistant') {
      const toolCalls = blocks.flatMap((block) =>
        block.toolUse
          ? [
              {
                id: String(block.toolUse.toolUseId ?? ''),
                name: String(block.toolUse.name ?? ''),
                arguments: (typeof block.toolUse.input === 'object' && block.toolUse.input !== null ? block.toolUse.input : {}) as Record<string, unknown>,
              },
            ]
          : [],
      )
      turns.push({ role: 'assistant', text, toolCalls: toolCalls.length > 0 ? toolCalls : undefined })
    } else throw new BadRequestBody(`Invalid role ${JSON.stringify(message.role)}: expected user or assistant.`)
  }
  const system = Array.isArray(record.system)
    ? (record.system as { text?: unknown }[]).map((block) => (typeof block.text === 'string' ? block.text : '')).join('\n')
    : ''
  const toolNames = Array.isArray(record.toolConfig?.tools)
    ? (record.toolConfig.tools as { toolSpec?: { name?: unknown } }[]).flatMap((tool) =>
        typeof tool.toolSpec?.name === 'string' ? [tool.toolSpec.name] : [],
      )
    : []
  return {
    model: modelId,
    system,
    turns,
    toolNames,
    stream,
    includeUsage: true,
    promptTokens: estimateTokens(JSON.stringify(record.messages) + system),
  }
}
