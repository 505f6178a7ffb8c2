import type { ToolConfiguration, ToolInputSchema } from '@aws-sdk/client-bedrock-runtime'
import type { ToolDefinition } from '../../types.ts'

/** Converts tool definitions to a Converse `toolConfig` (JSON Schema in `inputSchema.json`). */
export function convertToBedrockToolConfig(tools: readonly ToolDefinition[]): ToolConfiguration {
  return {
    tools: tools.map((tool) => ({
      toolSpec: {
        name: tool.name,
        ...(tool.description === undefined ? {} : { description: tool.description }),
        inputSchema: { json: tool.parameters } as ToolInputSchema,
      },
    })),
  }
}
