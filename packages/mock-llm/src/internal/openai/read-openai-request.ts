import { BadRequestBody } from '../bad-request-body.ts'
import { estimateTokens, type ChatRequest, type ChatTurn } from '../chat-request.ts'

interface OpenAiMessage {
  role?: unknown
  content?: unknown
  tool_calls?: unknown
  tool_call_id?: unknown
}

/** Reads an OpenAI / Azure OpenAI chat completions request body. */
export function readOpenAiRequest(body: unknown, deployment?: string): ChatRequest {
  if (typeof body !== 'object' || body === null) throw new BadRequestBody('We could not parse the JSON body of your request.')
  const record = body as Record<string, unknown>
  const model = typeof record.model === 'string' ? record.model : deployment
  if (model === undefined) throw new BadRequestBody('you must provide a model parameter', 'model')
  if (!Array.isArray(record.messages) || record.messages.length === 0) {
    throw new BadRequestBody("Missing required parameter: 'messages'.", 'messages')
  }
  const systemParts: string[] = []
  const turns: ChatTurn[] = []
  for (const message of record.messages as OpenAiMessage[]) {
    const text = contentText(message.content)
    if (message.role === 'system' || message.role === 'developer') systemParts.push(text)
    else if (message.role === 'user') turns.push({ role: 'user', text })
    else if (message.role === 'assistant') turns.push({ role: 'assistant', text, toolCalls: readToolCalls(message.tool_calls) })
    else if (message.role === 'tool') {
      turns.push({ role: 'tool', text, toolCallId: typeof message.tool_call_id === 'string' ? message.tool_call_id : undefined })
    } else throw new BadRequestBody(`Invalid value for 'messages.role': ${JSON.stringify(message.role)}.`, 'messages')
  }
  const toolNames = Array.isArray(record.tools)
    ? (record.tools as { function?: { name?: unknown } }[]).flatMap((tool) =>
        typeof tool.function?.name === 'string' ? [tool.function.name] : [],
      )
    : []
  const streamOptions = record.stream_options as { include_usage?: unknown } | undefined
  const system = systemParts.join('\n')
  return {
    model,
    system,
    turns,
    toolNames,
    stream: record.stream === true,
    includeUsage: streamOptions?.include_usage === true,
    promptTokens: estimateTokens(JSON.stringify(record.messages)),
  }
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content
  if (Array.isArray(content)) {
    return content.map((part: { type?: unknown; text?: unknown }) => (typeof part.text === 'string' ? part.text : '')).join('')
  }
  return ''
}

function readToolCalls(value: unknown): ChatTurn['toolCalls'] {
  if (!Array.isArray(value)) return undefined
  return value.map((call: { id?: unknown; function?: { name?: unknown; arguments?: unknown } }) => ({
    id: String(call.id ?? ''),
    name: String(call.function?.name ?? ''),
    arguments: parseArguments(call.function?.arguments),
  }))
}

function parseArguments(value: unknown): Record<string, unknown> {
  if (typeof value !== 'string') return {}
  try {
    const parsed: unknown = JSON.parse(value)
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}
