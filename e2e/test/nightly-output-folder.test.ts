import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const e2e = fileURLToPath(new URL('..', import.meta.url))

function nightly(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=source', join(e2e, 'voxguard.ts'), 'nightly', ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => resolve({ code, stderr }))
  })
}

describe('the nightly never removes what it did not write', () => {
  it("refuses an --out folder holding a user's file, and --out . ; the files are still there", async () => {
    const work = mkdtempSync(join(tmpdir(), 'nightly-user-'))
    writeFileSync(join(work, 'notes.txt'), 'my notes')
    const [dot, folder] = await Promise.all([nightly(['--out', '.'], work), nightly(['--out', work], tmpdir())])
    expect(dot.code).toBe(2)
    expect(dot.stderr).toMatch(/^voxguard nightly: output folder .* refused: it is the working folder;/)
    expect(folder.code).toBe(2)
    expect(folder.stderr).toMatch(/refused: it is not empty and voxguard did not make it \(it holds "notes\.txt"\)/)
    expect(readdirSync(work)).toEqual(['notes.txt'])
    expect(readFileSync(join(work, 'notes.txt'), 'utf8')).toBe('my notes')
  })

  it('a mistyped --profile fails before touching the reports of the last run', async () => {
    const out = mkdtempSync(join(tmpdir(), 'nightly-last-'))
    writeFileSync(join(out, 'records.jsonl'), '{"last":"run"}\n')
    const run = nightly(['--out', out, '--profile', join(e2e, 'profiles/clam.yaml')], tmpdir())
    const { code, stderr } = await run
    expect(code).toBe(2)
    expect(stderr).toMatch(/^voxguard nightly: Cannot read chaos profile .*clam\.yaml/)
    expect(readdirSync(out)).toEqual(['records.jsonl'])
    expect(readFileSync(join(out, 'records.jsonl'), 'utf8')).toBe('{"last":"run"}\n')
  })

})
