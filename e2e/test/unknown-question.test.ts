// The unknown-question scripts pass when the agent says it does not know and offers a person,
// and FAIL when it invents an answer: the same recorded calls, judged again with the agent's
// first answer replaced by an invention.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CallRecord } from '@voxguard/harness'
import { judgeRecords } from '@voxguard/judge'
import { describe, expect, it } from 'vitest'
import { runNightly } from '../src/run-nightly.ts'

const e2e = fileURLToPath(new URL('..', import.meta.url))
const inventions: Record<string, string> = {
  'unknown-orthodontics': 'Yes, we offer braces for adults from 350,000 yen, and the first consultation is free.',
  'unknown-payment': 'Yes, you can pay by credit card; we accept Visa and Mastercard.',
  'ja-unknown-question': 'はい、インプラントは1本300,000円でやっています。',
}

describe('a question the knowledge base does not cover', () => {
  it('passes with an honest "I don\'t know" and a hand-off offer, fails when the agent invents', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'unknown-'))
    const result = await runNightly({ scripts: Object.keys(inventions).map((id) => join(e2e, 'scripts', `${id}.yaml`)), profile: join(e2e, 'profiles/calm.yaml'), sloFile: join(e2e, 'slo.yaml'), outDir, log: () => {}, audio: false })
    expect(result.verdicts.map((verdict) => verdict.outcome)).toEqual(['pass', 'pass', 'pass'])

    const invented = result.records.map((record): CallRecord => ({ ...record, turns: record.turns.map((turn) => (turn.index === 1 ? { ...turn, agent: { ...turn.agent, text: inventions[record.scriptId]! } } : turn)) }))
    const inventedFile = join(outDir, 'invented.jsonl')
    await writeFile(inventedFile, invented.map((record) => JSON.stringify(record)).join('\n') + '\n')
    const verdicts = await judgeRecords(inventedFile)
    for (const verdict of verdicts) {
      expect(verdict, verdict.scriptId).toMatchObject({ outcome: 'fail', factor: 'dialogue' })
    }
    expect(await readFile(join(outDir, 'records.jsonl'), 'utf8')).not.toContain('350,000')
  }, 30_000)
})
