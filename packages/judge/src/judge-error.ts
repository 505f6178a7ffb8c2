import { VoxguardError } from '@voxguard/errors'

/**
 * The one error type of @voxguard/judge. `code` says what went wrong; messages name the
 * file, line, field or option and what to do, and the fields of the same names say it too.
 *
 * | code               | when                                                        |
 * |--------------------|-------------------------------------------------------------|
 * | option_invalid     | an option has a bad value (`option` names it)               |
 * | record_invalid     | a records line is not JSON or not a call record v1          |
 * | verdict_invalid    | a verdicts file is missing, or a line is not JSON or not a verdict v1 |
 * | knowledge_invalid  | a knowledge-base file cannot be read or is not format v1    |
 * | vocabulary_invalid | a vocabulary (option or file) is not term → list of words   |
 * | llm_judge_failed   | the LLM judge's call failed or its answer was not valid JSON |
 */
export const JUDGE_ERROR_CODES = ['option_invalid', 'record_invalid', 'verdict_invalid', 'knowledge_invalid', 'vocabulary_invalid', 'llm_judge_failed'] as const
export type JudgeErrorCode = (typeof JUDGE_ERROR_CODES)[number]

export class JudgeError extends VoxguardError<JudgeErrorCode> {
  static override readonly errorName = 'JudgeError'
}
