import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useCliFixture } from './helpers/cli-fixture.ts'

const { dir, agentUrl, voxguard } = useCliFixture('voxguard-cli-report-')

const files = (folder: string) => Object.fromEntries(readdirSync(folder).sort().map((name) => [name, readFileSync(join(folder, name), 'utf8')]))

// Each case starts four voxguard processes (each loads the TypeScript sources): 11 s at load 12,
// more under heavier load, so more room than the suite's 20 s default.
describe('voxguard run --report, report, slo', { timeout: 60_000 }, () => {
  it('run --report judges, writes every report and prints the SLI table; report rebuilds identical files; slo check and rules', async () => {
    writeFileSync(join(dir, 'hello.yaml'), 'id: hello\ngreeting: false\nturns:\n  - say: Hello there\n    expect:\n      saysAny: ["hello there"]\n')
    writeFileSync(join(dir, 'bye.yaml'), 'id: bye\ngreeting: false\nturns:\n  - say: Bye\n    expect:\n      saysAny: ["goodbye"]\n')
    writeFileSync(join(dir, 'slo.yaml'), 'version: 2\nwindow: { runs: 7 }\nobjectives:\n  - sli: call_success_ratio\n    atLeast: 0.9\n  - sli: turn_first_byte_p95_ms\n    atMost: 1500\n')
    const run = await voxguard(['run', 'hello.yaml', 'bye.yaml', '--agent', agentUrl(), '--out', 'out', '--report', '--slo', 'slo.yaml'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/call_success_ratio +50\.0% +>= 90\.0% +BROKEN/)
    expect(run.stdout).toMatch(/turn_first_byte_p95_ms +\d+ ms +<= 1500 ms +met/)
    expect(run.stdout).toContain('bye #1  dialogue  expectation_unmet')
    const out = join(dir, 'out')
    expect(readdirSync(out).sort()).toEqual(['.voxguard-output', 'grafana-dashboard.json', 'junit.xml', 'metrics.prom', 'prometheus-rules.yml', 'records.jsonl', 'report.html', 'run.json', 'slo-history.jsonl', 'summary.json', 'verdicts.jsonl'])
    const before = files(out)

    const [report, check, rules] = await Promise.all([voxguard(['report', 'out']), voxguard(['slo', 'check', 'out', '--slo', 'slo.yaml']), voxguard(['slo', 'rules', '--slo', 'slo.yaml', '--out', 'deploy'])])
    expect(report.code).toBe(1)
    expect(files(out)).toEqual(before)
    expect(check.code).toBe(1)
    expect(check.stdout).toMatch(/call_success_ratio +50\.0% +>= 90\.0% +BROKEN/)
    expect(rules.code).toBe(0)
    expect(readdirSync(join(dir, 'deploy')).sort()).toEqual(['grafana-dashboard.json', 'prometheus-rules.yml'])
    expect(readFileSync(join(dir, 'deploy', 'prometheus-rules.yml'), 'utf8')).toBe(before['prometheus-rules.yml'])
  })

  it('no calls is not a pass; a malformed verdicts line exits 2 naming the file and line; a bad SLO file is refused before any call', async () => {
    mkdirSync(join(dir, 'empty'))
    writeFileSync(join(dir, 'empty', 'records.jsonl'), '')
    writeFileSync(join(dir, 'empty', 'verdicts.jsonl'), '')
    mkdirSync(join(dir, 'broken'))
    writeFileSync(join(dir, 'broken', 'records.jsonl'), '')
    writeFileSync(join(dir, 'broken', 'verdicts.jsonl'), '\n{"schema":"voxguard.verdict","version":1}\n')
    writeFileSync(join(dir, 'typo.yaml'), 'version: 2\nwindow: { runs: 7 }\nobjectives:\n  - sli: call_sucess_ratio\n    atLeast: 0.9\n')
    const [empty, broken, typo] = await Promise.all([
      voxguard(['slo', 'check', 'empty', '--slo', 'slo.yaml']),
      voxguard(['report', 'broken']),
      voxguard(['run', 'hello.yaml', '--agent', agentUrl(), '--out', 'never', '--report', '--slo', 'typo.yaml']),
    ])
    expect(empty.code).toBe(1)
    expect(empty.stdout).toMatch(/call_success_ratio +no data +>= 90\.0% +NO DATA/)
    expect(empty.stdout).toMatch(/turn_first_byte_p95_ms +no data +<= 1500 ms +NO DATA/)
    expect(broken.code).toBe(2)
    expect(broken.stderr).toBe('voxguard report: broken/verdicts.jsonl:2: "callId" must be a non-empty string\n')
    expect(typo.code).toBe(2)
    expect(typo.stderr).toContain('typo.yaml:4: objectives.0.sli: unknown SLI "call_sucess_ratio"')
    expect(readdirSync(dir)).not.toContain('never')
  })
})
