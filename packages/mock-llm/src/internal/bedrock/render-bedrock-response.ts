import { EventStreamCodec } from '@smithy/core/event-streams'
import { plannedJsonResponse, plannedStreamBody } from '../planned-body.ts'
import type { ResponsePlan } from '../response-plan.ts'
import { sleep } from '../sleep.ts'

const encoder = new TextEncoder()
const decoder = new TextDecoder()
const codec = new EventStreamCodec(
  (bytes) => decoder.decode(bytes),
  (text) => encoder.encode(text),
)

const inStreamMessages: Record<ResponsePlan['inStreamType'], string> = {
  modelStreamErrorException: 'The model stream was interrupted. Try your request again.',
  throttlingException: 'Too many requests, please wait before trying again.',
  internalServerException: 'The system encountered an unexpected error during processing. Try your request again.',
  serviceUnavailableException: 'Bedrock is unable to process your request.',
}

/**
 * Renders a planned answer as a Bedrock Converse JSON body or a ConverseStream
 * `application/vnd.amazon.eventstream` body. Waits TTFT before the headers.
 */
export async function renderBedrockResponse(plan: ResponsePlan, signal: AbortSignal): Promise<Response> {
  await sleep(plan.ttftMs, signal)
  if (!plan.request.stream) return plannedJsonResponse(plan, signal, plan.headers, () => converseBody(plan))
  return new Response(plannedStreamBody(plan, signal, streamFrames(plan)), {
    status: 200,
    headers: { ...plan.headers, 'content-type': 'application/vnd.amazon.eventstream' },
  })
}

function stopReason(plan: ResponsePlan): string {
  if (plan.ending === 'content-filter') return 'content_filtered'
  return plan.reply.kind === 'text' ? 'end_turn' : 'tool_use'
}

function usage(plan: ResponsePlan) {
  const outputTokens = plan.ending === 'content-filter' ? 0 : plan.tokens.length
  return { inputTokens: plan.request.promptTokens, outputTokens, totalTokens: plan.request.promptTokens + outputTokens }
}

function converseBody(plan: ResponsePlan): object {
  const { reply } = plan
  const content =
    plan.ending === 'content-filter'
      ? []
      : reply.kind === 'text'
        ? [{ text: reply.text }]
        : [{ toolUse: { toolUseId: reply.call.id, name: reply.call.name, input: reply.call.arguments } }]
  return {
    output: { message: { role: 'assistant', content } },
    stopReason: stopReason(plan),
    usage: usage(plan),
    metrics: { latencyMs: Math.round(performance.now() - plan.startedAtMs) },
  }
}

/**
 * One event-stream message carrying a JSON payload: an event (`:message-type: event`,
 * `:event-type`) or, after HTTP 200, an exception (`:message-type: exception`,
 * `:exception-type`), each with `:content-type: application/json`.
 */
export function encodeMessage(messageType: 'event' | 'exception', type: string, payload: object): Uint8Array {
  return codec.encode({
    headers: {
      [messageType === 'event' ? ':event-type' : ':exception-type']: { type: 'string', value: type },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: messageType },
    },
    body: encoder.encode(JSON.stringify(payload)),
  })
}

/** ConverseStream frames: `messageStart`, (`contentBlockStart` for tool use,) `contentBlockDelta`…, `contentBlockStop`, `messageStop`, `metadata`. */
function streamFrames(plan: ResponsePlan) {
  const { reply } = plan
  const toolCall = reply.kind === 'tool-call' && plan.ending !== 'content-filter' ? reply.call : undefined
  const event = (type: string, payload: object) => encodeMessage('event', type, payload)
  return {
    head: () => [
      event('messageStart', { role: 'assistant' }),
      ...(toolCall ? [event('contentBlockStart', { contentBlockIndex: 0, start: { toolUse: { toolUseId: toolCall.id, name: toolCall.name } } })] : []),
    ],
    token: (token: string) => event('contentBlockDelta', { contentBlockIndex: 0, delta: toolCall ? { toolUse: { input: token } } : { text: token } }),
    inStreamError: () => {
      const message = inStreamMessages[plan.inStreamType]
      const payload = plan.inStreamType === 'modelStreamErrorException' ? { message, originalStatusCode: 500, originalMessage: message } : { message }
      return encodeMessage('exception', plan.inStreamType, payload)
    },
    tail: () => [
      ...(plan.ending === 'content-filter' ? [] : [event('contentBlockStop', { contentBlockIndex: 0 })]),
      event('messageStop', { stopReason: stopReason(plan) }),
      event('metadata', { usage: usage(plan), metrics: { latencyMs: Math.round(performance.now() - plan.startedAtMs) } }),
    ],
  }
}
