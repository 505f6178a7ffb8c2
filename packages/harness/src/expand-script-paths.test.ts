import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expandScriptPaths } from './expand-script-paths.ts'

describe('expandScriptPaths', async () => {
  const cwd = await mkdtemp(join(tmpdir(), 'scripts-'))
  await mkdir(join(cwd, 'scripts/partials'), { recursive: true })
  for (const name of ['b.yaml', 'a.yaml', 'ja-c.yml', 'notes.txt', 'partials/goodbye.yaml']) await writeFile(join(cwd, 'scripts', name), 'x')

  it('takes a folder (its scripts, not its sub-folders), a quoted glob, or a file; keeps argument order; drops duplicates', async () => {
    expect(await expandScriptPaths(['scripts'], { cwd })).toEqual(['scripts/a.yaml', 'scripts/b.yaml', 'scripts/ja-c.yml'])
    expect(await expandScriptPaths(['scripts/ja-*', 'scripts/*.yaml', 'scripts/a.yaml'], { cwd })).toEqual(['scripts/ja-c.yml', 'scripts/a.yaml', 'scripts/b.yaml'])
    expect(await expandScriptPaths(['scripts/**/*.yaml'], { cwd })).toContain('scripts/partials/goodbye.yaml')
  })

  it('names the argument that matches nothing', async () => {
    await expect(expandScriptPaths(['scripts/missing.yaml'], { cwd })).rejects.toThrow('scripts/missing.yaml: no such call script or folder')
    await expect(expandScriptPaths(['scripts/*.json'], { cwd })).rejects.toThrow('scripts/*.json: no call script (*.yaml) matches this pattern')
    await expect(expandScriptPaths(['scripts/partials/'], { cwd })).resolves.toEqual(['scripts/partials/goodbye.yaml'])
  })
})
