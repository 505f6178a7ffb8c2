/**
 * The one error type of @voxguard/harness. Failures of a call against an agent are never
 * thrown: they are recorded in the call record (`CallFailure`). A `HarnessError` is thrown
 * (or returned in a list) only for bad input: an invalid call script or option.
 *
 * | kind             | meaning                                                    |
 * |------------------|------------------------------------------------------------|
 * | script_invalid   | a call script does not parse or does not match the schema  |
 * | script_not_found | a script, partial or audio file does not exist             |
 * | option_invalid   | an option passed to a harness function is out of range     |
 * | audio_invalid    | a caller audio file is not 8/16 kHz PCM or μ-law WAV       |
 * | audio_tool       | espeak-ng or sox is missing or failed                      |
 * | records_invalid  | a records file cannot be read or a line is not a call record (merge) |
 * | output_refused   | an output folder is not voxguard's to write into (the working folder, or a non-empty folder it did not make) |
 */
export type HarnessErrorKind = 'script_invalid' | 'script_not_found' | 'option_invalid' | 'audio_invalid' | 'audio_tool' | 'records_invalid' | 'output_refused'

export interface HarnessErrorOptions {
  kind: HarnessErrorKind
  /** The file the error is about (a script, partial or audio file). */
  file?: string
  /** 1-based line in `file`. */
  line?: number
  /** 1-based column in `file`. */
  column?: number
  /** The field path inside the script, e.g. `turns[2].expect.saysAny`. */
  field?: string
  /** Every problem found in a script (a script error lists all of them, the first is `file`/`line`/`field`). */
  issues?: ScriptIssueLocation[]
  cause?: unknown
}

/** One problem in a script file, located. */
export interface ScriptIssueLocation {
  file: string
  line: number
  column: number
  field: string
  message: string
}

export class HarnessError extends Error {
  override name = 'HarnessError'
  readonly kind: HarnessErrorKind
  readonly file: string | undefined
  readonly line: number | undefined
  readonly column: number | undefined
  readonly field: string | undefined
  readonly issues: ScriptIssueLocation[]

  constructor(message: string, options: HarnessErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.kind = options.kind
    this.file = options.file
    this.line = options.line
    this.column = options.column
    this.field = options.field
    this.issues = options.issues ?? []
  }
}

/** Formats `file:line:column field: message`, the way script errors are printed. */
export function formatScriptLocation(file: string, line?: number, column?: number, field?: string): string {
  let location = file
  if (line !== undefined) location += `:${line}`
  if (line !== undefined && column !== undefined) location += `:${column}`
  return field ? `${location} ${field}` : location
}
