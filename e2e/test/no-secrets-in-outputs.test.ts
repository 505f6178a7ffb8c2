import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const e2e = fileURLToPath(new URL('..', import.meta.url))
const knowledge = join(e2e, '../examples/clinic-agent/knowledge.yaml')

/** Secrets and a caller's personal data, each distinctive enough that any trace of it in an output is a leak. */
const SECRETS = {
  OPENAI_API_KEY: 'sk-proj-LEAKCHECK0penai7Q2',
  AZURE_OPENAI_API_KEY: 'azLEAKCHECKazure3F9',
  AWS_SECRET_ACCESS_KEY: 'awsLEAKCHECKsecret8K1',
  AWS_ACCESS_KEY_ID: 'AKIALEAKCHECK4ID',
}
const PERSONAL = ['090-4821-7735', '4821', '7735', 'aiko.leak@example.jp', '０８０‐５５１２‐９９０３', '4111 1111 1111 1111', '+81 3-6453-2219', '6453']

describe('no secret and no personal data in any output of a run', () => {
  it('the nightly with API keys in its environment and phone numbers, e-mails and a card number in its scripts writes none of them anywhere', async () => {
    const work = mkdtempSync(join(tmpdir(), 'leak-check-'))
    writeFileSync(join(work, 'callback.yaml'), [
      'id: callback',
      'title: "Callback to 090-4821-7735 (aiko.leak@example.jp)"',
      `knowledgeBase: ${knowledge}`,
      'persona: "Aiko, mobile ０８０‐５５１２‐９９０３, card 4111 1111 1111 1111"',
      'goal: "Get a call back on +81 3-6453-2219"',
      'turns:',
      '  - say: "Please call me back on 090-4821-7735 or mail aiko.leak@example.jp. How much is a cleaning?"',
      '    expect: { saysAny: ["090-4821-7735", "5,000"] }',
      '  - say: "My card is 4111 1111 1111 1111 and my other number is ０８０‐５５１２‐９９０３. Goodbye."',
    ].join('\n') + '\n')
    const out = join(work, 'out')
    const { stdout, stderr, code } = await new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve) => {
      const child = spawn(process.execPath, ['--conditions=source', join(e2e, 'voxguard.ts'), 'nightly', '--out', out, join(work, 'callback.yaml')], { cwd: work, env: { ...process.env, CI: 'true', ...SECRETS } })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.on('close', (exitCode) => resolve({ stdout, stderr, code: exitCode }))
    })
    expect([0, 1]).toContain(code)
    const files = readdirSync(out)
    expect(files).toEqual(expect.arrayContaining(['records.jsonl', 'verdicts.jsonl', 'summary.json', 'junit.xml', 'metrics.prom']))
    const outputs: Array<[string, string]> = [['stdout', stdout], ['stderr', stderr], ...files.map((name): [string, string] => [name, readFileSync(join(out, name), 'utf8')])]
    const leaks = outputs.flatMap(([name, text]) => [...Object.values(SECRETS), 'LEAKCHECK', ...PERSONAL].filter((secret) => text.includes(secret)).map((secret) => `${name}: ${secret}`))
    expect(leaks).toEqual([])
    // The run did happen: the caller's turns are in the record, redacted.
    expect(readFileSync(join(out, 'records.jsonl'), 'utf8')).toContain('Please call me back on [phone] or mail [email]')
  })
})
