// `voxguard nightly` as a user runs it (a real process): usage and exit codes, no stack traces,
// Ctrl-C keeps and reports what finished.
import { execFile, spawn } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const voxguard = ['--conditions=source', join(root, 'e2e/voxguard.ts')]
const run = (args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, [...voxguard, ...args], { cwd: root, env: { ...process.env, CI: 'true' } }, (_error, stdout, stderr) => resolve({ status: child.exitCode, stdout, stderr }))
  })

describe('voxguard nightly', () => {
  it('prints its usage, and answers a bad flag or a bad objective file with a message and exit 2, never a stack trace', async () => {
    const bad = [['nightly', '--bogus'], ['nightly', '--slo', join(root, 'e2e/profiles/calm.yaml')], ['nightly', 'e2e/scripts/nope-*.yaml']]
    const [help, overview, ...results] = await Promise.all([run(['nightly', '--help']), run(['--help']), ...bad.map(run)])
    expect(help!.status).toBe(0)
    expect(help!.stdout).toContain('usage: voxguard nightly [scripts…] [options]')
    expect(overview!.stdout).toMatch(/nightly +the nightly job/)
    for (const [index, args] of bad.entries()) {
      const result = results[index]!
      expect(result.status, args.join(' ')).toBe(2)
      expect(result.stderr).toMatch(/^voxguard nightly: /)
      expect(result.stderr).not.toMatch(/\n\s+at /)
    }
  }, 60_000)

  it('Ctrl-C: exits 130 and judges and reports the calls that finished', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'nightly-int-'))
    const child = spawn(process.execPath, [...voxguard, 'nightly', 'e2e/scripts', '--concurrency', '2', '--out', outDir], { cwd: root, env: { ...process.env, CI: 'true' } })
    let stdout = ''
    const finished = new Promise<number | null>((resolve) => child.on('exit', resolve))
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += String(chunk)
      // One Ctrl-C (a second one would end the process at once, as it should).
      if (!child.killed && /\[2\/46\]/.test(stdout)) child.kill('SIGINT')
    })
    expect(await finished).toBe(130)
    expect(stdout).toMatch(/interrupted \(received SIGINT\): \d+ calls finished/)
    const records = (await readFile(join(outDir, 'records.jsonl'), 'utf8')).trim().split('\n')
    const verdicts = (await readFile(join(outDir, 'verdicts.jsonl'), 'utf8')).trim().split('\n')
    expect(records.length).toBeGreaterThanOrEqual(2)
    expect(verdicts).toHaveLength(records.length)
    expect(JSON.parse(await readFile(join(outDir, 'summary.json'), 'utf8'))).toMatchObject({ run: { options: { interrupted: true } } })
  }, 60_000)
})
