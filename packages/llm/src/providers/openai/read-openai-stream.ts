import { APIUserAbortError } from 'openai'
import type { ChatCompletionChunk } from 'openai/resources/chat/completions'
import { LlmError } from '../../llm-error.ts'
import type { ProviderStreamPart, ToolCall } from '../../types.ts'
import { convertOpenAiUsage } from './convert-openai-usage.ts'
import { contentFilterError } from './describe-content-filter.ts'
import { mapOpenAiError } from './map-openai-error.ts'
import type { OpenAiErrorContext } from './map-openai-error.ts'
import { mapOpenAiFinishReason } from './map-openai-finish-reason.ts'
import type { MalformedSseEvent } from './read-openai-sse.ts'

/**
 * Turns Chat Completions chunks into stream parts: `text-delta` per content delta,
 * one `tool-call` per tool call once its argument deltas are complete, `usage` from the
 * usage chunk, then `finish`; an SSE event that is not JSON becomes an `event-skipped` part and
 * reading goes on. Throws an `LlmError` for an SSE `error` event, a
 * `content_filter` finish (kind `content_filter`), an abort, or a stream that ends before
 * any `finish_reason` (kind `network`: the connection was cut) — never a silent truncation.
 */
export async function* readOpenAiStream(chunks: AsyncIterable<ChatCompletionChunk | MalformedSseEvent>, context: OpenAiErrorContext): AsyncGenerator<ProviderStreamPart> {
  const toolCalls = new Map<number, ToolCall>()
  let finishReason: string | undefined
  try {
    for await (const chunk of chunks) {
      if ('malformedBytes' in chunk) {
        yield { type: 'event-skipped', reason: `malformed SSE event (${chunk.malformedBytes} bytes of data that is not JSON); skipped, reading on` }
        continue
      }
      if (chunk.usage) yield { type: 'usage', usage: convertOpenAiUsage(chunk.usage) }
      const choice = chunk.choices[0]
      if (choice === undefined) continue
      const text = choice.delta?.content
      if (typeof text === 'string' && text !== '') yield { type: 'text-delta', text }
      for (const delta of choice.delta?.tool_calls ?? []) {
        const toolCall = toolCalls.get(delta.index) ?? { id: '', name: '', arguments: '' }
        toolCall.id ||= delta.id ?? ''
        toolCall.name ||= delta.function?.name ?? ''
        toolCall.arguments += delta.function?.arguments ?? ''
        toolCalls.set(delta.index, toolCall)
      }
      if (choice.finish_reason) {
        finishReason = choice.finish_reason
        if (finishReason === 'content_filter') throw contentFilterError(context.target, choice.content_filter_results)
        for (const toolCall of [...toolCalls.entries()].sort(([left], [right]) => left - right).map(([, call]) => call)) {
          yield { type: 'tool-call', toolCall }
        }
        toolCalls.clear()
      }
    }
  } catch (error) {
    throw mapOpenAiError(error, context)
  }
  // The openai SDK ends the iteration silently when the request is aborted.
  if (context.signal?.aborted === true) throw mapOpenAiError(new APIUserAbortError(), context)
  if (finishReason === undefined) {
    throw new LlmError('network', `target "${context.target}": the stream ended before a finish_reason or [DONE] (connection cut)`, { target: context.target })
  }
  yield { type: 'finish', finishReason: mapOpenAiFinishReason(finishReason) }
}
