import type { CommandEntry, CommandIo } from './command.ts'
import { UsageError } from './usage-error.ts'
import { commands as defaultCommands } from './commands.ts'

/**
 * Runs `voxguard <command> …` and resolves with the exit code: 0 success, 1 the command
 * found failures (e.g. failed calls), 2 a bad command line or input.
 */
export async function main(argv: string[], io: CommandIo, commands: readonly CommandEntry[] = defaultCommands): Promise<number> {
  const [name, ...rest] = argv
  const overview = () => `usage: voxguard <command> [options]\n\ncommands:\n${commands.map((command) => `  ${command.name.padEnd(8)} ${command.summary}`).join('\n')}\n\nvoxguard <command> --help shows a command's options.\n`
  if (name === undefined) {
    io.stderr.write(overview())
    return 2
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(overview())
    return 0
  }
  const entry = commands.find((candidate) => candidate.name === name)
  if (!entry) {
    io.stderr.write(`voxguard: unknown command "${name}"\n\n${overview()}`)
    return 2
  }
  const command = { name: entry.name, ...(await entry.load()) }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`)
    return 0
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    if (UsageError.isInstance(error) || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`voxguard ${command.name}: ${(error as Error).message}\n\n${command.usage}\n`)
      return 2
    }
    io.stderr.write(`voxguard ${command.name}: ${(error as Error).message}\n`)
    return 2
  }
}
