import { VoxguardError } from '@voxguard/errors'

/** The CLI's one code: `usage_invalid`, a bad command line. */
export const CLI_ERROR_CODES = ['usage_invalid'] as const
export type CliErrorCode = (typeof CLI_ERROR_CODES)[number]

/** A bad command line: printed with the command's usage, exit code 2. `option` names the flag when one is at fault. */
export class UsageError extends VoxguardError<CliErrorCode> {
  static override readonly errorName = 'UsageError'
}
