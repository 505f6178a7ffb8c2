import type { TokenUsage } from '@aws-sdk/client-bedrock-runtime'
import type { Usage } from '../../types.ts'

/** Maps Converse / ConverseStream `usage` to voxguard `Usage` (a missing total is input + output). */
export function convertBedrockUsage(usage: Partial<TokenUsage>): Usage {
  const { inputTokens = 0, outputTokens = 0, totalTokens = inputTokens + outputTokens } = usage
  return { inputTokens, outputTokens, totalTokens }
}
