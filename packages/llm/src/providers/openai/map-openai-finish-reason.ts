import type { FinishReason } from '../../types.ts'

/** Maps a Chat Completions `finish_reason` to a voxguard `FinishReason`. */
export function mapOpenAiFinishReason(finishReason: string | null | undefined): FinishReason {
  switch (finishReason) {
    case 'stop':
      return 'stop'
    case 'length':
      return 'length'
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls'
    case 'content_filter':
      return 'content-filter'
    default:
      return 'other'
  }
}
