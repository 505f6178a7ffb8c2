import { ConnectionCut, type ResponsePlan } from '../response-plan.ts'
import { sleep } from '../sleep.ts'
import { openAiErrorBody } from './openai-error-response.ts'

const encoder = new TextEncoder()

/**
 * Renders a planned answer as an OpenAI / Azure chat completion: one JSON body, or an SSE
 * stream of `chat.completion.chunk`s (with the usage chunk when `include_usage`) ending
 * in `data: [DONE]`. Waits TTFT before the headers.
 */
export async function renderOpenAiResponse(plan: ResponsePlan, signal: AbortSignal): Promise<Response> {
  await sleep(plan.ttftMs, signal)
  const headers = { ...plan.headers, 'openai-processing-ms': String(plan.ttftMs) }
  return plan.request.stream ? streamResponse(plan, headers, signal) : await jsonResponse(plan, headers, signal)
}

function completionId(plan: ResponsePlan): string {
  return `chatcmpl-${plan.requestId}`
}

function usage(plan: ResponsePlan) {
  const completionTokens = plan.tokens.length
  return {
    prompt_tokens: plan.request.promptTokens,
    completion_tokens: completionTokens,
    total_tokens: plan.request.promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  }
}

async function jsonResponse(plan: ResponsePlan, headers: Record<string, string>, signal: AbortSignal): Promise<Response> {
  for (const waitMs of plan.interTokenMs.slice(1)) await sleep(waitMs, signal)
  const { reply } = plan
  const message =
    reply.kind === 'text'
      ? { role: 'assistant', content: reply.text, refusal: null, annotations: [] }
      : {
          role: 'assistant',
          content: null,
          refusal: null,
          annotations: [],
          tool_calls: [
            { id: reply.call.id, type: 'function', function: { name: reply.call.name, arguments: JSON.stringify(reply.call.arguments) } },
          ],
        }
  const body = JSON.stringify({
    id: completionId(plan),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: plan.request.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: reply.kind === 'text' ? 'stop' : 'tool_calls' }],
    usage: usage(plan),
    service_tier: 'default',
    system_fingerprint: 'fp_mock',
  })
  const bytes = encoder.encode(body)
  const responseHeaders = { ...headers, 'content-type': 'application/json', 'content-length': String(bytes.length) }
  if (plan.ending === 'complete') return new Response(bytes, { status: 200, headers: responseHeaders })
  // A cut (or an in-stream failure, which JSON cannot carry) breaks the body half-way.
  const half = bytes.subarray(0, Math.floor(bytes.length / 2))
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(half)
      controller.error(new ConnectionCut())
    },
  })
  return new Response(stream, { status: 200, headers: responseHeaders })
}

function streamResponse(plan: ResponsePlan, headers: Record<string, string>, signal: AbortSignal): Response {
  const base = {
    id: completionId(plan),
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: plan.request.model,
    system_fingerprint: 'fp_mock',
    service_tier: 'default',
  }
  const withUsage = plan.request.includeUsage
  const chunk = (delta: object, finishReason: string | null) =>
    `data: ${JSON.stringify({
      ...base,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...(withUsage ? { usage: null } : {}),
    })}\n\n`

  async function* events(): AsyncGenerator<Uint8Array> {
    const { reply } = plan
    yield encoder.encode(chunk({ role: 'assistant', content: reply.kind === 'text' ? '' : null, refusal: null }, null))
    for (const [index, token] of plan.tokens.entries()) {
      if (index > 0) await sleep(plan.interTokenMs[index] ?? 0, signal)
      if (plan.ending !== 'complete' && index === plan.breakAfterTokens) {
        if (plan.ending === 'cut') throw new ConnectionCut()
        yield encoder.encode(`data: ${JSON.stringify(openAiErrorBody('in-stream'))}\n\n`)
        return
      }
      if (reply.kind === 'text') yield encoder.encode(chunk({ content: token }, null))
      else {
        const call =
          index === 0
            ? { index: 0, id: reply.call.id, type: 'function', function: { name: reply.call.name, arguments: token } }
            : { index: 0, function: { arguments: token } }
        yield encoder.encode(chunk({ tool_calls: [call] }, null))
      }
    }
    yield encoder.encode(chunk({}, reply.kind === 'text' ? 'stop' : 'tool_calls'))
    if (withUsage) yield encoder.encode(`data: ${JSON.stringify({ ...base, choices: [], usage: usage(plan) })}\n\n`)
    yield encoder.encode('data: [DONE]\n\n')
  }

  return new Response(ReadableStream.from(events()), {
    status: 200,
    headers: { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
  })
}
