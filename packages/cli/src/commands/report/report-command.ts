import { exportOtlpMetrics, formatSliTable, pushToPushgateway, reportRunDirectory } from '@voxguard/sli'
import type { Command } from '../../command.ts'
import { UsageError } from '../../usage-error.ts'
import { parsePairs } from './parse-pairs.ts'
import { parseCommandArgs } from '../../parse-command-args.ts'

const usage = `usage: voxguard report <DIR> [--slo FILE] [--history FILE | --no-history] [--push URL …] [--otlp URL …]

(Re)builds every output of a run from DIR/records.jsonl and DIR/verdicts.jsonl (and
DIR/run.json when present): summary.json, junit.xml, metrics.prom, report.html and, with
objectives, prometheus-rules.yml and grafana-dashboard.json. Prints the SLI table. The same
inputs give byte-identical files.

options:
  --slo FILE             SLO file, version 2 (default: the one in run.json, else none)
  --history FILE         run history for error budgets (default: slo-history.jsonl beside DIR);
                         this run's entry is replaced, so re-running changes nothing
  --no-history           no history: budgets over this run only
  --push URL             push the metrics to a Pushgateway (e.g. http://pushgateway:9091)
  --push-job NAME        job label (default voxguard)
  --push-group K=V       grouping label (repeatable), e.g. --push-group suite=nightly
  --push-method M        push (PUT: replace the group, default) or pushAdd (POST: replace same-named metrics)
  --otlp URL             send OTLP/HTTP metrics, e.g. http://127.0.0.1:4318/v1/metrics
  --otlp-header K=V      HTTP header for the OTLP endpoint (repeatable), e.g. api-key=…

exit code: 0 every objective met, 1 an objective broken or without data (or an invalid
script, or a call without record or verdict), 2 bad command line or input (the message
names the file and line).`

/**
 * `voxguard report DIR`.
 *
 * @example
 * process.exitCode = await reportCommand.run(['reports/nightly', '--slo', 'e2e/slo.yaml'], io)
 */
export const reportCommand: Command = {
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
        slo: { type: 'string' },
        history: { type: 'string' },
        'no-history': { type: 'boolean' },
        push: { type: 'string' },
        'push-job': { type: 'string' },
        'push-group': { type: 'string', multiple: true },
        'push-method': { type: 'string' },
        otlp: { type: 'string' },
        'otlp-header': { type: 'string', multiple: true },
      })
    const [directory, ...extra] = positionals
    if (!directory || extra.length > 0) throw new UsageError('usage_invalid', `give exactly one run directory (got ${positionals.length})`)
    if (values.history && values['no-history']) throw new UsageError('usage_invalid', '--history and --no-history exclude each other')
    const method = values['push-method']
    if (method !== undefined && method !== 'push' && method !== 'pushAdd') throw new UsageError('usage_invalid', `--push-method: expected push or pushAdd, got "${method}"`)
    const groupings = parsePairs(values['push-group'] ?? [], 'push-group')
    const headers = parsePairs(values['otlp-header'] ?? [], 'otlp-header')
    const { report, files, tornLines } = await reportRunDirectory(directory, {
      ...(values.slo ? { sloFile: values.slo } : {}),
      ...(values['no-history'] ? { historyFile: false as const } : values.history ? { historyFile: values.history } : {}),
      signal: io.signal,
    })
    for (const torn of tornLines) io.stderr.write(`warning: ${torn.file}:${torn.line}: skipped a torn last line (${torn.bytes} bytes, a run killed while writing it)\n`)
    io.stdout.write(`${formatSliTable(report)}\nwrote ${files.join(', ')}\n`)
    if (values.push) {
      await pushToPushgateway(report, { url: values.push, ...(values['push-job'] ? { jobName: values['push-job'] } : {}), groupings, ...(method ? { method } : {}) })
      io.stdout.write(`pushed to ${values.push} (${method ?? 'push'})\n`)
    }
    if (values.otlp) {
      await exportOtlpMetrics(report, { url: values.otlp, headers })
      io.stdout.write(`exported OTLP metrics to ${values.otlp}\n`)
    }
    return report.ok ? 0 : 1
  },
}
