/** Where a command writes and what it knows about its terminal (injected for tests). */
export interface CommandIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  stderr: NodeJS.WritableStream
  env: NodeJS.ProcessEnv
  /** Aborted on SIGINT/SIGTERM. */
  signal: AbortSignal
}

/** A loaded `voxguard <name>` command. `run` returns the process exit code. */
export interface Command {
  /** Full usage text for `voxguard <name> --help`. */
  usage: string
  run(argv: string[], io: CommandIo): Promise<number>
}

/**
 * One `voxguard <name>` command as the CLI lists it: its name and summary, and `load`, which
 * imports the command's module (and the packages it needs) only when the command runs.
 */
export interface CommandEntry {
  name: string
  /** One line for `voxguard --help`. */
  summary: string
  load(): Promise<Command>
}
