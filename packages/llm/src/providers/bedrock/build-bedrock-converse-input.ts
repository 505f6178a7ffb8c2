import type { ConverseCommandInput } from '@aws-sdk/client-bedrock-runtime'
import type { ProviderRequest } from '../../types.ts'
import { convertToBedrockMessages } from './convert-to-bedrock-messages.ts'
import { convertToBedrockToolConfig } from './convert-to-bedrock-tool-config.ts'

/** Builds the Converse (and ConverseStream) input for one request; unset options are not sent. */
export function buildBedrockConverseInput(modelId: string, request: ProviderRequest): ConverseCommandInput {
  const { system, messages } = convertToBedrockMessages(request.messages)
  const inferenceConfig = {
    ...(request.maxOutputTokens === undefined ? {} : { maxTokens: request.maxOutputTokens }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.stopSequences === undefined || request.stopSequences.length === 0 ? {} : { stopSequences: request.stopSequences }),
  }
  return {
    modelId,
    messages,
    ...(system.length === 0 ? {} : { system }),
    ...(Object.keys(inferenceConfig).length === 0 ? {} : { inferenceConfig }),
    ...(request.tools === undefined || request.tools.length === 0 ? {} : { toolConfig: convertToBedrockToolConfig(request.tools) }),
  }
}
