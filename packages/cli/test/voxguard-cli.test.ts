import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocketServer } from 'ws'

const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url))
let server: WebSocketServer
let agentUrl: string
const dir = mkdtempSync(join(tmpdir(), 'voxguard-cli-'))

/** A 15-line echo agent speaking the text protocol. */
beforeAll(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => server.once('listening', resolve))
  server.on('connection', (socket) => {
    let reply = 0
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; callId?: string; text?: string }
      if (message.type === 'start') socket.send(JSON.stringify({ type: 'ready', callId: message.callId }))
      if (message.type === 'caller.text') socket.send(JSON.stringify({ type: 'agent.final', replyId: `r${reply++}`, text: `You said: ${message.text}` }))
      if (message.type === 'caller.hangup') socket.close()
    })
  })
  agentUrl = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

function voxguard(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=source', bin, ...args], { env: { ...process.env, CI: 'true', ...env }, cwd: dir })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('voxguard CLI', () => {
  it('run: plain progress lines in CI, records.jsonl, exit 0; a bad script is reported with file:line and exits 1', async () => {
    writeFileSync(join(dir, 'hello.yaml'), 'id: hello\ngreeting: false\nturns:\n  - say: Hello there\n')
    writeFileSync(join(dir, 'bad.yaml'), 'id: bad\ngreeting: false\nturns:\n  - say: Hi\n    expect: { replyWithinMs: -1 }\n')
    const ok = await voxguard(['run', 'hello.yaml', '--agent', agentUrl, '--repeat', '2', '--out', 'out'])
    expect(ok.stderr).toBe('')
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/^running 2 calls\n\[1\/2\] hello #\d ok \d+\.\ds\n\[2\/2\] hello #\d ok/)
    const records = readFileSync(join(dir, 'out', 'records.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { turns: Array<{ agent: { text: string } }> })
    expect(records).toHaveLength(2)
    expect(records[0]!.turns[1]!.agent.text).toBe('You said: Hello there')

    const bad = await voxguard(['run', 'hello.yaml', 'bad.yaml', '--agent', agentUrl, '--out', 'out-bad'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/script error: bad\.yaml:5:30 turns\[0\]\.expect\.replyWithinMs: expected milliseconds >= 0/)
    expect(bad.stdout).toContain('[1/1] hello #1 ok')
  })

  it('run: exit 1 when the agent is unreachable; exit 2 with usage on a bad option', async () => {
    const refused = await voxguard(['run', 'hello.yaml', '--agent', 'ws://127.0.0.1:1', '--out', 'out-refused'])
    expect(refused.code).toBe(1)
    expect(refused.stdout).toContain('FAIL connect_failed')
    const usage = await voxguard(['run', 'hello.yaml', '--agent', agentUrl, '--concurrency', 'many'])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('--concurrency: expected a whole number >= 1, got "many"')
    expect(usage.stderr).toContain('usage: voxguard run')
    expect((await voxguard(['fly'])).code).toBe(2)
  })

  it('run --shard + merge: the shards together hold every call once', async () => {
    for (let index = 0; index < 6; index++) writeFileSync(join(dir, `s${index}.yaml`), `id: s${index}\ngreeting: false\nturns:\n  - say: Number ${index}\n`)
    const scripts = Array.from({ length: 6 }, (_, index) => `s${index}.yaml`)
    const first = await voxguard(['run', ...scripts, '--agent', agentUrl, '--shard', '1/2', '--out', 'shard-1'])
    const second = await voxguard(['run', ...scripts, '--agent', agentUrl, '--shard', '2/2', '--out', 'shard-2'])
    expect([first.code, second.code]).toEqual([0, 0])
    const merged = await voxguard(['merge', 'shard-1/records.jsonl', 'shard-2/records.jsonl', 'shard-1/records.jsonl', '--out', 'merged.jsonl'])
    expect(merged.code).toBe(0)
    expect(merged.stdout).toMatch(/^merged 6 records from 3 files/)
    const ids = readFileSync(join(dir, 'merged.jsonl'), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { scriptId: string }).scriptId)
    expect(ids).toEqual(['s0', 's1', 's2', 's3', 's4', 's5'])
  })
})
