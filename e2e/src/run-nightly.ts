
import { basename, join, resolve } from 'node:path'
import { startClinicAgent } from '@voxguard/example-clinic-agent'
import { claimOutputDirectory, runCalls, type CallRecord } from '@voxguard/harness'
import { judgeRecords, VerdictsFile, type Verdict } from '@voxguard/judge'
import { loadChaosProfile } from '@voxguard/mock-llm'
import { buildRunReport, currentGitCommit, defaultHistoryFile, loadSloFile, readRunHistory, upsertRunHistory, writeRunManifest, writeRunReports, type RunReport } from '@voxguard/sli'

export interface NightlyOptions {
  /** Call scripts (YAML files). Required. */
  scripts: string[]
  /** Chaos profile for the in-process mock providers. Required. */
  profile: string
  /** SLO file (version 2). Required. */
  sloFile: string
  /** Where records, verdicts and reports go: a new or empty folder, or one voxguard made (its own files are replaced, nothing else is touched). Required. */
  outDir: string
  /** Run history (error budgets across nights). Default `slo-history.jsonl` in outDir (kept from night to night). */
  historyFile?: string
  /** Runs per script. Default 1. */
  repeat?: number
  /** Calls at once. Default 8. */
  concurrency?: number
  /** Progress lines go here. Default: stderr. */
  log?: (line: string) => void
  signal?: AbortSignal
}

export interface NightlyResult {
  records: CallRecord[]
  verdicts: Verdict[]
  /** SLIs, objectives with error budgets, orphans: what every report was rendered from. */
  report: RunReport
  /** Every objective met, every script valid, every call recorded and judged. */
  ok: boolean
}

/**
 * The nightly job: starts the clinic agent on mock providers with a chaos profile, replays
 * the call scripts over the text protocol, judges every call, and hands the records and
 * verdicts (in memory) to @voxguard/sli, which writes summary.json, junit.xml, metrics.prom,
 * report.html, the alert rules and the dashboard, and appends the run to the history.
 */
export async function runNightly(options: NightlyOptions): Promise<NightlyResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'))
  // Every input is checked before anything is written: a mistyped --profile or SLO file
  // leaves the output folder as it was.
  await loadChaosProfile(options.profile)
  const slo = await loadSloFile(options.sloFile)
  const outDir = await claimOutputDirectory(options.outDir)
  const runOptions = { profile: basename(options.profile).replace(/\.ya?ml$/, ''), repeat: options.repeat ?? 1, concurrency: options.concurrency ?? 8, scripts: options.scripts.map((script) => basename(script)) }

  // Every call gets its own appointment book, so repeats of a booking script do not collide
  // over one slot (a failure of the test set-up, not of the agent).
  const agent = await startClinicAgent({ port: 0, profile: resolve(options.profile), llmMode: 'mock', speech: 'none', logLevel: 'warn', logWrite: () => {}, appointmentBook: 'per-call' })
  const records: CallRecord[] = []
  let scriptErrors: string[]
  let runId = ''
  const startedAt = new Date().toISOString()
  try {
    const agentUrl = agent.url.replace(/^http/, 'ws') + '/text'
    log(`agent ${agentUrl} (mock providers, profile ${options.profile})`)
    const result = await runCalls({
      scripts: options.scripts,
      agentUrl,
      protocol: 'text',
      outDir,
      repeat: runOptions.repeat,
      concurrency: runOptions.concurrency,
      ...(options.signal ? { signal: options.signal } : {}),
      onRecord: (record) => {
        records.push(record)
        runId = record.runId
        log(`[${records.length}] ${record.scriptId} #${record.repeat} ${record.failure ? `transport failure: ${record.failure.kind}` : 'recorded'}`)
      },
    })
    scriptErrors = result.scriptErrors.map((error) => error.message)
    for (const message of scriptErrors) log(`script error: ${message}`)
  } finally {
    await agent.close()
  }
  const endedAt = new Date().toISOString()
  runId ||= `nightly-${startedAt}`
  const run = { runId, startedAt, endedAt, gitCommit: currentGitCommit(), options: runOptions }
  await writeRunManifest(join(outDir, 'run.json'), { ...run, sloFile: resolve(options.sloFile), scriptErrors })

  const verdictsFile = new VerdictsFile(join(outDir, 'verdicts.jsonl'))
  let verdicts: Verdict[]
  try {
    verdicts = await judgeRecords(records, { onVerdict: (verdict) => verdictsFile.write(verdict), ...(options.signal ? { signal: options.signal } : {}) })
  } finally {
    verdictsFile.close()
  }
  const historyFile = options.historyFile ?? defaultHistoryFile(outDir)
  const report = buildRunReport({ records, verdicts, slo, history: await readRunHistory(historyFile), run, scriptErrors })
  await writeRunReports(outDir, report, slo.objectives)
  await upsertRunHistory(historyFile, report.historyEntry)
  return { records, verdicts, report, ok: report.ok }
}
