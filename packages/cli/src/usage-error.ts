import { hasErrorMarker, markError, VoxguardError, type VoxguardErrorOptions } from '@voxguard/errors'

/** The CLI's one code: `usage_invalid`, a bad command line. */
export const CLI_ERROR_CODES = ['usage_invalid'] as const
export type CliErrorCode = (typeof CLI_ERROR_CODES)[number]

const MARKER = 'voxguard.error.UsageError'

/** A bad command line: printed with the command's usage, exit code 2. `option` names the flag when one is at fault. */
export class UsageError extends VoxguardError<CliErrorCode> {
  override readonly name = 'UsageError'

  constructor(code: CliErrorCode, message: string, options: VoxguardErrorOptions = {}) {
    super(code, message, options)
    markError(this, MARKER)
  }

  /** Whether `value` is a `UsageError`, from any copy of this package. */
  static override isInstance(value: unknown): value is UsageError {
    return hasErrorMarker(value, MARKER)
  }
}
