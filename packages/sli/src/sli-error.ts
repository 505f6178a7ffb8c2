const marker = Symbol.for('voxguard.sli.error')

/**
 * What went wrong, stable across versions:
 *
 * | code              | when                                                                  |
 * |-------------------|-----------------------------------------------------------------------|
 * | invalid_option    | an option has a bad value (the message names the option)              |
 * | invalid_input     | records.jsonl or verdicts.jsonl is missing or a line is bad (file:line) |
 * | invalid_slo_file  | the SLO file cannot be read or breaks its format (file, line, field)  |
 * | invalid_history   | a line of the run history is not a history entry (file:line)          |
 * | invalid_manifest  | run.json is not a run manifest (file, field)                           |
 * | export_failed     | the Pushgateway or the OTLP endpoint refused or could not be reached  |
 */
export type SliErrorCode = 'invalid_option' | 'invalid_input' | 'invalid_slo_file' | 'invalid_history' | 'invalid_manifest' | 'export_failed'

/** Where the problem is, when it is in a file. */
export interface SliErrorFields {
  file?: string
  line?: number
  field?: string
  /** The HTTP status an exporter got back. */
  status?: number
}

/**
 * The one error class of @voxguard/sli: `new SliError(code, message, { cause, ...fields })`.
 * Messages say what was wrong, where (file, line, field, option) and what to do.
 */
export class SliError extends Error {
  override readonly name = 'SliError'
  readonly code: SliErrorCode
  readonly file?: string
  readonly line?: number
  readonly field?: string
  readonly status?: number
  readonly [marker] = true

  constructor(code: SliErrorCode, message: string, options: { cause?: unknown } & SliErrorFields = {}) {
    const { cause, ...fields } = options
    super(message, cause === undefined ? undefined : { cause })
    this.code = code
    if (fields.file !== undefined) this.file = fields.file
    if (fields.line !== undefined) this.line = fields.line
    if (fields.field !== undefined) this.field = fields.field
    if (fields.status !== undefined) this.status = fields.status
  }

  /** True for an SliError from any copy of this package. */
  static isInstance(value: unknown): value is SliError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true
  }
}
