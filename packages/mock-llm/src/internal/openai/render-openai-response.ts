import { plannedJsonResponse, plannedStreamBody } from '../planned-body.ts'
import type { ResponsePlan } from '../response-plan.ts'
import { sleep } from '../sleep.ts'
import { choiceFilterResults, promptFilterResults } from '../azure/azure-content-filter.ts'
import { openAiErrorBody } from './openai-error-response.ts'

/** Rendering options: Azure adds its content-filter annotations to every answer. */
export interface RenderOpenAiOptions {
  azure: boolean
}

/**
 * Renders a planned answer as an OpenAI / Azure chat completion: one JSON body, or an SSE
 * stream of `chat.completion.chunk`s (with the usage chunk when `include_usage`) ending
 * in `data: [DONE]`. Waits TTFT before the headers.
 */
export async function renderOpenAiResponse(plan: ResponsePlan, signal: AbortSignal, options: RenderOpenAiOptions): Promise<Response> {
  await sleep(plan.ttftMs, signal)
  const headers = { ...plan.headers, 'openai-processing-ms': String(plan.ttftMs) }
  if (!plan.request.stream) return plannedJsonResponse(plan, signal, headers, () => completionBody(plan, options))
  return new Response(plannedStreamBody(plan, signal, streamFrames(plan, options)), {
    status: 200,
    headers: { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
  })
}

function completionId(plan: ResponsePlan): string {
  return `chatcmpl-${plan.requestId}`
}

function finishReason(plan: ResponsePlan): string {
  if (plan.ending === 'content-filter') return 'content_filter'
  return plan.reply.kind === 'text' ? 'stop' : 'tool_calls'
}

function usage(plan: ResponsePlan) {
  const completionTokens = plan.ending === 'content-filter' ? 0 : plan.tokens.length
  return {
    prompt_tokens: plan.request.promptTokens,
    completion_tokens: completionTokens,
    total_tokens: plan.request.promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  }
}

function completionBody(plan: ResponsePlan, options: RenderOpenAiOptions): object {
  const { reply } = plan
  const filtered = plan.ending === 'content-filter'
  const message =
    filtered || reply.kind === 'text'
      ? { role: 'assistant', content: reply.kind === 'text' && !filtered ? reply.text : null, refusal: null, annotations: [] }
      : {
          role: 'assistant',
          content: null,
          refusal: null,
          annotations: [],
          tool_calls: [
            { id: reply.call.id, type: 'function', function: { name: reply.call.name, arguments: JSON.stringify(reply.call.arguments) } },
          ],
        }
  return {
    id: completionId(plan),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: plan.request.model,
    choices: [
      { index: 0, message, logprobs: null, finish_reason: finishReason(plan), ...(options.azure ? { content_filter_results: choiceFilterResults() } : {}) },
    ],
    usage: usage(plan),
    ...(options.azure ? { prompt_filter_results: promptFilterResults() } : {}),
    service_tier: 'default',
    system_fingerprint: 'fp_mock',
  }
}

/**
 * SSE frames as OpenAI sends them: a role chunk (for a tool call, with the call's id and
 * name and empty arguments), one chunk per token, a finish chunk, the usage chunk
 * (`choices: []`) when asked for, `[DONE]`. Azure first sends its prompt filter results
 * in a chunk with empty `choices`, and annotates content chunks with filter results.
 */
function streamFrames(plan: ResponsePlan, options: RenderOpenAiOptions) {
  const base = {
    id: completionId(plan),
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: plan.request.model,
    system_fingerprint: 'fp_mock',
    service_tier: 'default',
  }
  const withUsage = plan.request.includeUsage
  const event = (data: object) => `data: ${JSON.stringify(data)}\n\n`
  const chunk = (delta: object, finish: string | null, filterResults?: object) =>
    event({
      ...base,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish, ...(options.azure ? { content_filter_results: filterResults ?? {} } : {}) }],
      ...(withUsage ? { usage: null } : {}),
    })
  const { reply } = plan
  const toolCall = reply.kind === 'tool-call' && plan.ending !== 'content-filter' ? reply.call : undefined
  return {
    head: () => [
      ...(options.azure ? [event({ choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: promptFilterResults() })] : []),
      chunk(
        toolCall
          ? { role: 'assistant', content: null, tool_calls: [{ index: 0, id: toolCall.id, type: 'function', function: { name: toolCall.name, arguments: '' } }], refusal: null }
          : { role: 'assistant', content: '', refusal: null },
        null,
      ),
    ],
    token: (token: string) =>
      toolCall ? chunk({ tool_calls: [{ index: 0, function: { arguments: token } }] }, null) : chunk({ content: token }, null, choiceFilterResults()),
    inStreamError: () => event(openAiErrorBody('in-stream')),
    tail: () => [
      chunk({}, finishReason(plan)),
      ...(withUsage ? [event({ ...base, choices: [], usage: usage(plan) })] : []),
      'data: [DONE]\n\n',
    ],
  }
}
