/** Where a command writes and what it knows about its terminal (injected for tests). */
export interface CommandIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  stderr: NodeJS.WritableStream
  env: NodeJS.ProcessEnv
  /** Aborted on SIGINT/SIGTERM. */
  signal: AbortSignal
}

/** One `voxguard <name>` command. `run` returns the process exit code. */
export interface Command {
  name: string
  /** One line for `voxguard --help`. */
  summary: string
  /** Full usage text for `voxguard <name> --help`. */
  usage: string
  run(argv: string[], io: CommandIo): Promise<number>
}
