import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { buildRunReport, defaultHistoryFile, formatSliTable, loadRunDirectory, loadSloFile, readRunHistory, renderRuleFiles } from '@voxguard/sli'
import type { Command } from '../../command.ts'
import { UsageError } from '../../usage-error.ts'
import { parseCommandArgs } from '../../parse-command-args.ts'

const usage = `usage: voxguard slo check <DIR> --slo FILE [--history FILE]
       voxguard slo rules --slo FILE [--out DIR]

check   evaluates a run (DIR/records.jsonl + DIR/verdicts.jsonl) against the objectives, with
        error budgets over the SLO file's window (history: slo-history.jsonl beside DIR);
        writes nothing. Exit 1 when an objective is broken or has no data.
rules   writes the Prometheus recording + multi-window burn-rate alert rules
        (prometheus-rules.yml) and the Grafana dashboard (grafana-dashboard.json) for the
        objectives into DIR (default .).

exit code: 0 every objective met / files written, 1 an objective broken or without data,
2 bad command line or input.`

/** `voxguard slo check|rules`. */
export const sloCommand: Command = {
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { slo: { type: 'string' }, history: { type: 'string' }, out: { type: 'string' } })
    const [action, ...rest] = positionals
    if (!values.slo) throw new UsageError('usage_invalid', '--slo FILE is required')
    if (action === 'rules') {
      if (rest.length > 0) throw new UsageError('usage_invalid', `slo rules takes no positional arguments (got ${rest.join(' ')})`)
      const slo = await loadSloFile(values.slo)
      const directory = resolve(values.out ?? '.')
      await mkdir(directory, { recursive: true })
      const written: string[] = []
      for (const [name, text] of renderRuleFiles(slo.objectives)) {
        await writeFile(join(directory, name), text)
        written.push(join(directory, name))
      }
      io.stdout.write(`wrote ${written.join(', ')}\n`)
      return 0
    }
    if (action !== 'check') throw new UsageError('usage_invalid', `expected "check" or "rules", got ${action === undefined ? 'nothing' : `"${action}"`}`)
    const [directory, ...extra] = rest
    if (!directory || extra.length > 0) throw new UsageError('usage_invalid', `slo check: give exactly one run directory (got ${rest.length})`)
    const slo = await loadSloFile(values.slo)
    const { records, verdicts, manifest, tornLines } = await loadRunDirectory(directory, { signal: io.signal })
    for (const torn of tornLines) io.stderr.write(`warning: ${torn.file}:${torn.line}: skipped a torn last line (${torn.bytes} bytes, a run killed while writing it)\n`)
    const history = await readRunHistory(values.history ?? defaultHistoryFile(directory))
    const report = buildRunReport({
      records,
      verdicts,
      slo,
      history,
      ...(manifest ? { run: { runId: manifest.runId, gitCommit: manifest.gitCommit, options: manifest.options, ...(manifest.startedAt ? { startedAt: manifest.startedAt } : {}), ...(manifest.endedAt ? { endedAt: manifest.endedAt } : {}) }, scriptErrors: manifest.scriptErrors } : {}),
    })
    io.stdout.write(`${formatSliTable(report)}\n`)
    return report.ok ? 0 : 1
  },
}
