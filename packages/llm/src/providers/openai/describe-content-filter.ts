import type { ContentFilterResultDetailsForPromptOutput, ContentFilterResultsForChoiceOutput } from '@azure/openai/types'
import { LlmError } from '../../llm-error.ts'

/**
 * Names the categories Azure OpenAI's content filter blocked, from a choice's
 * `content_filter_results` or an error's `innererror.content_filter_result` (types from
 * `@azure/openai`). OpenAI itself sends neither; the result is then empty.
 * @returns e.g. `" (filtered: violence, hate)"`, or `""` when nothing names a category.
 */
export function describeContentFilter(results: ContentFilterResultsForChoiceOutput | ContentFilterResultDetailsForPromptOutput | undefined): string {
  if (typeof results !== 'object' || results === null) return ''
  const filtered = Object.entries(results).flatMap(([category, result]) =>
    typeof result === 'object' && result !== null && (result as { filtered?: unknown }).filtered === true ? [category] : [],
  )
  return filtered.length === 0 ? '' : ` (filtered: ${filtered.join(', ')})`
}

/** The `content_filter` error for an answer the provider's filter stopped (a `content_filter` finish, in chat or stream). */
export function contentFilterError(target: string, results: ContentFilterResultsForChoiceOutput | undefined, headers?: Record<string, string>): LlmError {
  return new LlmError('content_filter', `target "${target}": the provider's content filter stopped the answer${describeContentFilter(results)}`, {
    target,
    ...(headers === undefined ? {} : { headers }),
  })
}
