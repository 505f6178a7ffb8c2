import type { ChatCompletionFunctionTool } from 'openai/resources/chat/completions'
import type { ToolDefinition } from '../../types.ts'

/** Converts tool definitions to Chat Completions function tools. */
export function convertToOpenAiTools(tools: readonly ToolDefinition[]): ChatCompletionFunctionTool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, ...(tool.description === undefined ? {} : { description: tool.description }), parameters: tool.parameters },
  }))
}
