import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runNightly } from '../src/run-nightly.ts'

const e2e = fileURLToPath(new URL('..', import.meta.url))

describe('runNightly', () => {
  it('runs scripts against the clinic agent on mock providers, judges them and writes every report', async () => {
    const outDir = join(await mkdtemp(join(tmpdir(), 'nightly-')), 'run')
    const result = await runNightly({
      scripts: [join(e2e, 'scripts/prices.yaml'), join(e2e, 'scripts/insurance.yaml')],
      profile: join(e2e, 'profiles/calm.yaml'),
      sloFile: join(e2e, 'slo.yaml'),
      outDir,
      log: () => {},
      audio: false,
    })
    expect(result.verdicts.map((verdict) => verdict.outcome)).toEqual(['pass', 'pass'])
    // Every objective but latency holds (a loaded test machine moves latency; bench/ measures it).
    expect(result.report.objectives.filter((objective) => objective.status !== 'met' && !objective.latency)).toEqual([])
    const records = (await readFile(join(outDir, 'records.jsonl'), 'utf8')).trim().split('\n')
    expect(records).toHaveLength(2)
    expect((await readFile(join(outDir, 'verdicts.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(2)
    expect(JSON.parse(await readFile(join(outDir, 'summary.json'), 'utf8'))).toMatchObject({ slis: { overall: { calls: 2, ratios: { call_success_ratio: 1 } } } })
    expect(await readFile(join(outDir, 'junit.xml'), 'utf8')).toContain('failures="0"')
    expect(await readFile(join(outDir, 'metrics.prom'), 'utf8')).toContain('voxguard_slo_met{slo="call_success_ratio"} 1')
    expect(await readFile(join(outDir, 'run.json'), 'utf8')).toContain(`"runId": "${result.report.run.runId}"`)
    expect(await readFile(join(outDir, 'report.html'), 'utf8')).toContain('<td class="num rate">100.0%</td>')
    expect(await readFile(join(outDir, 'slo-history.jsonl'), 'utf8')).toContain(`"runId":"${result.report.run.runId}"`)
  })

  it('breaks the availability objective when every provider is down, blaming the system, not the dialogue', async () => {
    const outDir = join(await mkdtemp(join(tmpdir(), 'nightly-')), 'run')
    const result = await runNightly({
      scripts: [join(e2e, 'scripts/prices.yaml')],
      profile: join(e2e, 'profiles/all-down.yaml'),
      sloFile: join(e2e, 'slo.yaml'),
      outDir,
      log: () => {},
      audio: false,
    })
    expect(result.ok).toBe(false)
    expect(result.verdicts[0]).toMatchObject({ outcome: 'fail', factor: 'system' })
    expect(result.verdicts[0]!.reasons[0]!.code).toBe('llm_unavailable')
    expect(result.report.objectives.find((objective) => objective.sli === 'availability_ratio')).toMatchObject({ status: 'broken', actual: 0 })
  })
})
