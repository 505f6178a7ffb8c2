import { parseArgs, type ParseArgsOptionsConfig } from 'node:util'

/**
 * Reads a command's arguments the way every voxguard command does: positionals allowed, an
 * unknown or malformed option throws (node's `parseArgs` error, which `main` prints with the
 * command's usage).
 * @example
 * const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string' } })
 */
export function parseCommandArgs<const Options extends ParseArgsOptionsConfig>(argv: string[], options: Options) {
  return parseArgs({ args: argv, allowPositionals: true, strict: true, options })
}
