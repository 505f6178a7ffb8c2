import { glob, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { HarnessError } from './harness-error.ts'

const GLOB_CHARACTERS = /[*?[\]{}]/

/**
 * Turns call-script arguments into script files, the way a shell would and more: a file is
 * kept as given; a folder gives its `*.yaml` / `*.yml` files (not its sub-folders, where
 * partials live); a quoted glob (`'e2e/scripts/*.yaml'`, `'e2e/**\/ja-*.yaml'`) is expanded
 * with Node's `fs.glob`. Sorted within each argument, duplicates dropped, order of
 * arguments kept.
 * @throws HarnessError `script_not_found` naming the argument: a path that does not exist, or a folder or glob with no script.
 * @example await expandScriptPaths(['e2e/scripts']) // ['e2e/scripts/address.yaml', …]
 */
export async function expandScriptPaths(paths: readonly string[], options: { cwd?: string } = {}): Promise<string[]> {
  const cwd = options.cwd ?? process.cwd()
  const files: string[] = []
  for (const path of paths) {
    let found: string[]
    if (GLOB_CHARACTERS.test(path)) {
      found = []
      for await (const match of glob(path, { cwd })) found.push(match)
      found = found.filter((match) => /\.ya?ml$/i.test(match)).sort()
      if (found.length === 0) throw new HarnessError('script_not_found', `${path}: no call script (*.yaml) matches this pattern`)
    } else {
      const stats = await stat(resolve(cwd, path)).catch(() => undefined)
      if (stats === undefined) throw new HarnessError('script_not_found', `${path}: no such call script or folder`)
      if (stats.isDirectory()) {
        found = []
        for await (const match of glob('*.{yaml,yml}', { cwd: resolve(cwd, path) })) found.push(join(path, match))
        found.sort()
        if (found.length === 0) throw new HarnessError('script_not_found', `${path}: the folder holds no call script (*.yaml)`)
      } else {
        found = [path]
      }
    }
    for (const file of found) if (!files.includes(file)) files.push(file)
  }
  return files
}
