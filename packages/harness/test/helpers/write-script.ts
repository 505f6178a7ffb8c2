import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** A temporary directory with the given files (path → content); returns absolute paths. */
export function writeFiles(files: Record<string, string | Buffer>): { dir: string; path: (name: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'voxguard-harness-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return { dir, path: (name) => join(dir, name) }
}
