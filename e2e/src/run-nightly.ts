import { readFile, writeFile, appendFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { startClinicAgent } from '@voxguard/example-clinic-agent'
import { claimOutputDirectory, loadCallScripts, mergeRecords, runCalls, type CallRecord } from '@voxguard/harness'
import { loadChaosProfile } from '@voxguard/mock-llm'
import { judgeRecords, summarizeVerdicts, type Verdict } from '@voxguard/judge'
import { computeSlis, type Slis } from './compute-slis.ts'
import { evaluateSlos, loadObjectives, type ObjectiveResult } from './evaluate-slos.ts'
import { renderPrometheus } from './render-prometheus.ts'
import { renderJunit } from './write-junit.ts'

export interface NightlyOptions {
  /** Call scripts (YAML files). Required. */
  scripts: string[]
  /** Chaos profile for the in-process mock providers. Required. */
  profile: string
  /** SLO file. Required. */
  sloFile: string
  /** Where records, verdicts and reports go: a new or empty folder, or one voxguard made (its own files are replaced, nothing else is touched). Required. */
  outDir: string
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
  slis: Slis
  objectives: ObjectiveResult[]
  /** SLIs of each protocol's calls alone (`text`, and `twilio` when the audio pass ran). */
  slisByProtocol: Partial<Record<CallRecord['protocol'], Slis>>
  /** Why the audio pass did not run, when it did not. */
  audioSkipped?: string
  /** Every objective met and every script valid. */
  ok: boolean
  scriptErrors: string[]
  /** The run was stopped (`signal`): only the calls that finished are in it. */
  interrupted: boolean
}

/**
 * The nightly job: starts the clinic agent on mock providers with a chaos profile, replays
 * the call scripts over the text protocol, judges every call, computes SLIs against the SLO
 * file, and writes records.jsonl, verdicts.jsonl, summary.json, junit.xml and metrics.prom.
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
  const objectivesConfig = await loadObjectives(options.sloFile)
  const outDir = await claimOutputDirectory(options.outDir)

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

  const verdictsFile = join(outDir, 'verdicts.jsonl')
  await writeFile(verdictsFile, '')
  // Judging is local and quick: an interrupted run still judges and reports what finished.
  const interrupted = options.signal?.aborted ?? false
  progress.stage('judge', `${records.length} recorded calls`)
  progress.plan(records.length)
  const verdicts = await judgeRecords(join(outDir, 'records.jsonl'), {
    onVerdict: async (verdict) => {
      await appendFile(verdictsFile, JSON.stringify(verdict) + '\n')
      progress.verdict(verdict)
    },
  })
  progress.stage('report', `SLIs against ${options.sloFile}; reports in ${outDir}`)
  const slis = computeSlis(records, verdicts)
  const slisByProtocol: NightlyResult['slisByProtocol'] = {}
  for (const protocol of ['text', 'twilio'] as const) {
    const ids = new Set(records.filter((record) => record.protocol === protocol).map((record) => record.callId))
    if (ids.size > 0) slisByProtocol[protocol] = computeSlis(records.filter((record) => ids.has(record.callId)), verdicts.filter((verdict) => ids.has(verdict.callId)))
  }
  const objectives = evaluateSlos(slis, objectivesConfig, slisByProtocol)
  const ok = objectives.every((objective) => objective.met) && scriptErrors.length === 0
  const summary = { schema: 'voxguard.nightly-summary', version: 1, profile: options.profile, ok, interrupted, slis, slisByProtocol, ...(audioSkipped ? { audioSkipped } : {}), objectives, verdicts: summarizeVerdicts(verdicts), scriptErrors }
  await writeFile(join(outDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n')
  await writeFile(join(outDir, 'junit.xml'), renderJunit(verdicts, 'voxguard-nightly'))
  await writeFile(join(outDir, 'metrics.prom'), renderPrometheus(slis, objectives, { suite: 'nightly', profile: options.profile.replace(/^.*\//, '').replace(/\.ya?ml$/, '') }, Object.keys(slisByProtocol).length > 1 ? slisByProtocol : {}))
  return { records, verdicts, slis, slisByProtocol, ...(audioSkipped ? { audioSkipped } : {}), objectives, ok, scriptErrors, interrupted }
}

/** Reads a verdicts.jsonl file back (for re-rendering reports). */
export async function readVerdicts(file: string): Promise<Verdict[]> {
  return (await readFile(file, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Verdict)
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
      repeat: options.repeat ?? 1,
      concurrency: options.concurrency ?? 8,
      ...(options.shard ? { shard: options.shard } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onPlan: (plan) => progress.plan(plan.calls),
      onRecord: (record) => {
        records.push(record)
        progress.record(record)
      },
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
    repeat: options.repeat ?? 1,
    concurrency: options.concurrency ?? 8,
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onPlan: (plan) => progress.plan(plan.calls),
    onRecord: (record) => {
      records.push(record)
      progress.record(record)
    },
  })
  return undefined
}
