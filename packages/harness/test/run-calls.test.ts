import { spawn } from 'node:child_process'
import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { HarnessError, mergeRecords, runCalls } from '@voxguard/harness'
import { isInShard, parseShard } from '../src/select-shard.ts'
import type { CallRecord } from '@voxguard/harness'
import { startTextAgent } from './helpers/text-agent.ts'
import type { TextAgent } from './helpers/text-agent.ts'
import { writeFiles } from './helpers/write-script.ts'

let agent: TextAgent | undefined
afterEach(async () => {
  await agent?.close()
  agent = undefined
})

const script = (id: string, text = 'What time do you open?') => `id: ${id}\ngreeting: false\nturns:\n  - say: "${text}"\n`

describe('runCalls', () => {
  it('runs every script × repeat concurrently, reports a bad script and runs the rest', async () => {
    agent = await startTextAgent('well-behaved', { replyDelayMs: 100 })
    const files = writeFiles({ 'a.yaml': script('a'), 'b.yaml': script('b'), 'c.yaml': script('c'), 'bad.yaml': 'id: bad\nturns:\n  - sya: hi\n' })
    const plans: number[] = []
    const startedAt = performance.now()
    const result = await runCalls({
      scripts: ['a', 'b', 'bad', 'c'].map((name) => files.path(`${name}.yaml`)),
      agentUrl: agent.url,
      repeat: 3,
      concurrency: 9,
      endGraceMs: 0,
      outDir: join(files.dir, 'out'),
      onPlan: (plan) => plans.push(plan.calls),
    })
    const elapsedMs = performance.now() - startedAt
    expect(plans).toEqual([9])
    expect(result.calls).toBe(9)
    expect(result.failedCalls).toBe(0)
    expect(result.scriptErrors).toHaveLength(1)
    expect(result.scriptErrors[0]!.message).toMatch(/bad\.yaml:3:5 turns\[0\]: expected exactly one caller action/)
    const records = readFileSync(result.recordsFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as CallRecord)
    expect(new Set(records.map((record) => record.callId)).size).toBe(9)
    expect(records.map((record) => `${record.scriptId}#${record.repeat}`).sort()).toEqual(['a#1', 'a#2', 'a#3', 'b#1', 'b#2', 'b#3', 'c#1', 'c#2', 'c#3'])
    expect(records.every((record) => record.runId === result.runId)).toBe(true)
    // 9 calls of ≥ 140 ms each ran in parallel, not one after another (≥ 1.2 s).
    expect(elapsedMs).toBeLessThan(1000)
  })

  it('splits calls into shards that are disjoint and together complete, and merge joins them', async () => {
    const ids = Array.from({ length: 40 }, (_, index) => `script-${index}`)
    const seen = new Map<string, number>()
    for (let index = 1; index <= 3; index++) {
      for (const id of ids) for (let repeat = 1; repeat <= 2; repeat++) if (isInShard(id, repeat, { index, total: 3 })) seen.set(`${id}#${repeat}`, (seen.get(`${id}#${repeat}`) ?? 0) + 1)
    }
    expect(seen.size).toBe(80)
    expect([...seen.values()].every((count) => count === 1)).toBe(true)
    expect(() => parseShard('0/3')).toThrow(/shard must look like "i\/n"/)
    expect(() => parseShard('4/3')).toThrow(RangeError)

    agent = await startTextAgent('well-behaved')
    const files = writeFiles(Object.fromEntries(ids.slice(0, 8).map((id) => [`${id}.yaml`, script(id)])))
    const scripts = ids.slice(0, 8).map((id) => files.path(`${id}.yaml`))
    const outputs: string[] = []
    for (const shard of ['1/2', '2/2']) {
      const result = await runCalls({ scripts, agentUrl: agent.url, shard, concurrency: 8, endGraceMs: 0, outDir: join(files.dir, shard.replace('/', '-of-')) })
      outputs.push(result.recordsFile)
    }
    const merged = await mergeRecords([...outputs, outputs[0]!])
    expect(merged.map((record) => record.scriptId)).toEqual(ids.slice(0, 8).sort())
    expect(merged.every((record) => record.shard && record.shard.total === 2)).toBe(true)
  })

  it('redacts phone numbers and e-mail addresses by default (configurable), keeping times and dates', async () => {
    agent = await startTextAgent('well-behaved')
    const files = writeFiles({ 'pii.yaml': script('pii', 'Call me on +81 90-1234-5678 or mail aiko@example.com on 2025-06-14 at 09:00-18:00') })
    const read = (file: string) => readFileSync(file, 'utf8')
    const redacted = await runCalls({ scripts: [files.path('pii.yaml')], agentUrl: agent.url, endGraceMs: 0, outDir: join(files.dir, 'default') })
    const text = read(redacted.recordsFile)
    expect(text).not.toMatch(/1234|aiko@/)
    expect(text).toContain('Call me on [phone] or mail [email] on 2025-06-14 at 09:00-18:00')
    const custom = await runCalls({ scripts: [files.path('pii.yaml')], agentUrl: agent.url, endGraceMs: 0, outDir: join(files.dir, 'custom'), redact: [{ pattern: /aiko/g, replacement: '[name]' }] })
    expect(read(custom.recordsFile)).toContain('Call me on +81 90-1234-5678 or mail [name]@example.com')
    const off = await runCalls({ scripts: [files.path('pii.yaml')], agentUrl: agent.url, endGraceMs: 0, outDir: join(files.dir, 'off'), redact: false })
    expect(JSON.parse(read(off.recordsFile))).toMatchObject({ redacted: false })
  })

  it('keeps every finished call when the run is killed', async () => {
    agent = await startTextAgent('slow', { replyDelayMs: 150 })
    const files = writeFiles(Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`s${index}.yaml`, script(`s${index}`)])))
    const outDir = join(files.dir, 'out')
    const recordsFile = join(outDir, 'records.jsonl')
    const child = spawn(process.execPath, ['--conditions=source', fileURLToPath(new URL('./helpers/run-child.ts', import.meta.url)), agent.url, outDir, ...Array.from({ length: 30 }, (_, index) => files.path(`s${index}.yaml`))], { stdio: 'ignore' })
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    const deadline = Date.now() + 8000
    while (Date.now() < deadline && !(existsSync(recordsFile) && readFileSync(recordsFile, 'utf8').split('\n').length > 4)) await new Promise((resolve) => setTimeout(resolve, 20))
    child.kill('SIGKILL')
    await exited
    const lines = readFileSync(recordsFile, 'utf8').split('\n').filter(Boolean)
    expect(lines.length).toBeGreaterThanOrEqual(4)
    expect(lines.length).toBeLessThan(30)
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ schema: 'voxguard.call-record', endedBy: 'caller' })
    expect((await mergeRecords([recordsFile])).length).toBe(lines.length)
  })

  it('hands onRecord the record as written: a close that arrives after the call ended does not change it', async () => {
    agent = await startTextAgent('never-answers')
    const files = writeFiles({ 'silent.yaml': script('silent') })
    const records: CallRecord[] = []
    const result = await runCalls({ scripts: [files.path('silent.yaml')], agentUrl: agent.url, turnTimeoutMs: 200, endGraceMs: 0, outDir: join(files.dir, 'out'), onRecord: (record) => records.push(record) })
    expect(records[0]!.failure).toMatchObject({ kind: 'turn_timeout' })
    // The harness closed the socket on the timeout; the agent's close frame comes back after the record was written.
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(records[0]).toEqual(JSON.parse(readFileSync(result.recordsFile, 'utf8')))
  })

  it('rejects bad options naming the option', async () => {
    await expect(runCalls({ scripts: [], agentUrl: 'http://x' })).rejects.toThrow(/runCalls option agentUrl: expected a ws:\/\/ or wss:\/\/ URL/)
    await expect(runCalls({ scripts: [], agentUrl: 'ws://x', concurrency: 0 })).rejects.toThrow(/option concurrency: expected an integer >= 1, got 0/)
    await expect(runCalls({ scripts: [], agentUrl: 'ws://x', shard: '3/2' })).rejects.toBeInstanceOf(HarnessError)
  })
})
