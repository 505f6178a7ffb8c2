import { VoxguardError, type VoxguardErrorOptions } from '@voxguard/errors'

/**
 * The one error type of @voxguard/harness. Failures of a call against an agent are never
 * thrown: they are recorded in the call record (`CallFailure`). A `HarnessError` is thrown
 * (or returned in a list) only for bad input: an invalid call script or option.
 *
 * | code              | meaning                                                    |
 * |-------------------|------------------------------------------------------------|
 * | script_invalid    | a call script does not parse or does not match the schema  |
 * | script_not_found  | a script, partial or audio file does not exist             |
 * | option_invalid    | an option passed to a harness function is out of range (`option` names it) |
 * | audio_invalid     | a caller audio file is not 8/16 kHz PCM or μ-law WAV       |
 * | audio_tool_failed | espeak-ng or sox is missing or failed                      |
 * | records_invalid   | a records file cannot be read or a line is not a call record (merge) |
 * | agent_events_invalid | a line of an agent event log is not an agent event (docs/protocol.md) |
 * | transcript_invalid | a production transcript (or a third party's export) cannot be read or a line is not what docs/protocol.md says |
 * | output_refused    | an output folder is not voxguard's to write into (the working folder, or a non-empty folder it did not make) |
 */
export const HARNESS_ERROR_CODES = ['script_invalid', 'script_not_found', 'option_invalid', 'audio_invalid', 'audio_tool_failed', 'records_invalid', 'agent_events_invalid', 'transcript_invalid', 'output_refused'] as const
export type HarnessErrorCode = (typeof HARNESS_ERROR_CODES)[number]

export interface HarnessErrorOptions extends VoxguardErrorOptions {
  /** Every problem found in a script (a script error lists all of them, the first is `file`/`line`/`field`). */
  issues?: ScriptIssueLocation[]
}

/** One problem in a script file, located. */
export interface ScriptIssueLocation {
  file: string
  line: number
  column: number
  field: string
  message: string
}

export class HarnessError extends VoxguardError<HarnessErrorCode> {
  static override readonly errorName = 'HarnessError'
  readonly issues: ScriptIssueLocation[]

  constructor(code: HarnessErrorCode, message: string, options: HarnessErrorOptions = {}) {
    const { issues, ...rest } = options
    super(code, message, rest)
    this.issues = issues ?? []
  }
}

/** Formats `file:line:column field: message`, the way script errors are printed. */
export function formatScriptLocation(file: string, line?: number, column?: number, field?: string): string {
  let location = file
  if (line !== undefined) location += `:${line}`
  if (line !== undefined && column !== undefined) location += `:${column}`
  return field ? `${location} ${field}` : location
}
