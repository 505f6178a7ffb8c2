// voxguard: the command line. The CLI only composes the library packages.
export { main } from './main.ts'
export { commands } from './commands.ts'
export { parseCommandArgs } from './parse-command-args.ts'
export { UsageError } from './usage-error.ts'
export type { CliErrorCode } from './usage-error.ts'
export type { Command, CommandEntry, CommandIo } from './command.ts'
export { createProgressBar } from './progress-bar.ts'
export type { ProgressBar } from './progress-bar.ts'
