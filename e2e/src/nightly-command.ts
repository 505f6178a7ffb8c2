import { glob } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expandScriptPaths } from '@voxguard/harness'
import { parseCommandArgs, UsageError, type Command, type CommandEntry } from 'voxguard'

const e2e = fileURLToPath(new URL('..', import.meta.url))

const usage = `usage: voxguard nightly [scripts…] [options]

The nightly job: starts mock LLM providers with a chaos profile and the example clinic agent
on them, replays the call scripts over the text protocol, judges every call, and checks the
SLIs against the objectives (@voxguard/sli). Writes DIR/report.html, summary.json, junit.xml,
metrics.prom, prometheus-rules.yml, grafana-dashboard.json, records.jsonl, verdicts.jsonl,
ground-truth.jsonl, run.json, and keeps the run history in DIR/slo-history.jsonl.

scripts: call-script files, folders (their *.yaml) or quoted globs ('e2e/scripts/ja-*.yaml');
default: every script in e2e/scripts/.

options:
  --profile FILE      chaos profile (default e2e/profiles/calm.yaml; also brownout, outage,
                      primary-outage, hallucinating, stormy, all-down)
  --slo FILE          objectives (default e2e/slo.yaml)
  --out DIR           reports (default reports/nightly; a new or empty folder, or one voxguard made)
  --repeat K          runs per script (default 1)
  --concurrency N     calls at once (default 8)
  --shard i/n         run only shard i of n of the calls (1-based, deterministic): one machine's
                      part of a run spread over several (CI matrix, Kubernetes Indexed Job)
  --no-audio          leave out the audio pass (by default the scripts tagged "phone" also run
                      as phone calls over Twilio Media Streams, judged and reported per protocol)
  --from-records      the arguments are records files (or quoted globs) of shards: merge them,
                      then judge and report as one run (no mock, agent or calls)

examples:
  npx voxguard nightly
  npx voxguard nightly --profile e2e/profiles/outage.yaml --repeat 3
  npx voxguard nightly 'e2e/scripts/ja-*.yaml' --out /tmp/ja
  npx voxguard nightly --shard 2/4 --out reports/shard-2
  npx voxguard nightly --from-records 'reports/shard-*/records.jsonl' --out reports/nightly

exit codes:
  0    every objective met
  1    an objective is broken or has no data, or a script is invalid
  2    bad command line or input (a missing profile, a bad SLO file, an --out that is not voxguard's)
  130  interrupted (Ctrl-C, SIGTERM): the calls that finished are judged and reported`

function positiveInteger(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) throw new UsageError('usage_invalid', `--${flag} must be a positive integer, got "${text}"`, { option: flag })
  return value
}

/**
 * `voxguard nightly`: the repository's nightly job as a command of the voxguard CLI (it starts
 * the example clinic agent, so it lives with the suite, not in the published CLI).
 * @example process.exitCode = await main(['nightly', '--profile', 'e2e/profiles/outage.yaml'], io, [...commands, nightlyCommand])
 */
export const nightlyCommand: CommandEntry = {
  name: 'nightly',
  summary: 'the nightly job: mock providers, clinic agent, every call script, judge, SLOs',
  load: () => Promise.resolve(nightly),
}

const nightly: Command = {
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { profile: { type: 'string' }, slo: { type: 'string' }, out: { type: 'string' }, repeat: { type: 'string' }, concurrency: { type: 'string' }, shard: { type: 'string' }, 'from-records': { type: 'boolean' }, 'no-audio': { type: 'boolean' } })
    const repeat = positiveInteger(values.repeat, 'repeat', 1)
    const concurrency = positiveInteger(values.concurrency, 'concurrency', 8)
    const fromRecords = values['from-records'] ? await recordsFiles(positionals) : undefined
    const scripts = fromRecords ? [] : await expandScriptPaths(positionals.length > 0 ? positionals : [join(e2e, 'scripts')])
    const outDir = values.out ?? 'reports/nightly'
    // Loaded only when the command runs: `--help` and bad flags answer without starting the agent's modules.
    const [{ runNightly }, { formatSliTable }, { createNightlyProgress }] = await Promise.all([import('./run-nightly.ts'), import('@voxguard/sli'), import('./nightly-progress.ts')])
    const progress = createNightlyProgress(io.stdout, io.env)
    let result
    try {
      result = await runNightly({ scripts, profile: values.profile ?? join(e2e, 'profiles/calm.yaml'), sloFile: values.slo ?? join(e2e, 'slo.yaml'), outDir, repeat, concurrency, progress, signal: io.signal, audio: !values['no-audio'], ...(values.shard ? { shard: values.shard } : {}), ...(fromRecords ? { fromRecords } : {}) })
    } finally {
      progress.finish()
    }
    io.stdout.write(`\n${formatSliTable(result.report)}\n`)
    io.stdout.write(`reports: ${outDir}/ (report.html, summary.json, junit.xml, metrics.prom, prometheus-rules.yml, grafana-dashboard.json, records.jsonl, verdicts.jsonl, ground-truth.jsonl, run.json, slo-history.jsonl)\n`)
    if (result.interrupted) {
      const reason = io.signal.reason instanceof Error ? io.signal.reason.message : 'interrupted'
      io.stdout.write(`interrupted (${reason}): ${result.records.length} calls finished; they are judged and reported above, the calls in flight were dropped\n`)
      return 130
    }
    return result.ok ? 0 : 1
  },
}

/** The records files named by `--from-records` arguments (files or quoted globs). */
async function recordsFiles(patterns: string[]): Promise<string[]> {
  if (patterns.length === 0) throw new UsageError('usage_invalid', '--from-records needs records files (e.g. \'reports/shard-*/records.jsonl\')', { option: 'from-records' })
  const files: string[] = []
  for (const pattern of patterns) {
    const matches: string[] = []
    for await (const match of glob(pattern)) matches.push(match)
    if (matches.length === 0) throw new UsageError('usage_invalid', `--from-records: no records file matches ${pattern}`, { option: 'from-records' })
    files.push(...matches.sort())
  }
  return files
}
