import { EventStreamCodec } from '@smithy/core/event-streams'
import { ConnectionCut, type ResponsePlan } from '../response-plan.ts'
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
  return plan.request.stream ? streamResponse(plan, signal) : await jsonResponse(plan, signal)
}

function usage(plan: ResponsePlan) {
  const outputTokens = plan.tokens.length
  return { inputTokens: plan.request.promptTokens, outputTokens, totalTokens: plan.request.promptTokens + outputTokens }
}

async function jsonResponse(plan: ResponsePlan, signal: AbortSignal): Promise<Response> {
  for (const waitMs of plan.interTokenMs.slice(1)) await sleep(waitMs, signal)
  const { reply } = plan
  const content =
    reply.kind === 'text'
      ? [{ text: reply.text }]
      : [{ toolUse: { toolUseId: reply.call.id, name: reply.call.name, input: reply.call.arguments } }]
  const bytes = encoder.encode(
    JSON.stringify({
      output: { message: { role: 'assistant', content } },
      stopReason: reply.kind === 'text' ? 'end_turn' : 'tool_use',
      usage: usage(plan),
      metrics: { latencyMs: Math.round(performance.now() - plan.startedAtMs) },
    }),
  )
  const headers = { ...plan.headers, 'content-type': 'application/json', 'content-length': String(bytes.length) }
  if (plan.ending === 'complete') return new Response(bytes, { status: 200, headers })
  const half = bytes.subarray(0, Math.floor(bytes.length / 2))
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(half)
      controller.error(new ConnectionCut())
    },
  })
  return new Response(stream, { status: 200, headers })
}

/** One event-stream message carrying a JSON event. */
export function encodeEvent(eventType: string, payload: object): Uint8Array {
  return codec.encode({
    headers: {
      ':event-type': { type: 'string', value: eventType },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: 'event' },
    },
    body: encoder.encode(JSON.stringify(payload)),
  })
}

/** One event-stream exception message (an error after HTTP 200). */
export function encodeException(exceptionType: string, payload: object): Uint8Array {
  return codec.encode({
    headers: {
      ':exception-type': { type: 'string', value: exceptionType },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: 'exception' },
    },
    body: encoder.encode(JSON.stringify(payload)),
  })
}

function streamResponse(plan: ResponsePlan, signal: AbortSignal): Response {
  async function* events(): AsyncGenerator<Uint8Array> {
    const { reply } = plan
    yield encodeEvent('messageStart', { role: 'assistant' })
    if (reply.kind === 'tool-call') {
      yield encodeEvent('contentBlockStart', {
        contentBlockIndex: 0,
        start: { toolUse: { toolUseId: reply.call.id, name: reply.call.name } },
      })
    }
    for (const [index, token] of plan.tokens.entries()) {
      if (index > 0) await sleep(plan.interTokenMs[index] ?? 0, signal)
      if (plan.ending !== 'complete' && index === plan.breakAfterTokens) {
        if (plan.ending === 'cut') throw new ConnectionCut()
        const message = inStreamMessages[plan.inStreamType]
        yield encodeException(
          plan.inStreamType,
          plan.inStreamType === 'modelStreamErrorException' ? { message, originalStatusCode: 500, originalMessage: message } : { message },
        )
        return
      }
      const delta = reply.kind === 'text' ? { text: token } : { toolUse: { input: token } }
      yield encodeEvent('contentBlockDelta', { contentBlockIndex: 0, delta })
    }
    yield encodeEvent('contentBlockStop', { contentBlockIndex: 0 })
    yield encodeEvent('messageStop', { stopReason: reply.kind === 'text' ? 'end_turn' : 'tool_use' })
    yield encodeEvent('metadata', { usage: usage(plan), metrics: { latencyMs: Math.round(performance.now() - plan.startedAtMs) } })
  }
  return new Response(ReadableStream.from(events()), {
    status: 200,
    headers: { ...plan.headers, 'content-type': 'application/vnd.amazon.eventstream' },
  })
}
