import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runNightly } from '../src/run-nightly.ts'

const e2e = fileURLToPath(new URL('..', import.meta.url))

describe('runNightly', () => {
  it('runs scripts against the clinic agent on mock providers, judges them and writes every report', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'nightly-'))
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
    expect(result.objectives.filter((objective) => !objective.met && !objective.sli.endsWith('_ms'))).toEqual([])
    const records = (await readFile(join(outDir, 'records.jsonl'), 'utf8')).trim().split('\n')
    expect(records).toHaveLength(2)
    expect((await readFile(join(outDir, 'verdicts.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(2)
    expect(JSON.parse(await readFile(join(outDir, 'summary.json'), 'utf8'))).toMatchObject({ slis: { calls: 2, call_success_ratio: 1 } })
    expect(await readFile(join(outDir, 'junit.xml'), 'utf8')).toContain('failures="0"')
    expect(await readFile(join(outDir, 'metrics.prom'), 'utf8')).toContain('voxguard_slo_met{suite="nightly",profile="calm",sli="call_success_ratio"} 1')
  })

  it('breaks the availability objective when every provider is down, blaming the system, not the dialogue', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'nightly-'))
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
    expect(result.objectives.find((objective) => objective.sli === 'system_failure_ratio')).toMatchObject({ met: false })
  })
})
