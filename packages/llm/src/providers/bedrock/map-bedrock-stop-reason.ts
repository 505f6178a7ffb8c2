import { LlmError } from '../../llm-error.ts'
import type { FinishReason } from '../../types.ts'

/** Maps a Converse `stopReason` to a voxguard `FinishReason`. */
export function mapBedrockStopReason(stopReason: string | undefined): FinishReason {
  switch (stopReason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop'
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length'
    case 'tool_use':
      return 'tool-calls'
    case 'content_filtered':
    case 'guardrail_intervened':
      return 'content-filter'
    default:
      return 'other'
  }
}

/** The `content_filter` error for a Converse answer a filter or guardrail stopped, else `undefined`. */
export function bedrockStopError(target: string, stopReason: string | undefined, headers?: Record<string, string>): LlmError | undefined {
  if (stopReason !== 'content_filtered' && stopReason !== 'guardrail_intervened') return undefined
  return new LlmError('content_filter', `target "${target}": the answer was stopped (${stopReason})`, { target, ...(headers === undefined ? {} : { headers }) })
}
