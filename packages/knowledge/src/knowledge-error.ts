import { VoxguardError } from '@voxguard/errors'

/**
 * Why a knowledge-base call failed:
 *
 * | code                   | when                                                                 |
 * |------------------------|----------------------------------------------------------------------|
 * | file_unreadable        | `loadKnowledgeBase` cannot read the file (missing, no permission)    |
 * | knowledge_base_invalid | the text is not YAML or not format v1 (one line per problem: file, line, field) |
 * | placeholder_unknown    | `fillTemplate` met a `{facts.path}` that names no fact value         |
 * | option_invalid         | an option has a bad value (`option` names it)                        |
 */
export const KNOWLEDGE_ERROR_CODES = ['file_unreadable', 'knowledge_base_invalid', 'placeholder_unknown', 'option_invalid'] as const
export type KnowledgeErrorCode = (typeof KNOWLEDGE_ERROR_CODES)[number]

/**
 * The one error type of @voxguard/knowledge. `message` says what was wrong, where, and what
 * to do; `file`, `line`, `field` and `option` say where, when they apply.
 */
export class KnowledgeError extends VoxguardError<KnowledgeErrorCode> {
  static override readonly errorName = 'KnowledgeError'
}
