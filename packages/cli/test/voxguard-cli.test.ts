import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useCliFixture } from './helpers/cli-fixture.ts'

const { dir, agentUrl, voxguard } = useCliFixture('voxguard-cli-')

describe('voxguard CLI', () => {
  it('run: plain progress lines in CI, records.jsonl, exit 0; a bad script is reported with file:line and exits 1', async () => {
    writeFileSync(join(dir, 'hello.yaml'), 'id: hello\ngreeting: false\nturns:\n  - say: Hello there\n')
    writeFileSync(join(dir, 'bad.yaml'), 'id: bad\ngreeting: false\nturns:\n  - say: Hi\n    expect: { replyWithinMs: -1 }\n')
    const [ok, bad] = await Promise.all([
      voxguard(['run', 'hello.yaml', '--agent', agentUrl(), '--repeat', '2', '--out', 'out']),
      voxguard(['run', 'hello.yaml', 'bad.yaml', '--agent', agentUrl(), '--out', 'out-bad']),
    ])
    expect(ok.stderr).toBe('')
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/^running 2 calls\n\[1\/2\] hello #\d ok \d+\.\ds\n\[2\/2\] hello #\d ok/)
    const records = readFileSync(join(dir, 'out', 'records.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { turns: Array<{ agent: { text: string } }> })
    expect(records).toHaveLength(2)
    expect(records[0]!.turns[1]!.agent.text).toBe('You said: Hello there')

    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/script error: bad\.yaml:5:30 turns\[0\]\.expect\.replyWithinMs: expected milliseconds >= 0/)
    expect(bad.stdout).toContain('[1/1] hello #1 ok')
  })

  it('run: exit 1 when the agent is unreachable, with the reason; exit 2 with usage on a bad option', async () => {
    const [refused, usage, http, unknown] = await Promise.all([
      voxguard(['run', 'hello.yaml', '--agent', 'ws://127.0.0.1:1', '--out', 'out-refused']),
      voxguard(['run', 'hello.yaml', '--agent', agentUrl(), '--concurrency', 'many']),
      voxguard(['run', 'hello.yaml', '--agent', 'http://127.0.0.1:1']),
      voxguard(['fly']),
    ])
    expect(http.code).toBe(2)
    expect(http.stderr).toMatch(/^voxguard run: --agent: expected a ws:\/\/ or wss:\/\/ URL, got "http:\/\/127\.0\.0\.1:1"\n/)
    expect(refused.code).toBe(1)
    expect(refused.stdout).toMatch(/\[1\/1\] hello #1 FAIL connect_failed \(turn 0\): connection refused \(127\.0\.0\.1:1\)/)
    expect(refused.stdout).toContain('1 call, 1 failed at the transport level')
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('--concurrency: expected a whole number >= 1, got "many"')
    expect(usage.stderr).toContain('usage: voxguard run')
    expect(unknown.code).toBe(2)
  })

  it("run: refuses --out . and an --out folder holding a user's file, before running a call; the file is still there", async () => {
    mkdirSync(join(dir, 'documents'), { recursive: true })
    writeFileSync(join(dir, 'documents', 'taxes.pdf'), 'precious')
    writeFileSync(join(dir, 'hi.yaml'), 'id: hi\ngreeting: false\nturns:\n  - say: Hi\n')
    const [dot, user, appended] = await Promise.all([
      voxguard(['run', 'hi.yaml', '--agent', agentUrl(), '--out', '.']),
      voxguard(['run', 'hi.yaml', '--agent', agentUrl(), '--out', 'documents']),
      voxguard(['run', 'hi.yaml', '--agent', agentUrl(), '--out', 'documents', '--append']),
    ])
    expect(dot.code).toBe(2)
    expect(dot.stderr).toMatch(/^voxguard run: output folder .* refused: it is the working folder;/)
    for (const refused of [user, appended]) {
      expect(refused.code).toBe(2)
      expect(refused.stdout).toBe('')
      expect(refused.stderr).toMatch(/refused: it is not empty and voxguard did not make it \(it holds "taxes\.pdf"\)/)
    }
    expect(readdirSync(join(dir, 'documents'))).toEqual(['taxes.pdf'])
    expect(readFileSync(join(dir, 'documents', 'taxes.pdf'), 'utf8')).toBe('precious')
    expect(existsSync(join(dir, 'records.jsonl'))).toBe(false)
  })

  it('run: Ctrl-C keeps the finished calls, says so and exits 130 without a stack trace', async () => {
    // Each call waits 300 ms of caller silence (the echo agent does not answer silence); one at a time.
    for (let index = 0; index < 8; index++) writeFileSync(join(dir, `slow${index}.yaml`), `id: slow${index}\ngreeting: false\nturns:\n  - say: Hi\n  - silenceMs: 300\n`)
    const recordsFile = join(dir, 'out-interrupted', 'records.jsonl')
    const interrupted = await voxguard(['run', ...Array.from({ length: 8 }, (_, index) => `slow${index}.yaml`), '--agent', agentUrl(), '--concurrency', '1', '--out', 'out-interrupted'], {}, (child) => {
      const poll = setInterval(() => {
        if (existsSync(recordsFile) && readFileSync(recordsFile, 'utf8').split('\n').length > 2) {
          clearInterval(poll)
          child.kill('SIGINT')
        }
      }, 20)
      child.once('close', () => clearInterval(poll))
    })
    expect(interrupted.code).toBe(130)
    expect(interrupted.stderr).toBe('')
    const lines = readFileSync(recordsFile, 'utf8').trim().split('\n')
    expect(lines.length).toBeGreaterThanOrEqual(2)
    expect(lines.length).toBeLessThan(8)
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ schema: 'voxguard.call-record', endedBy: 'caller' })
    expect(interrupted.stdout).toContain(`interrupted (received SIGINT): ${lines.length} of 8 calls finished and are recorded`)
  })

  it('--help: the commands on stdout, exit 0; no command: the same on stderr, exit 2; run --help lists options and exit codes', async () => {
    const [help, none, run] = await Promise.all([voxguard(['--help']), voxguard([]), voxguard(['run', '--help'])])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^usage: voxguard <command>/)
    for (const name of ['run', 'merge', 'mock', 'judge']) expect(help.stdout).toMatch(new RegExp(`\\n  ${name} +\\w`))
    expect(none.code).toBe(2)
    expect(none.stdout).toBe('')
    expect(none.stderr).toBe(help.stdout)
    expect(run.code).toBe(0)
    for (const option of ['--agent URL', '--protocol text|twilio', '--concurrency N', '--repeat K', '--shard i/n', '--out DIR', '--turn-timeout-ms MS', '--call-timeout-ms MS', '--var NAME=VALUE', '--no-redact']) expect(run.stdout).toContain(option)
    expect(run.stdout).toMatch(/\n {2}130 +interrupted/)
  })

  it('run --shard + merge: the shards together hold every call once', async () => {
    for (let index = 0; index < 6; index++) writeFileSync(join(dir, `s${index}.yaml`), `id: s${index}\ngreeting: false\nturns:\n  - say: Number ${index}\n`)
    const scripts = Array.from({ length: 6 }, (_, index) => `s${index}.yaml`)
    const [first, second] = await Promise.all([
      voxguard(['run', ...scripts, '--agent', agentUrl(), '--shard', '1/2', '--out', 'shard-1']),
      voxguard(['run', ...scripts, '--agent', agentUrl(), '--shard', '2/2', '--out', 'shard-2']),
    ])
    expect([first.code, second.code]).toEqual([0, 0])
    const merged = await voxguard(['merge', 'shard-1/records.jsonl', 'shard-2/records.jsonl', 'shard-1/records.jsonl', '--out', 'merged.jsonl'])
    expect(merged.code).toBe(0)
    expect(merged.stdout).toMatch(/^merged 6 records from 3 files/)
    const ids = readFileSync(join(dir, 'merged.jsonl'), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { scriptId: string }).scriptId)
    expect(ids).toEqual(['s0', 's1', 's2', 's3', 's4', 's5'])
    const missing = await voxguard(['merge', 'shard-1/records.jsonl', 'shard-3/records.jsonl', '--out', 'merged-2.jsonl'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe('voxguard merge: cannot read records file shard-3/records.jsonl (ENOENT); expected a records.jsonl written by voxguard run\n')
  })

  it('a torn last line (killed run): merge and judge both keep the complete calls and name the torn line; run --append does not glue onto it', async () => {
    writeFileSync(join(dir, 'torn.yaml'), 'id: torn\ngreeting: false\nturns:\n  - say: Hello\n')
    expect((await voxguard(['run', 'torn.yaml', '--agent', agentUrl(), '--repeat', '3', '--out', 'torn'])).code).toBe(0)
    const recordsFile = join(dir, 'torn', 'records.jsonl')
    const text = readFileSync(recordsFile, 'utf8')
    writeFileSync(recordsFile, text.slice(0, text.length - 40))
    const [merged, judged] = await Promise.all([voxguard(['merge', 'torn/records.jsonl', '--out', 'torn-merged.jsonl']), voxguard(['judge', 'torn/records.jsonl'])])
    for (const result of [merged, judged]) expect(result.stderr).toMatch(/^warning: torn\/records\.jsonl:3: skipped a torn last line \(\d+ bytes, a run killed while writing it\)/)
    expect(merged.code).toBe(0)
    expect(merged.stdout).toMatch(/^merged 2 records/)
    expect(judged.code).toBe(0)
    expect(readFileSync(join(dir, 'torn', 'verdicts.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2)
    const appended = await voxguard(['run', 'torn.yaml', '--agent', agentUrl(), '--out', 'torn', '--append'])
    expect(appended.code).toBe(0)
    expect(appended.stderr).toMatch(/^warning: .*torn\/records\.jsonl:3: dropped a torn last line/)
    const again = await voxguard(['merge', 'torn/records.jsonl', '--out', 'torn-merged.jsonl'])
    expect(again.stderr).toBe('')
    expect(again.stdout).toMatch(/^merged 3 records/)
    const foreign = await voxguard(['merge', 'torn/records.jsonl', '--out', 'torn.yaml'])
    expect(foreign.code).toBe(2)
    expect(foreign.stderr).toContain('exists and is not a records file')
    expect(readFileSync(join(dir, 'torn.yaml'), 'utf8')).toContain('id: torn')
  })
})
