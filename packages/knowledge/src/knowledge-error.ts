/**
 * Why a knowledge-base call failed:
 *
 * | code                   | when                                                                 |
 * |------------------------|----------------------------------------------------------------------|
 * | file_unreadable        | `loadKnowledgeBase` cannot read the file (missing, no permission)    |
 * | invalid_knowledge_base | the text is not YAML or not format v1 (one line per problem: file, line, field) |
 * | unknown_placeholder    | `fillTemplate` met a `{facts.path}` that names no fact value         |
 * | invalid_option         | an option has a bad value (the message names the option)             |
 */
export type KnowledgeErrorCode = 'file_unreadable' | 'invalid_knowledge_base' | 'unknown_placeholder' | 'invalid_option'

/** The one error type of @voxguard/knowledge. `message` says what was wrong, where, and what to do. */
export class KnowledgeError extends Error {
  override readonly name = 'KnowledgeError'
  readonly code: KnowledgeErrorCode

  constructor(code: KnowledgeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}
