import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { readRunHistory, renderSummaryJsonSchema, reportRunDirectory, SliError, SliSummarySchema, writeRunManifest } from '@voxguard/sli'
import { sampleRun } from './helpers/sample-run.ts'
import { systemBinary } from '@voxguard/harness/testing'

const run = promisify(execFile)
const xmllint = systemBinary('xmllint', 'libxml2-utils')
const sloYaml = 'version: 2\nwindow: { runs: 14 }\nobjectives:\n  - sli: call_success_ratio\n    atLeast: 0.9\n  - sli: turn_first_byte_p95_ms\n    atMost: 1500\n'
let directory = ''
afterEach(async () => {
  if (directory) await rm(directory, { recursive: true, force: true })
})

async function makeRunDirectory(): Promise<{ runDirectory: string; sloFile: string }> {
  directory = await mkdtemp(join(tmpdir(), 'voxguard-report-'))
  const runDirectory = join(directory, 'nightly')
  const { records, verdicts } = await sampleRun()
  // A control character and markup in a message must not break the XML.
  verdicts[1]!.reasons[0]!.message += ' \u0007<beep> & "quoted"\u001b[0m'
  const sloFile = join(directory, 'slo.yaml')
  await writeFile(sloFile, sloYaml)
  await mkdir(runDirectory, { recursive: true })
  await writeFile(join(runDirectory, 'records.jsonl'), records.map((record) => JSON.stringify(record)).join('\n') + '\n')
  await writeFile(join(runDirectory, 'verdicts.jsonl'), verdicts.map((verdict) => JSON.stringify(verdict)).join('\n') + '\n')
  await writeRunManifest(join(runDirectory, 'run.json'), { runId: 'run-1', gitCommit: '0123456789abcdef0123456789abcdef01234567', options: { profile: 'stormy', repeat: 1 }, sloFile, scriptErrors: ['/suite/broken.yaml:3:5 turns.0.say: expected text'] })
  return { runDirectory, sloFile }
}

async function contents(folder: string): Promise<Record<string, string>> {
  const names = (await readdir(folder)).sort()
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(join(folder, name), 'utf8')] as const)))
}

describe('reportRunDirectory (voxguard report)', () => {
  it('rebuilds every output from records, verdicts and run.json; a second run gives byte-identical files and history', async () => {
    const { runDirectory } = await makeRunDirectory()
    const { report, files } = await reportRunDirectory(runDirectory)
    expect(files.map((file) => file.slice(directory.length + 1))).toEqual(['nightly/summary.json', 'nightly/junit.xml', 'nightly/metrics.prom', 'nightly/report.html', 'nightly/prometheus-rules.yml', 'nightly/grafana-dashboard.json', 'nightly/slo-history.jsonl'])
    const first = await contents(runDirectory)
    await reportRunDirectory(runDirectory)
    expect(await contents(runDirectory)).toEqual(first)
    expect(await readRunHistory(join(runDirectory, 'slo-history.jsonl'))).toHaveLength(1)

    const summary = SliSummarySchema.parse(JSON.parse(first['summary.json']!))
    expect(summary.run).toEqual({ runId: 'run-1', startedAt: '2026-03-01T02:00:00.000Z', endedAt: '2026-03-01T02:05:04.000Z', gitCommit: '0123456789abcdef0123456789abcdef01234567', options: { profile: 'stormy', repeat: 1 } })
    expect(summary.ok).toBe(false)
    expect(report.objectives.map((result) => result.status)).toEqual(['broken', 'broken'])
    expect(first['metrics.prom']).toContain('voxguard_last_run_timestamp_seconds 1772330704')
    expect(first['metrics.prom']).not.toMatch(/call_?id/i)
    // The committed JSON Schema is the one the code renders.
    expect(await readFile(new URL('../summary.schema.json', import.meta.url), 'utf8')).toBe(renderSummaryJsonSchema())
  })

  it('writes JUnit with stable names, times, broken objectives and invalid scripts as test cases, and no control characters', async () => {
    const { runDirectory } = await makeRunDirectory()
    await reportRunDirectory(runDirectory)
    const junit = await readFile(join(runDirectory, 'junit.xml'), 'utf8')
    expect(junit).toContain('<testcase classname="voxguard.prices" name="prices #2" time="4.000">')
    expect(junit).toContain('type="dialogue:hallucination"')
    expect(junit).toContain('&lt;beep&gt; &amp; &quot;quoted&quot;[0m')
    expect([...junit].filter((character) => character < ' ' && !'\n\r\t'.includes(character))).toEqual([])
    expect(junit).toContain('<testcase classname="voxguard.objectives" name="call_success_ratio &gt;= 90.0%" time="0.000">')
    expect(junit).toContain('<error type="invalid_script" message="/suite/broken.yaml:3:5 turns.0.say: expected text">')
    expect(junit).toMatch(/<testsuites name="voxguard" tests="9" failures="5" errors="1"/)
    if (xmllint) await run(xmllint, ['--noout', join(runDirectory, 'junit.xml')])
  })

  it('a torn last verdict (a judge killed while writing it) is skipped and its call reported as not judged', async () => {
    const { runDirectory } = await makeRunDirectory()
    const verdictsFile = join(runDirectory, 'verdicts.jsonl')
    const text = await readFile(verdictsFile, 'utf8')
    await writeFile(verdictsFile, text.slice(0, text.trimEnd().lastIndexOf('\n') + 1) + '{"schema":"voxguard.verdict","ver')
    const { report, tornLines } = await reportRunDirectory(runDirectory)
    expect(tornLines).toEqual([{ file: verdictsFile, line: 6, bytes: 33 }])
    expect(report.orphans.recordsWithoutVerdict).toEqual(['hours-ja#1-run-1'])
    expect(report.ok).toBe(false)
  })

  it('a missing or malformed records or verdicts file is an error naming the file and the line', async () => {
    const { runDirectory } = await makeRunDirectory()
    const verdictsFile = join(runDirectory, 'verdicts.jsonl')
    const verdicts = (await readFile(verdictsFile, 'utf8')).split('\n')
    await writeFile(verdictsFile, [verdicts[0], '{"schema":"voxguard.verdict","version":1,"callId":"x"', ...verdicts.slice(1)].join('\n'))
    await expect(reportRunDirectory(runDirectory)).rejects.toMatchObject({ code: 'input_invalid', file: verdictsFile, line: 2, message: expect.stringContaining(`${verdictsFile}:2: not valid JSON`) as unknown as string })
    await rm(verdictsFile)
    const missing = await reportRunDirectory(runDirectory).catch((error: unknown) => error)
    expect(SliError.isInstance(missing)).toBe(true)
    expect((missing as SliError).message).toBe(`${verdictsFile}: no such file (run \`voxguard judge\` on the records first)`)
    const recordsFile = join(runDirectory, 'records.jsonl')
    const firstRecord = (await readFile(recordsFile, 'utf8')).split('\n')[0]!
    await writeFile(recordsFile, `${firstRecord}\n{"schema":"voxguard.call-record","version":1,"callId":"b"}\n`)
    await writeFile(verdictsFile, '')
    await expect(reportRunDirectory(runDirectory)).rejects.toMatchObject({ code: 'input_invalid', file: recordsFile, line: 2, message: expect.stringMatching(new RegExp(`^${recordsFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: `)) as unknown as string })
  })
})
