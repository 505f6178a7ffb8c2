import { writeFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { startClinicAgent } from '@voxguard/example-clinic-agent'
import { claimOutputDirectory, loadCallScripts, mergeRecords, runCalls, type CallRecord, type RunCallsOptions } from '@voxguard/harness'
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
  /**
   * The audio pass: scripts tagged `audioTag` run again over Twilio Media Streams against the
   * agent's /twilio endpoint (espeak-ng caller, pocketsphinx in the agent and the harness),
   * with the agent's event log joined into their records. Default true.
   */
  audio?: boolean
  /** Tag of the scripts that make sense on the phone. Default 'phone'. */
  audioTag?: string
  /** Run only shard `i/n` of the calls (1-based, deterministic), as `voxguard run --shard`. Default: all. */
  shard?: string
  /**
   * Judge and report these records files (merged, e.g. the shards of one run) instead of
   * starting the mock, the agent and the calls. `scripts` is then ignored.
   */
  fromRecords?: string[]
  /** Progress lines go here when `progress` is not given. Default: stderr. */
  log?: (line: string) => void
  /** Stage-by-stage progress (mock, agent, calls, judge, report); replaces `log`. */
  progress?: NightlyProgress
  /**
   * Stops the calls: those that finished are kept, judged and reported (`interrupted` in the
   * result); the calls in flight are dropped.
   */
  signal?: AbortSignal
}

/** The stages of a nightly run, in order. */
export type NightlyStage = 'mock' | 'agent' | 'calls' | 'judge' | 'report'

/** What a nightly run reports as it goes (the `voxguard nightly` command draws it). */
export interface NightlyProgress {
  stage(stage: NightlyStage, detail: string): void
  /** How many calls (or verdicts) the current stage will produce. */
  plan(total: number): void
  record(record: CallRecord): void
  verdict(verdict: Verdict): void
}

export interface NightlyResult {
  records: CallRecord[]
  verdicts: Verdict[]
  /** SLIs, objectives with error budgets, orphans: what every report was rendered from (@voxguard/sli). */
  report: RunReport
  /** Why the audio pass did not run, when it did not. */
  audioSkipped?: string
  /** Every objective met, every script valid, every call recorded and judged. */
  ok: boolean
  scriptErrors: string[]
  /** The run was stopped (`signal`): only the calls that finished are in it. */
  interrupted: boolean
}

/**
 * The nightly job: starts the clinic agent on mock providers with a chaos profile, replays
 * the call scripts over the text protocol, judges every call, and hands the records and
 * verdicts (in memory) to @voxguard/sli, which writes summary.json, junit.xml, metrics.prom,
 * report.html, the alert rules and the dashboard, and puts the run in the history.
 */
export async function runNightly(options: NightlyOptions): Promise<NightlyResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'))
  const progress: NightlyProgress = options.progress ?? {
    stage: (stage, detail) => log(`${stage}: ${detail}`),
    plan: () => {},
    record: (record) => log(`[${record.scriptId} #${record.repeat}] ${record.failure ? `transport failure: ${record.failure.kind}` : 'recorded'}`),
    verdict: () => {},
  }
  // Every input is checked before anything is written: a mistyped --profile leaves the
  // output folder as it was.
  await loadChaosProfile(options.profile)
  const slo = await loadSloFile(options.sloFile)
  const outDir = await claimOutputDirectory(options.outDir)
  const startedAt = new Date().toISOString()

  // Every call gets its own appointment book, so repeats of a booking script do not collide
  // over one slot (a failure of the test set-up, not of the agent).
  let records: CallRecord[]
  let scriptErrors: string[] = []
  let audioSkipped: string | undefined
  if (options.fromRecords) {
    progress.stage('calls', `merging ${options.fromRecords.length} records files`)
    records = await mergeRecords(options.fromRecords)
    await writeFile(join(outDir, 'records.jsonl'), records.map((record) => JSON.stringify(record) + '\n').join(''))
  } else {
    ;({ records, scriptErrors, audioSkipped } = await runSuite(options, outDir, progress))
  }

  const endedAt = new Date().toISOString()
  const interrupted = options.signal?.aborted ?? false
  const runIds = [...new Set(records.map((record) => record.runId))].sort()
  const runOptions = {
    profile: basename(options.profile).replace(/\.ya?ml$/, ''),
    repeat: options.repeat ?? 1,
    concurrency: options.concurrency ?? 8,
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.fromRecords ? { fromRecords: options.fromRecords.length } : { scripts: options.scripts.length }),
    ...(interrupted ? { interrupted: true } : {}),
    ...(audioSkipped ? { audioSkipped } : {}),
  }
  const run = { runId: runIds.join('+') || `nightly-${startedAt}`, startedAt, endedAt, gitCommit: currentGitCommit(), options: runOptions }
  await writeRunManifest(join(outDir, 'run.json'), { ...run, sloFile: resolve(options.sloFile), scriptErrors })

  // Judging is local and quick: an interrupted run still judges and reports what finished.
  progress.stage('judge', `${records.length} recorded calls`)
  progress.plan(records.length)
  const verdictsFile = new VerdictsFile(join(outDir, 'verdicts.jsonl'))
  let verdicts: Verdict[]
  try {
    verdicts = await judgeRecords(records, {
      onVerdict: (verdict) => {
        verdictsFile.write(verdict)
        progress.verdict(verdict)
      },
    })
  } finally {
    verdictsFile.close()
  }
  progress.stage('report', `SLIs against ${options.sloFile}; reports in ${outDir}`)
  const historyFile = options.historyFile ?? defaultHistoryFile(outDir)
  const report = buildRunReport({ records, verdicts, slo, history: await readRunHistory(historyFile), run, scriptErrors })
  await writeRunReports(outDir, report, slo.objectives)
  await upsertRunHistory(historyFile, report.historyEntry)
  return { records, verdicts, report, ok: report.ok, scriptErrors, interrupted, ...(audioSkipped ? { audioSkipped } : {}) }
}

