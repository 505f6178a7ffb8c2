import type { TargetConfig } from '../target-config.ts'
import { validateTargetConfig } from '../target-config.ts'
import type { ProviderAdapter } from '../types.ts'
import { createAzureOpenAiAdapter } from './azure-openai/azure-openai-adapter.ts'
import { createBedrockAdapter } from './bedrock/bedrock-adapter.ts'
import { createOpenAiAdapter } from './openai/openai-adapter.ts'

/**
 * Builds the provider adapter for one target, after `validateTargetConfig` (so a bad
 * configuration throws an `Error` naming `targets.<name>.<field>`).
 * @example
 * const adapter = createProviderAdapter('primary', { provider: 'openai', model: 'gpt-4o-mini' })
 * const result = await adapter.chat({ messages: [{ role: 'user', content: 'Hi' }], signal })
 */
export function createProviderAdapter(targetName: string, config: TargetConfig): ProviderAdapter {
  validateTargetConfig(targetName, config)
  switch (config.provider) {
    case 'openai':
      return createOpenAiAdapter(targetName, config)
    case 'azure-openai':
      return createAzureOpenAiAdapter(targetName, config)
    case 'bedrock':
      return createBedrockAdapter(targetName, config)
  }
}
