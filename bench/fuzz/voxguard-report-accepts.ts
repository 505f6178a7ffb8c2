// `voxguard report <run dir>` as a user runs it (the CLI from source, a child process), judged
// the way a user would: exit 0, and summary.json counting every recorded call, judged, with
// no orphan. Used on the folders of killed runs (bench/fuzz/sigkill-runs.ts).
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { SliSummary } from '@voxguard/sli'

/** The CLI's entry point, run with `node --conditions=source`. */
export const VOXGUARD_BIN = fileURLToPath(new URL('../../packages/cli/src/bin.ts', import.meta.url))

/** Runs `voxguard report` on the folder; the problem in one line, or undefined when it accepted the folder. */
export async function voxguardReportProblem(runDirectory: string, records: number): Promise<string | undefined> {
  try {
    await promisify(execFile)(process.execPath, ['--conditions=source', VOXGUARD_BIN, 'report', runDirectory], { env: { ...process.env, CI: 'true' }, timeout: 120_000 })
  } catch (error) {
    const { code, signal, stderr } = error as { code?: number; signal?: string; stderr?: string }
    return `voxguard report ${runDirectory}: exit ${code ?? signal}: ${(stderr ?? '').trim().split('\n').at(-1)}`
  }
  const summary = JSON.parse(await readFile(join(runDirectory, 'summary.json'), 'utf8')) as SliSummary
  const orphans = summary.orphans.recordsWithoutVerdict.length + summary.orphans.verdictsWithoutRecord.length + summary.orphans.duplicateCallIds.length
  if (summary.slis.overall.calls !== records || orphans > 0) return `voxguard report ${runDirectory}: summary.json counts ${summary.slis.overall.calls} calls (${records} recorded), ${orphans} orphans`
  return undefined
}
