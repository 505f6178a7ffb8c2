#!/usr/bin/env node
// `npx voxguard …` inside this repository (the root package.json's bin): runs the voxguard
// command line from source on the project's Node 24 toolchain, which scripts/with-toolchain.sh
// installs into .tools/ on first use, so it works on a machine with only Node 20 and npm.
// Plain JavaScript on purpose: it runs on that machine's Node before the toolchain exists.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const child = spawn('bash', [`${root}scripts/with-toolchain.sh`, 'node', '--conditions=source', `${root}e2e/voxguard.ts`, ...process.argv.slice(2)], { stdio: 'inherit', cwd: process.cwd() })
// Ctrl-C reaches the child too (same process group): let it stop cleanly and report its code.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => {})
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal === 'SIGINT' ? 130 : 1)
})
