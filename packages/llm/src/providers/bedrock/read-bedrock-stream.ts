import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime'
import { LlmError } from '../../llm-error.ts'
import type { ProviderStreamPart, ToolCall } from '../../types.ts'
import { mapBedrockError } from './map-bedrock-error.ts'
import type { BedrockErrorContext } from './map-bedrock-error.ts'
import { convertBedrockUsage } from './convert-bedrock-usage.ts'
import { bedrockStopError, mapBedrockStopReason } from './map-bedrock-stop-reason.ts'

const exceptionMembers = ['throttlingException', 'modelStreamErrorException', 'internalServerException', 'serviceUnavailableException', 'validationException'] as const

/**
 * Turns ConverseStream events into stream parts: `text-delta` per text delta, one
 * `tool-call` per `toolUse` block at its `contentBlockStop`, `usage` from `metadata`, then
 * `finish`. Exception events after HTTP 200 (the SDK throws them from the iterator, named
 * after the exception) and a stream that ends before `messageStop` throw an `LlmError`.
 * `onEnd` runs once when reading stops for any reason (it closes the socket if still open).
 */
export async function* readBedrockStream(events: AsyncIterable<ConverseStreamOutput>, context: BedrockErrorContext, onEnd: () => void): AsyncGenerator<ProviderStreamPart> {
  const toolCalls = new Map<number, ToolCall>()
  let stopReason: string | undefined
  try {
    for await (const event of events) {
      const exception = exceptionMembers.find((member) => event[member] !== undefined)
      if (exception !== undefined) {
        const body = event[exception] as { message?: string }
        throw mapBedrockError(Object.assign(new Error(body.message ?? exception), { name: exception }), context)
      }
      if (event.contentBlockStart?.start?.toolUse) {
        const { toolUseId, name } = event.contentBlockStart.start.toolUse
        toolCalls.set(event.contentBlockStart.contentBlockIndex ?? 0, { id: toolUseId ?? '', name: name ?? '', arguments: '' })
      } else if (event.contentBlockDelta) {
        const { delta, contentBlockIndex } = event.contentBlockDelta
        if (typeof delta?.text === 'string' && delta.text !== '') yield { type: 'text-delta', text: delta.text }
        const toolCall = toolCalls.get(contentBlockIndex ?? 0)
        if (toolCall !== undefined && typeof delta?.toolUse?.input === 'string') toolCall.arguments += delta.toolUse.input
      } else if (event.contentBlockStop) {
        const index = event.contentBlockStop.contentBlockIndex ?? 0
        const toolCall = toolCalls.get(index)
        if (toolCall !== undefined) {
          toolCalls.delete(index)
          yield { type: 'tool-call', toolCall: { ...toolCall, arguments: toolCall.arguments === '' ? '{}' : toolCall.arguments } }
        }
      } else if (event.messageStop) {
        stopReason = event.messageStop.stopReason
        const stopped = bedrockStopError(context.target, stopReason)
        if (stopped !== undefined) throw stopped
      } else if (event.metadata?.usage) {
        yield { type: 'usage', usage: convertBedrockUsage(event.metadata.usage) }
      }
    }
    if (context.signal?.aborted === true) throw mapBedrockError(new Error('aborted'), context)
    if (stopReason === undefined) {
      throw new LlmError('network', `target "${context.target}": the stream ended before messageStop (connection cut)`, { target: context.target })
    }
    yield { type: 'finish', finishReason: mapBedrockStopReason(stopReason) }
  } catch (error) {
    throw mapBedrockError(error, context)
  } finally {
    onEnd()
  }
}
