import { readFile, writeFile, appendFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { startClinicAgent } from '@voxguard/example-clinic-agent'
import { claimOutputDirectory, runCalls, type CallRecord } from '@voxguard/harness'
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
  /** Progress lines go here. Default: stderr. */
  log?: (line: string) => void
  signal?: AbortSignal
}

export interface NightlyResult {
  records: CallRecord[]
  verdicts: Verdict[]
  slis: Slis
  objectives: ObjectiveResult[]
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
  const agent = await startClinicAgent({ port: 0, profile: resolve(options.profile), llmMode: 'mock', speech: 'none', logLevel: 'warn', logWrite: () => {}, appointmentBook: 'per-call', groundTruthFile: join(outDir, 'ground-truth.jsonl') })
  const records: CallRecord[] = []
  let scriptErrors: string[]
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
  const objectives = evaluateSlos(slis, objectivesConfig)
  const ok = objectives.every((objective) => objective.met) && scriptErrors.length === 0
  const summary = { schema: 'voxguard.nightly-summary', version: 1, profile: options.profile, ok, slis, objectives, verdicts: summarizeVerdicts(verdicts), scriptErrors }
  await writeFile(join(outDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n')
  await writeFile(join(outDir, 'junit.xml'), renderJunit(verdicts, 'voxguard-nightly'))
  await writeFile(join(outDir, 'metrics.prom'), renderPrometheus(slis, objectives, { suite: 'nightly', profile: options.profile.replace(/^.*\//, '').replace(/\.ya?ml$/, '') }))
  return { records, verdicts, slis, objectives, ok, scriptErrors }
}

/** Reads a verdicts.jsonl file back (for re-rendering reports). */
export async function readVerdicts(file: string): Promise<Verdict[]> {
  return (await readFile(file, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Verdict)
}
