import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { BURN_RATE_ALERTS, buildRunReport, parseSloFile, renderAlertRules, renderPrometheus, type Objective } from '@voxguard/sli'
import { burnRateAnnotations, objectiveDescription } from '../src/prometheus/render-alert-rules.ts'
import { sampleRun } from './helpers/sample-run.ts'
import { systemBinary } from '@voxguard/harness/testing'

const run = promisify(execFile)
const promtool = systemBinary('promtool', 'prometheus')
const slo = parseSloFile(`version: 2
window: { days: 28 }
objectives:
  - sli: availability_ratio
    atLeast: 0.95
  - sli: dialogue_quality_ratio
    atLeast: 0.9
  - sli: hallucinated_turn_ratio
    atMost: 0.02
  - sli: turn_first_byte_p95_ms
    atMost: 1500
`)
const labels = 'script="prices",protocol="text",language="en"'
const perMinute = 10_000

/**
 * Input series where a steady share `errorRatio` of the objective's events is bad, one sample a
 * minute for 12 minutes: at a steady rate every window (5m … 3d) sees the same ratio.
 */
function inputSeries(objective: Objective, errorRatio: number): Array<{ series: string; values: string }> {
  const bad = Math.round(perMinute * errorRatio)
  const samples = 12
  const counter = (series: string, increment: number) => ({ series, values: `0+${increment}x${samples}` })
  if (objective.latency) {
    return [counter(`voxguard_turn_first_byte_seconds_bucket{${labels},le="1.5"}`, perMinute - bad), counter(`voxguard_turn_first_byte_seconds_count{${labels}}`, perMinute)]
  }
  if (objective.sli === 'hallucinated_turn_ratio') return [counter(`voxguard_hallucinated_turns_total{${labels}}`, bad), counter(`voxguard_judged_turns_total{${labels}}`, perMinute)]
  // availability: `bad` calls fail for a system fault; dialogue quality: `bad` of the calls without one fail for the dialogue.
  const system = objective.sli === 'availability_ratio' ? bad : 0
  const failed = bad
  return [
    counter(`voxguard_calls_total{${labels},outcome="pass"}`, perMinute - failed),
    counter(`voxguard_calls_total{${labels},outcome="fail"}`, failed),
    counter(`voxguard_failed_calls_total{${labels},factor="system"}`, system),
  ]
}

const expected = (objective: Objective, pair: (typeof BURN_RATE_ALERTS)[number]) => ({
  exp_labels: { severity: pair.severity, slo: objective.sli, long_window: pair.longWindow, short_window: pair.shortWindow },
  exp_annotations: burnRateAnnotations(objective, pair, objectiveDescription(objective)),
})

describe.skipIf(!promtool)('generated Prometheus rules (promtool)', () => {
  let directory = ''
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'voxguard-rules-'))
    await writeFile(join(directory, 'rules.yml'), renderAlertRules(slo.objectives))
  })
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it('promtool check rules accepts them: 7 error-ratio windows and 4 burn-rate alerts per objective', async () => {
    const { stdout } = await run(promtool!, ['check', 'rules', join(directory, 'rules.yml')])
    expect(stdout).toContain(`SUCCESS: ${slo.objectives.length * 11} rules found`)
  })

  it('each alert fires when both its windows burn faster than its factor and stays quiet at 0.9x of it (promtool test rules)', async () => {
    // A ratio SLI (counters) and a latency SLI (histogram buckets): all four pairs, at 1.1x and 0.9x of each factor.
    const tests = slo.objectives.filter((objective) => objective.sli === 'availability_ratio' || objective.latency).flatMap((objective) =>
      BURN_RATE_ALERTS.flatMap((pair) =>
        [1.1, 0.9].map((scale) => {
          const errorRatio = pair.factor * objective.allowedBadRatio * scale
          // Every pair whose factor the error ratio exceeds fires (the windows agree: the rate is steady).
          const firing = BURN_RATE_ALERTS.filter((other) => errorRatio > other.factor * objective.allowedBadRatio)
          expect(firing.some((other) => other.longWindow === pair.longWindow)).toBe(scale > 1)
          return {
            name: `${objective.sli} ${pair.longWindow}/${pair.shortWindow} at ${scale}x of ${pair.factor}x`,
            interval: '1m',
            input_series: inputSeries(objective, errorRatio),
            alert_rule_test: [
              {
                eval_time: '10m',
                alertname: 'VoxguardErrorBudgetBurn',
                exp_alerts: firing.map((other) => expected(objective, other)),
              },
            ],
          }
        }),
      ),
    )
    // A burst that has ended: 30x for 40 minutes, then no errors for 10. The 1h window is still
    // hot (24x) but the 5m window is not, so the 14.4x page stays quiet; the slower pairs fire.
    const hallucination = slo.objectives.find((objective) => objective.sli === 'hallucinated_turn_ratio')!
    const burst = Math.round(perMinute * 30 * hallucination.allowedBadRatio)
    tests.push({
      name: 'a burst that ended does not page on the 1h/5m pair',
      interval: '1m',
      input_series: [
        { series: `voxguard_hallucinated_turns_total{${labels}}`, values: `0+${burst}x40 ${burst * 40}+0x10` },
        { series: `voxguard_judged_turns_total{${labels}}`, values: `0+${perMinute}x51` },
      ],
      alert_rule_test: [
        {
          eval_time: '50m',
          alertname: 'VoxguardErrorBudgetBurn',
          exp_alerts: BURN_RATE_ALERTS.filter((pair) => pair.longWindow !== '1h').map((pair) => expected(hallucination, pair)),
        },
      ],
    })
    await writeFile(join(directory, 'rules.test.yml'), stringify({ rule_files: ['rules.yml'], evaluation_interval: '1m', tests }))
    const result = await run(promtool!, ['test', 'rules', join(directory, 'rules.test.yml')]).catch((error: { stdout: string; stderr: string }) => error)
    expect(`${result.stdout}${result.stderr}`).toContain('SUCCESS')
  })

  it('promtool check metrics accepts the exposition (counters, histograms, base units)', async () => {
    const report = buildRunReport({ ...(await sampleRun()), slo })
    const child = execFile(promtool!, ['check', 'metrics'])
    child.stdin!.end(await renderPrometheus(report))
    const output: string[] = []
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()))
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(output.join('')).toBe('')
    expect(code).toBe(0)
  })
})
