import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRunReport, parseSloFile, pushToPushgateway, renderAlertRules, SliError, type RunReport } from '@voxguard/sli'
import { sampleRun } from './helpers/sample-run.ts'
import { freePort, startServer } from './helpers/start-server.ts'
import { systemBinary } from '@voxguard/harness/testing'

const prometheusBinary = systemBinary('prometheus', 'prometheus')
const pushgatewayBinary = systemBinary('prometheus-pushgateway', 'prometheus-pushgateway')
const slo = parseSloFile('version: 2\nwindow: { runs: 7 }\nobjectives:\n  - sli: availability_ratio\n    atLeast: 0.95\n  - sli: turn_first_byte_p95_ms\n    atMost: 1500\n')

interface QueryResult {
  metric: Record<string, string>
  value: [number, string]
}

describe.skipIf(!prometheusBinary || !pushgatewayBinary)('a run pushed to a real Pushgateway, scraped by a real Prometheus with the generated rules', () => {
  let directory = ''
  let prometheusUrl = ''
  let pushgatewayUrl = ''
  const stops: Array<() => Promise<void>> = []

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'voxguard-prometheus-'))
    const pushgatewayPort = await freePort()
    pushgatewayUrl = `http://127.0.0.1:${pushgatewayPort}`
    stops.push((await startServer(pushgatewayBinary!, [`--web.listen-address=127.0.0.1:${pushgatewayPort}`, `--persistence.file=${join(directory, 'pushgateway.data')}`], `${pushgatewayUrl}/-/ready`)).stop)
    await writeFile(join(directory, 'rules.yml'), renderAlertRules(slo.objectives))
    await writeFile(
      join(directory, 'prometheus.yml'),
      `global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nrule_files: [rules.yml]\nscrape_configs:\n  - job_name: pushgateway\n    honor_labels: true\n    static_configs:\n      - targets: ['127.0.0.1:${pushgatewayPort}']\n`,
    )
    const prometheusPort = await freePort()
    prometheusUrl = `http://127.0.0.1:${prometheusPort}`
    stops.push((await startServer(prometheusBinary!, [`--config.file=${join(directory, 'prometheus.yml')}`, `--storage.tsdb.path=${join(directory, 'data')}`, `--web.listen-address=127.0.0.1:${prometheusPort}`], `${prometheusUrl}/-/ready`)).stop)
  }, 30_000)

  afterAll(async () => {
    for (const stop of stops.reverse()) await stop()
    if (directory) await rm(directory, { recursive: true, force: true })
  })

  async function query(expression: string): Promise<QueryResult[]> {
    const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expression)}`)
    const body = (await response.json()) as { status: string; data: { result: QueryResult[] } }
    expect(body.status).toBe('success')
    return body.data.result
  }

  async function waitFor(expression: string, accept: (results: QueryResult[]) => boolean): Promise<QueryResult[]> {
    const deadline = Date.now() + 15_000
    for (;;) {
      const results = await query(expression)
      if (accept(results) || Date.now() > deadline) return results
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }

  it('reads the pushed SLIs back through the query API, and the recording rule computes the run\'s error ratio from the counters', async () => {
    const first = await sampleRun('run-1', '2026-03-01')
    const report1: RunReport = buildRunReport({ ...first, slo })
    const second = await sampleRun('run-2', '2026-03-02')
    const report2 = buildRunReport({ ...second, slo, history: [report1.historyEntry] })
    const groupings = { suite: 'nightly', profile: 'calm' }

    await pushToPushgateway(report1, { url: pushgatewayUrl, groupings })
    const calls = (results: QueryResult[]) => Number(results[0]?.value[1] ?? NaN)
    expect(calls(await waitFor('sum(voxguard_calls_total{job="voxguard",suite="nightly"})', (results) => calls(results) === 6))).toBe(6)

    // The next run pushes counters that went on counting (6 + 6 calls), so rate() sees this run's calls.
    await pushToPushgateway(report2, { url: pushgatewayUrl, groupings })
    expect(calls(await waitFor('sum(voxguard_calls_total{job="voxguard",suite="nightly"})', (results) => calls(results) === 12))).toBe(12)

    const lastRun = await query('voxguard_last_run_sli_ratio{sli="availability_ratio"}')
    expect(lastRun).toHaveLength(1)
    expect(lastRun[0]!.metric).toMatchObject({ job: 'voxguard', suite: 'nightly', profile: 'calm', sli: 'availability_ratio' })
    expect(Number(lastRun[0]!.value[1])).toBeCloseTo(4 / 6, 6)
    expect(lastRun[0]!.metric).not.toHaveProperty('call_id')

    // 2 of the 6 calls of run 2 failed for a system fault: the recorded 5m error ratio says 1/3.
    const ratio = await waitFor('voxguard_slo:error_ratio:rate5m{slo="availability_ratio"}', (results) => results.length > 0 && Math.abs(Number(results[0]!.value[1]) - 1 / 3) < 0.01)
    expect(Number(ratio[0]!.value[1])).toBeCloseTo(1 / 3, 2)
    // The latency objective's ratio comes from the histogram's le="1.5" bucket: 1 of 5 turns was slower.
    const latency = await waitFor('voxguard_slo:error_ratio:rate5m{slo="turn_first_byte_p95_ms"}', (results) => results.length > 0)
    expect(Number(latency[0]!.value[1])).toBeCloseTo(1 / 5, 2)
    const budget = await query('voxguard_slo_error_budget_remaining_ratio{slo="availability_ratio"}')
    expect(Number(budget[0]!.value[1])).toBeCloseTo(report2.objectives[0]!.budget!.remainingRatio!, 6)
  }, 40_000)

  it('a push the gateway refuses is an export_failed error with the status', async () => {
    const report = buildRunReport({ ...(await sampleRun()), slo })
    const error = await pushToPushgateway(report, { url: pushgatewayUrl, jobName: 'bad/job' }).catch((caught: unknown) => caught)
    expect(SliError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ code: 'export_failed' })
  })
})
