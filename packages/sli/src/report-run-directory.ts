import { join, resolve } from 'node:path'
import type { TornLine } from '@voxguard/harness'
import { buildRunReport, type RunReport } from './build-run-report.ts'
import { HISTORY_FILE_NAME, readRunHistory, upsertRunHistory } from './history/run-history.ts'
import { loadRunDirectory } from './load-run-directory.ts'
import { loadSloFile } from './slo/slo-file.ts'
import { writeRunReports } from './write-run-reports.ts'

export interface ReportRunDirectoryOptions {
  /** SLO file (YAML, version 2). Default: run.json's `sloFile`, else none (no objectives, no budgets, no rules). */
  sloFile?: string
  /** Run history (JSONL): this run is put in (replacing an entry with its run id), budgets span its window. Default `slo-history.jsonl` in the run directory (the nightly reuses its folder, so the history grows night by night); `false`: none. */
  historyFile?: string | false
  signal?: AbortSignal
}

/** The default history file of a run directory: `slo-history.jsonl` inside it (voxguard writes only into its own folders). */
export function defaultHistoryFile(runDirectory: string): string {
  return join(resolve(runDirectory), HISTORY_FILE_NAME)
}

/**
 * Rebuilds every output of a run from its records.jsonl, verdicts.jsonl and run.json (what
 * `voxguard report DIR` does). Running it twice gives byte-identical files.
 *
 * @example
 * const { report } = await reportRunDirectory('reports/nightly', { sloFile: 'e2e/slo.yaml' })
 */
export async function reportRunDirectory(directory: string, options: ReportRunDirectoryOptions = {}): Promise<{ report: RunReport; files: string[]; tornLines: TornLine[] }> {
  const { records, verdicts, manifest, tornLines } = await loadRunDirectory(directory, options.signal ? { signal: options.signal } : {})
  const sloFile = options.sloFile ?? manifest?.sloFile
  const slo = sloFile ? await loadSloFile(sloFile) : undefined
  const historyFile = options.historyFile === false ? undefined : (options.historyFile ?? defaultHistoryFile(directory))
  const history = historyFile ? await readRunHistory(historyFile) : []
  const report = buildRunReport({
    records,
    verdicts,
    ...(slo ? { slo } : {}),
    history,
    ...(manifest ? { run: { runId: manifest.runId, gitCommit: manifest.gitCommit, options: manifest.options, ...(manifest.startedAt ? { startedAt: manifest.startedAt } : {}), ...(manifest.endedAt ? { endedAt: manifest.endedAt } : {}) }, scriptErrors: manifest.scriptErrors } : {}),
  })
  const files = await writeRunReports(directory, report, slo?.objectives ?? [])
  if (historyFile) {
    await upsertRunHistory(historyFile, report.historyEntry)
    files.push(historyFile)
  }
  return { report, files, tornLines }
}
