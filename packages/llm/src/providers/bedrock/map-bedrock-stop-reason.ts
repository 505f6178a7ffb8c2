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
