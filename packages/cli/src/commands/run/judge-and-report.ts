import { dirname, join } from 'node:path'
import type { RunCallsResult } from '@voxguard/harness'
import { judgeRecords, VerdictsFile } from '@voxguard/judge'
import { currentGitCommit, formatSliTable, reportRunDirectory, writeRunManifest } from '@voxguard/sli'
import type { CommandIo } from '../../command.ts'

/**
 * `voxguard run --report`: after the calls, judge them into verdicts.jsonl, write run.json and
 * every report of @voxguard/sli into the same folder, and print the SLI table. Resolves with
 * whether the run is ok (objectives met, scripts valid, every call judged).
 */
export async function judgeAndReport(result: RunCallsResult, run: { startedAt: string; endedAt: string; options: Record<string, unknown>; sloFile?: string }, io: CommandIo): Promise<boolean> {
  const directory = dirname(result.recordsFile)
  await writeRunManifest(join(directory, 'run.json'), {
    runId: result.runId,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    gitCommit: currentGitCommit(),
    options: run.options,
    ...(run.sloFile ? { sloFile: run.sloFile } : {}),
    scriptErrors: result.scriptErrors.map((error) => error.message),
  })
  const verdicts = new VerdictsFile(join(directory, 'verdicts.jsonl'))
  try {
    await judgeRecords(result.recordsFile, { signal: io.signal, onVerdict: (verdict) => verdicts.write(verdict) })
  } finally {
    verdicts.close()
  }
  const { report } = await reportRunDirectory(directory, { signal: io.signal })
  io.stdout.write(`\n${formatSliTable(report)}\nreports: ${directory}/ (report.html, summary.json, junit.xml, metrics.prom${run.sloFile ? ', prometheus-rules.yml, grafana-dashboard.json' : ''})\n`)
  return report.ok
}
