import { VoxguardError, type VoxguardErrorOptions } from '@voxguard/errors'

/**
 * What went wrong (the shape of docs/decisions/004-one-error-shape.md):
 *
 * | code              | when                                                                     |
 * |-------------------|--------------------------------------------------------------------------|
 * | option_invalid    | an option has a bad value (`option` names it)                            |
 * | input_invalid     | records.jsonl or verdicts.jsonl is missing or a line is bad (`file`, `line`) |
 * | slo_file_invalid  | the SLO file cannot be read or breaks its format (`file`, `line`, `field`) |
 * | history_invalid   | a line of the run history is not a history entry (`file`, `line`)        |
 * | manifest_invalid  | run.json is not a run manifest (`file`, `field`)                          |
 * | export_failed     | the Pushgateway or the OTLP endpoint refused or could not be reached (`status` when it answered) |
 */
export const SLI_ERROR_CODES = ['option_invalid', 'input_invalid', 'slo_file_invalid', 'history_invalid', 'manifest_invalid', 'export_failed'] as const
export type SliErrorCode = (typeof SLI_ERROR_CODES)[number]

export interface SliErrorOptions extends VoxguardErrorOptions {
  /** The HTTP status an exporter got back. */
  status?: number
}

/**
 * The one error class of @voxguard/sli: `new SliError(code, message, { cause, ...fields })`.
 * Messages say what was wrong, where (file, line, field, option) and what to do; the fields of
 * the same names say it too.
 */
export class SliError extends VoxguardError<SliErrorCode> {
  static override readonly errorName = 'SliError'
  readonly status: number | undefined

  constructor(code: SliErrorCode, message: string, options: SliErrorOptions = {}) {
    const { status, ...base } = options
    super(code, message, base)
    this.status = status
  }
}
