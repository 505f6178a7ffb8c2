import type { CompletionUsage } from 'openai/resources/completions'
import type { Usage } from '../../types.ts'

/** Maps Chat Completions `usage` to voxguard `Usage`. */
export function convertOpenAiUsage(usage: CompletionUsage): Usage {
  return { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens, totalTokens: usage.total_tokens }
}
