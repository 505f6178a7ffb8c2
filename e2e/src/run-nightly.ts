import { readFile, writeFile, appendFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { startClinicAgent } from '@voxguard/example-clinic-agent'
import { claimOutputDirectory, loadCallScripts, runCalls, type CallRecord } from '@voxguard/harness'
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
  /** Progress lines go here. Default: stderr. */
  log?: (line: string) => void
  signal?: AbortSignal
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
}

/**
 * The nightly job: starts the clinic agent on mock providers with a chaos profile, replays
 * the call scripts over the text protocol, judges every call, computes SLIs against the SLO
 * file, and writes records.jsonl, verdicts.jsonl, summary.json, junit.xml and metrics.prom.
 */
export async function runNightly(options: NightlyOptions): Promise<NightlyResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'))
  // Every input is checked before anything is written: a mistyped --profile leaves the
  // output folder as it was.
  await loadChaosProfile(options.profile)
  const objectivesConfig = await loadObjectives(options.sloFile)
  const outDir = await claimOutputDirectory(options.outDir)

  // Every call gets its own appointment book, so repeats of a booking script do not collide
  // over one slot (a failure of the test set-up, not of the agent).
  const audio = options.audio ?? true
  const eventLog = join(outDir, 'agent-events.jsonl')
  if (audio) await writeFile(eventLog, '')
  const agent = await startClinicAgent({ port: 0, profile: resolve(options.profile), llmMode: 'mock', ...(audio ? { eventLog } : { speech: 'none' as const }), logLevel: 'error', logWrite: () => {}, appointmentBook: 'per-call' })
  const records: CallRecord[] = []
  let scriptErrors: string[]
  let audioSkipped: string | undefined = audio ? undefined : 'turned off'
  try {
    const agentUrl = agent.url.replace(/^http/, 'ws') + '/text'
    log(`agent ${agentUrl} (mock providers, profile ${options.profile})`)
    const result = await runCalls({
      scripts: options.scripts,
      agentUrl,
      protocol: 'text',
      outDir,
      repeat: options.repeat ?? 1,
      concurrency: options.concurrency ?? 8,
      ...(options.signal ? { signal: options.signal } : {}),
      onRecord: (record) => {
        records.push(record)
        log(`[${records.length}] ${record.scriptId} #${record.repeat} ${record.failure ? `transport failure: ${record.failure.kind}` : 'recorded'}`)
      },
    })
    scriptErrors = result.scriptErrors.map((error) => error.message)
    for (const message of scriptErrors) log(`script error: ${message}`)
    if (audio) audioSkipped = await runAudioPass({ ...options, agentUrl: agent.url, outDir, eventLog, records, log })
  } finally {
    await agent.close()
  }

  const verdictsFile = join(outDir, 'verdicts.jsonl')
  await writeFile(verdictsFile, '')
  const verdicts = await judgeRecords(join(outDir, 'records.jsonl'), {
    onVerdict: (verdict) => appendFile(verdictsFile, JSON.stringify(verdict) + '\n'),
    ...(options.signal ? { signal: options.signal } : {}),
  })
  const slis = computeSlis(records, verdicts)
  const slisByProtocol: NightlyResult['slisByProtocol'] = {}
  for (const protocol of ['text', 'twilio'] as const) {
    const ids = new Set(records.filter((record) => record.protocol === protocol).map((record) => record.callId))
    if (ids.size > 0) slisByProtocol[protocol] = computeSlis(records.filter((record) => ids.has(record.callId)), verdicts.filter((verdict) => ids.has(verdict.callId)))
  }
  const objectives = evaluateSlos(slis, objectivesConfig, slisByProtocol)
  const ok = objectives.every((objective) => objective.met) && scriptErrors.length === 0
  const summary = { schema: 'voxguard.nightly-summary', version: 1, profile: options.profile, ok, slis, slisByProtocol, ...(audioSkipped ? { audioSkipped } : {}), objectives, verdicts: summarizeVerdicts(verdicts), scriptErrors }
  await writeFile(join(outDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n')
  await writeFile(join(outDir, 'junit.xml'), renderJunit(verdicts, 'voxguard-nightly'))
  await writeFile(join(outDir, 'metrics.prom'), renderPrometheus(slis, objectives, { suite: 'nightly', profile: options.profile.replace(/^.*\//, '').replace(/\.ya?ml$/, '') }, Object.keys(slisByProtocol).length > 1 ? slisByProtocol : {}))
  return { records, verdicts, slis, slisByProtocol, ...(audioSkipped ? { audioSkipped } : {}), objectives, ok, scriptErrors }
}

/**
 * Runs the scripts tagged for the phone over Twilio against the running agent, appending
 * their records (agent event log joined) to records.jsonl. Returns why it did not run, if so.
 */
async function runAudioPass(options: NightlyOptions & { agentUrl: string; outDir: string; eventLog: string; records: CallRecord[]; log: (line: string) => void }): Promise<string | undefined> {
  const health = (await (await fetch(`${options.agentUrl}/healthz`)).json()) as { twilio?: boolean }
  if (!health.twilio) {
    options.log('audio pass skipped: the agent has no speech engines (apt-get install espeak-ng sox pocketsphinx pocketsphinx-en-us)')
    return 'the agent has no speech engines'
  }
  const tag = options.audioTag ?? 'phone'
  const loaded = await loadCallScripts(options.scripts)
  const phoneScripts = loaded.scripts.filter((script) => script.tags.includes(tag))
  if (phoneScripts.length === 0) return `no script is tagged "${tag}"`
  const agentUrl = options.agentUrl.replace(/^http/, 'ws') + '/twilio'
  options.log(`audio pass: ${phoneScripts.length} scripts tagged "${tag}" over Twilio at ${agentUrl}`)
  await runCalls({
    scripts: phoneScripts,
    agentUrl,
    protocol: 'twilio',
    outDir: options.outDir,
    append: true,
    agentEventLog: options.eventLog,
    repeat: options.repeat ?? 1,
    concurrency: options.concurrency ?? 8,
    ...(options.signal ? { signal: options.signal } : {}),
    onRecord: (record) => {
      options.records.push(record)
      options.log(`[${options.records.length}] ${record.scriptId} #${record.repeat} twilio ${record.failure ? `transport failure: ${record.failure.kind}` : 'recorded'}`)
    },
  })
  return undefined
}

/** Reads a verdicts.jsonl file back (for re-rendering reports). */
export async function readVerdicts(file: string): Promise<Verdict[]> {
  return (await readFile(file, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Verdict)
}
