// The voxguard command line of this repository: the published CLI's commands plus the
// repository's `nightly` job (it starts the example clinic agent). `npx voxguard …` and
// `pnpm voxguard …` run this file (through scripts/voxguard.mjs and the root package.json).
import { commands, main } from 'voxguard'
import { nightlyCommand } from './src/nightly-command.ts'

const controller = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => controller.abort(new Error(`received ${signal}`)))
}
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: controller.signal }, [...commands, nightlyCommand])