/** Starts the mock providers and the clinic agent, replays the scripts, and stops both. */
async function runSuite(options: NightlyOptions, outDir: string, progress: NightlyProgress): Promise<{ records: CallRecord[]; scriptErrors: string[]; audioSkipped?: string }> {
  progress.stage('mock', `mock providers, chaos profile ${options.profile}`)
  const audio = options.audio ?? true
  const eventLog = join(outDir, 'agent-events.jsonl')
  if (audio) await writeFile(eventLog, '')
  const agent = await startClinicAgent({ port: 0, profile: resolve(options.profile), llmMode: 'mock', ...(audio ? { eventLog } : { speech: 'none' as const }), logLevel: 'error', logWrite: () => {}, appointmentBook: 'per-call', groundTruthFile: join(outDir, 'ground-truth.jsonl') })
  let audioSkipped: string | undefined = audio ? undefined : 'turned off (--no-audio)'
  const records: CallRecord[] = []
  let scriptErrors: string[]
  try {
    const agentUrl = agent.url.replace(/^http/, 'ws') + '/text'
    progress.stage('agent', `clinic agent at ${agentUrl}`)
    progress.stage('calls', `${options.scripts.length} scripts × ${options.repeat ?? 1}, ${options.concurrency ?? 8} at once`)
    const result = await runCalls({
      scripts: options.scripts,
      agentUrl,
      protocol: 'text',
      outDir,
      ...passOptions(options, records, progress),
    })
    scriptErrors = result.scriptErrors.map((error) => error.message)
    if (audio && !options.signal?.aborted) audioSkipped = await runAudioPass(options, agent.url, outDir, eventLog, records, progress)
  } finally {
    await agent.close()
  }
  return { records, scriptErrors, ...(audioSkipped ? { audioSkipped } : {}) }
}

/**
 * The audio pass: runs the scripts tagged for the phone over Twilio against the running agent,
 * appending their records (the agent's event log joined) to records.jsonl. Returns why it did
 * not run, when it did not.
 */
async function runAudioPass(options: NightlyOptions, agentHttpUrl: string, outDir: string, eventLog: string, records: CallRecord[], progress: NightlyProgress): Promise<string | undefined> {
  const health = (await (await fetch(`${agentHttpUrl}/healthz`)).json()) as { twilio?: boolean }
  if (!health.twilio) {
    progress.stage('calls', 'audio pass skipped: the agent has no speech engines (apt-get install espeak-ng sox pocketsphinx pocketsphinx-en-us)')
    return 'the agent has no speech engines'
  }
  const tag = options.audioTag ?? 'phone'
  const phoneScripts = (await loadCallScripts(options.scripts)).scripts.filter((script) => script.tags.includes(tag))
  if (phoneScripts.length === 0) return `no script is tagged "${tag}"`
  const agentUrl = `${agentHttpUrl.replace(/^http/, 'ws')}/twilio`
  progress.stage('calls', `audio pass: ${phoneScripts.length} scripts tagged "${tag}" as phone calls (Twilio Media Streams) at ${agentUrl}`)
  await runCalls({
    scripts: phoneScripts,
    agentUrl,
    protocol: 'twilio',
    outDir,
    append: true,
    agentEventLog: eventLog,
    ...passOptions(options, records, progress),
  })
  return undefined
}

/** What the text pass and the audio pass run with alike: repeats, concurrency, shard, cancellation, progress, and the records they collect. */
function passOptions(options: NightlyOptions, records: CallRecord[], progress: NightlyProgress): Pick<RunCallsOptions, 'repeat' | 'concurrency' | 'shard' | 'signal' | 'onPlan' | 'onRecord'> {
  return {
    repeat: options.repeat ?? 1,
    concurrency: options.concurrency ?? 8,
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onPlan: (plan) => progress.plan(plan.calls),
    onRecord: (record) => {
      records.push(record)
      progress.record(record)
    },
  }
}
