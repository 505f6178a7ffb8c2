/**
 * The one error type of @voxguard/judge. `code` says what went wrong; messages name the
 * file, line, field or option and what to do.
 *
 * | code              | when                                                        |
 * |-------------------|-------------------------------------------------------------|
 * | invalid_option    | an option has a bad value (the message names the option)    |
 * | invalid_record    | a records line is not JSON or not a call record v1          |
 * | invalid_verdict   | a verdicts file is missing, or a line is not JSON or not a verdict v1 |
 * | invalid_knowledge | a knowledge-base file cannot be read or is not format v1    |
 * | invalid_vocabulary | a vocabulary (option or file) is not term → list of words  |
 * | llm_judge_failed  | the LLM judge's call failed or its answer was not valid JSON |
 */
export type JudgeErrorCode = 'invalid_option' | 'invalid_record' | 'invalid_verdict' | 'invalid_knowledge' | 'invalid_vocabulary' | 'llm_judge_failed'

export class JudgeError extends Error {
  readonly code: JudgeErrorCode
  override readonly name = 'JudgeError'

  constructor(code: JudgeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}
