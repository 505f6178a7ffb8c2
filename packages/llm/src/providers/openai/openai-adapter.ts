import OpenAI from 'openai'
import { LlmError } from '../../llm-error.ts'
import type { OpenAiTargetConfig } from '../../target-config.ts'
import type { ProviderAdapter, ProviderChatResult, ProviderRequest, ProviderStream, ToolCall } from '../../types.ts'
import { readRateLimitHeaders } from '../read-rate-limit-headers.ts'
import { buildOpenAiChatParams } from './build-openai-chat-params.ts'
import { convertOpenAiUsage } from './convert-openai-usage.ts'
import { contentFilterError } from './describe-content-filter.ts'
import { mapOpenAiError } from './map-openai-error.ts'
import { mapOpenAiFinishReason } from './map-openai-finish-reason.ts'
import { readOpenAiSse } from './read-openai-sse.ts'
import { readOpenAiStream } from './read-openai-stream.ts'

/**
 * The SDK's own timeout, kept far above any route deadline: the router owns deadlines and
 * aborts attempts through the request signal.
 */
export const sdkTimeoutMs = 60 * 60 * 1000

export interface OpenAiChatAdapterOptions {
  provider: 'openai' | 'azure-openai'
  targetName: string
  /** Model name, or the Azure deployment name. */
  model: string
  /** A configured client with `maxRetries: 0`. */
  client: OpenAI
  /** Keys to keep out of error messages. */
  secrets: readonly string[]
}

/** Chat Completions over an `openai` SDK client; shared by the OpenAI and Azure OpenAI targets. */
export class OpenAiChatAdapter implements ProviderAdapter {
  readonly provider: 'openai' | 'azure-openai'
  readonly targetName: string
  readonly model: string
  readonly #client: OpenAI
  readonly #secrets: readonly string[]

  constructor(options: OpenAiChatAdapterOptions) {
    this.provider = options.provider
    this.targetName = options.targetName
    this.model = options.model
    this.#client = options.client
    this.#secrets = options.secrets
  }

  async chat(request: ProviderRequest): Promise<ProviderChatResult> {
    try {
      const { data, response } = await this.#client.chat.completions
        .create({ ...buildOpenAiChatParams(this.model, request), stream: false }, requestOptions(request))
        .withResponse()
      const headers = readRateLimitHeaders(response.headers)
      const choice = data.choices?.[0]
      if (choice === undefined) throw new LlmError('server', `target "${this.targetName}": the response has no choices`, { target: this.targetName, headers })
      if (choice.finish_reason === 'content_filter') throw contentFilterError(this.targetName, choice.content_filter_results, headers)
      const toolCalls: ToolCall[] = (choice.message.tool_calls ?? []).flatMap((toolCall) =>
        toolCall.type === 'function' ? [{ id: toolCall.id, name: toolCall.function.name, arguments: toolCall.function.arguments }] : [],
      )
      return {
        text: choice.message.content ?? '',
        toolCalls,
        finishReason: mapOpenAiFinishReason(choice.finish_reason),
        ...(data.usage === undefined ? {} : { usage: convertOpenAiUsage(data.usage) }),
        headers,
      }
    } catch (error) {
      throw mapOpenAiError(error, this.#errorContext(request))
    }
  }

  async stream(request: ProviderRequest): Promise<ProviderStream> {
    const context = this.#errorContext(request)
    try {
      // The raw response, read by our own SSE reader: it skips a malformed event instead of ending the stream.
      const response = await this.#client.chat.completions
        .create({ ...buildOpenAiChatParams(this.model, request), stream: true, stream_options: { include_usage: true } }, requestOptions(request))
        .asResponse()
      return { headers: readRateLimitHeaders(response.headers), parts: readOpenAiStream(readOpenAiSse(response), context) }
    } catch (error) {
      throw mapOpenAiError(error, context)
    }
  }

  /** What the error mapper needs (built on failure only: reading `signal` may create it). */
  #errorContext(request: ProviderRequest) {
    return { target: this.targetName, signal: request.signal, secrets: this.#secrets }
  }
}

/**
 * The SDK's request options: the attempt's signal, or, when only the deadline can end the
 * attempt, the SDK's own request timer set to it (no `AbortSignal.any` per request).
 */
function requestOptions(request: ProviderRequest): { signal: AbortSignal } | { timeout: number } {
  return request.timeoutMs === undefined ? { signal: request.signal } : { timeout: request.timeoutMs }
}

/** Creates the adapter for an `openai` target (OpenAI or any OpenAI-compatible `baseURL`). */
export function createOpenAiAdapter(targetName: string, config: OpenAiTargetConfig): OpenAiChatAdapter {
  const apiKey = config.apiKey ?? process.env.OPENAI_API_KEY ?? ''
  const client = new OpenAI({
    apiKey,
    ...(config.baseURL === undefined ? {} : { baseURL: config.baseURL }),
    ...(config.organization === undefined ? {} : { organization: config.organization }),
    ...(config.headers === undefined ? {} : { defaultHeaders: config.headers }),
    ...(config.fetch === undefined ? {} : { fetch: config.fetch }),
    maxRetries: 0,
    timeout: sdkTimeoutMs,
  })
  return new OpenAiChatAdapter({ provider: 'openai', targetName, model: config.model, client, secrets: [apiKey] })
}
