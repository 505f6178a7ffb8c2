// The judge ships a Japanese → English lexicon generated from EDICT (Debian package `edict`,
// decision 014). This checks that the shipped file is exactly what the generator makes from the
// installed dictionary, so nobody edits it by hand and a change to the generator is regenerated.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..')
const EDICT = '/usr/share/edict/edict'

function edictInstalled(): boolean {
  if (existsSync(EDICT)) return true
  const message = `${EDICT} not found: install the Debian package edict (bash scripts/install-system-deps.sh)`
  if (process.env['CI'] === 'true') throw new Error(message)
  process.stderr.write(`skipping: ${message}\n`)
  return false
}

describe.skipIf(!edictInstalled())('packages/judge/src/grounding/japanese-lexicon.tsv', () => {
  it('is what scripts/build-japanese-lexicon.ts makes from the installed EDICT', () => {
    const run = () => execFileSync(process.execPath, [join(root, 'scripts', 'build-japanese-lexicon.ts'), EDICT, '--check'], { encoding: 'utf8', stdio: 'pipe' })
    expect(run).not.toThrow()
  })
})
