// Scale-out: 4 shards as separate processes (as 4 CI runners or 4 pods of an Indexed Job
// would run them), merged and judged, give the same result as one run of the same calls.
// The 8 scripts spread 1/1/3/3 over the shards (select-shard.ts hashes script id and repeat).
import { execFile } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runNightly } from '../src/run-nightly.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const scripts = ['prices', 'insurance', 'hours-sunday', 'booking', 'ja-booking', 'unknown-payment', 'dtmf-menu', 'ja-prices'].map((name) => join(root, 'e2e/scripts', `${name}.yaml`))
const nightly = (args: string[]) =>
  new Promise<number | null>((resolve) => {
    const child = execFile(process.execPath, ['--conditions=source', join(root, 'e2e/voxguard.ts'), 'nightly', ...args], { cwd: root, env: { ...process.env, CI: 'true' } }, () => resolve(child.exitCode))
  })
/** What a judged run says, without timings and run-unique ids. */
const outcome = async (outDir: string) => {
  const summary = JSON.parse(await readFile(join(outDir, 'summary.json'), 'utf8')) as { slis: { overall: { calls: number; failedFor: unknown; failuresByReason: unknown; ratios: Record<string, number | null> } } }
  const records = new Map((await readFile(join(outDir, 'records.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { callId: string; repeat: number }).map((record) => [record.callId, record.repeat]))
  const verdicts = (await readFile(join(outDir, 'verdicts.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { callId: string; scriptId: string; outcome: string; factor: string | null; reasons: Array<{ code: string }> })
    .map((verdict) => `${verdict.scriptId}#${records.get(verdict.callId)} ${verdict.outcome} ${verdict.factor} ${verdict.reasons.map((reason) => reason.code).join(',')}`)
    .sort()
  const { calls, failedFor, failuresByReason, ratios } = summary.slis.overall
  const { call_success_ratio, availability_ratio, dialogue_quality_ratio, hallucinated_turn_ratio } = ratios
  return { verdicts, slis: { calls, call_success_ratio, availability_ratio, dialogue_quality_ratio, hallucinated_turn_ratio }, failedFor, failuresByReason }
}

describe('sharded nightly', () => {
  it('4 shards in 4 processes, merged and judged, equal one run of the same calls', async () => {
    const base = await mkdtemp(join(tmpdir(), 'shards-'))
    const shardDirs = [1, 2, 3, 4].map((index) => join(base, `shard-${index}`))
    const single = join(base, 'single')
    // A shard's own objectives (exit 1) are for the merge to decide, as in the workflow; a
    // shard that cannot run at all exits 2.
    const codes = await Promise.all(shardDirs.map((outDir, index) => nightly([...scripts, '--no-audio', '--shard', `${index + 1}/4`, '--out', outDir])))
    expect(codes.every((code) => code === 0 || code === 1)).toBe(true)
    await runNightly({ scripts, profile: join(root, 'e2e/profiles/calm.yaml'), sloFile: join(root, 'e2e/slo.yaml'), outDir: single, log: () => {}, audio: false })
    const shardCalls = await Promise.all(shardDirs.map(async (outDir) => (await readFile(join(outDir, 'records.jsonl'), 'utf8')).trim().split('\n').filter(Boolean).length))
    expect(shardCalls.every((count) => count > 0 && count < 8)).toBe(true)
    expect(shardCalls.reduce((sum, count) => sum + count, 0)).toBe(8)

    const merged = join(base, 'merged')
    expect(await nightly(['--from-records', join(base, 'shard-*/records.jsonl'), '--out', merged])).not.toBe(2)
    expect(await outcome(merged)).toEqual(await outcome(single))
  }, 90_000)
})
