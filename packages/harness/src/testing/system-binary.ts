import { execFileSync } from 'node:child_process'

/**
 * The path of a binary a test needs, or undefined (the test then skips, naming the Debian
 * package). Under CI=true a missing binary throws: CI must fail, never skip.
 */
export function systemBinary(name: string, debianPackage: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined
  } catch {
    const message = `${name} not found: install the Debian package ${debianPackage} (bash scripts/install-system-deps.sh)`
    if (process.env['CI'] === 'true') throw new Error(message)
    process.stderr.write(`skipping: ${message}\n`)
    return undefined
  }
}
