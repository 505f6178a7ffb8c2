// The nightly job (`npm run nightly`): the clinic agent on mock providers, every call script
// of the suite, the judge, SLIs against e2e/slo.yaml. Exit 0 when every objective holds.
//
//   node --conditions=source e2e/nightly.ts [--profile FILE] [--repeat K] [--concurrency N] [--out DIR] [--slo FILE] [scripts…]
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { formatSliTable } from '@voxguard/sli'
import { runNightly } from './src/run-nightly.ts'

const here = fileURLToPath(new URL('.', import.meta.url))
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    profile: { type: 'string', default: join(here, 'profiles/calm.yaml') },
    slo: { type: 'string', default: join(here, 'slo.yaml') },
    out: { type: 'string', default: 'reports/nightly' },
    repeat: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '8' },
  },
})
const positiveInteger = (text: string, name: string) => {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`nightly: --${name} must be a positive integer, got "${text}"\n`)
    process.exit(2)
  }
  return value
}
const scriptsDirectory = join(here, 'scripts')
const scripts = positionals.length > 0 ? positionals : readdirSync(scriptsDirectory).filter((name) => name.endsWith('.yaml')).sort().map((name) => join(scriptsDirectory, name))

const controller = new AbortController()
process.once('SIGINT', () => controller.abort())
let result
try {
  result = await runNightly({
    scripts,
    profile: values.profile,
    sloFile: values.slo,
    outDir: values.out,
    repeat: positiveInteger(values.repeat, 'repeat'),
    concurrency: positiveInteger(values.concurrency, 'concurrency'),
    signal: controller.signal,
  })
} catch (error) {
  // Bad input (a missing profile, an SLO file with a typo, an --out that is not ours): the
  // message names the file and what to do; nothing was written.
  process.stderr.write(`nightly: ${(error as Error).message}\n`)
  process.exit(2)
}
process.stdout.write(formatSliTable(result.report) + '\n')
process.stdout.write(`reports: ${values.out}/ (report.html, summary.json, junit.xml, metrics.prom, prometheus-rules.yml, grafana-dashboard.json, records.jsonl, verdicts.jsonl, run.json, slo-history.jsonl)\n`)
process.exitCode = result.ok ? 0 : 1
