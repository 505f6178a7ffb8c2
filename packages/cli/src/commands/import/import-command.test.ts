import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadCallScript } from '@voxguard/harness'
import { transcriptFixture } from '@voxguard/harness/testing'
import { knowledgeFixture } from '@voxguard/knowledge/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { main } from '../../main.ts'

const knowledgeFile = knowledgeFixture('clinic')
const twilioFixture = transcriptFixture('twilio-intelligence')
let directory = ''
afterEach(async () => {
  if (directory) await rm(directory, { recursive: true, force: true })
})

/** Personal data in the inputs, in every spelling that could leak. */
const PERSONAL = ['090-1234-5678', '09012345678', '+81 90 1234 5678', '819012345678', 'aiko.tanaka@example.com', 'ken@example.org', '4111 1111 1111 1111', '4111111111111111', '+81312345678']

function transcriptLines(callId: string, start: number, hallucinate: boolean): string[] {
  const at = (offsetMs: number) => new Date(start + offsetMs).toISOString()
  const line = (offsetMs: number, name: string, data: Record<string, unknown>) => JSON.stringify({ schema: 'voxguard.agent-event', version: 1, at: at(offsetMs), callId, name, data })
  return [
    line(0, 'call.start', {}),
    line(900, 'agent.utterance', { text: 'Sakura Dental, how can I help?', startAt: at(100), endAt: at(900), turn: 0 }),
    line(3000, 'caller.utterance', { text: 'This is Ken Mori, my number is 090-1234-5678, mail ken@example.org. How much is a cleaning?', startAt: at(1000), endAt: at(3000), turn: 1 }),
    line(3400, 'llm.fallback', { from: 'azure-japaneast', to: 'openai-mini', reason: 'rate_limited' }),
    line(5000, 'agent.utterance', { text: hallucinate ? 'A cleaning is 3,000 yen.' : 'A cleaning is 5,000 yen.', startAt: at(4100), endAt: at(5000), turn: 1 }),
    line(8000, 'caller.utterance', { text: 'Book me tomorrow at 10. Card 4111 1111 1111 1111, or call +81 90 1234 5678, aiko.tanaka@example.com', startAt: at(6000), endAt: at(8000), turn: 2 }),
    line(8600, 'agent.tool_call', { name: 'book_appointment', arguments: { name: 'Ken Mori', date: 'tomorrow', time: '10:00', phone: '09012345678' }, result: { ok: true }, turn: 2 }),
    line(9500, 'agent.utterance', { text: 'Booked for Ken Mori tomorrow at 10:00.', startAt: at(8700), endAt: at(9500), turn: 2 }),
    line(9900, 'call.end', { endedBy: 'caller' }),
  ]
}

function capture() {
  const out: string[] = []
  const err: string[] = []
  const stream = (sink: string[]) => ({ write: (text: string) => sink.push(text) > 0 }) as unknown as NodeJS.WritableStream
  return { io: { stdout: stream(out), stderr: stream(err), env: {}, signal: new AbortController().signal }, out, err }
}

async function outputs(...folders: string[]): Promise<Array<{ file: string; text: string }>> {
  const files: Array<{ file: string; text: string }> = []
  for (const folder of folders) for (const name of await readdir(folder)) files.push({ file: join(folder, name), text: await readFile(join(folder, name), 'utf8') })
  return files
}

describe('voxguard import', () => {
  it('writes records, verdicts and regression scripts; no phone number, e-mail or card number from the input appears in any output, nor (--redact-names) the names the caller gave', async () => {
    directory = await mkdtemp(join(tmpdir(), 'voxguard-import-'))
    const day = join(directory, 'agent-events.jsonl')
    const start = Date.parse('2026-12-02T09:00:00Z')
    await writeFile(day, [...transcriptLines('call-1', start, true), ...transcriptLines('call-2', start + 60_000, false)].join('\n') + '\n')
    const out = join(directory, 'production')
    const scripts = join(directory, 'scripts')
    const { io, out: printed } = capture()
    const status = await main(['import', day, twilioFixture, '--knowledge', knowledgeFile, '--out', out, '--scripts', scripts, '--redact-names'], io)
    expect(status).toBe(0)
    const records = (await readFile(join(out, 'records.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { callId: string; runId: string; redacted: boolean; events: Array<{ name: string }> })
    expect(records.map((record) => [record.callId, record.runId, record.redacted])).toEqual([
      ['call-1', 'production-2026-12-02', true],
      ['call-2', 'production-2026-12-02', true],
      ['GT0123456789abcdef0123456789abcdef', 'production-2026-12-02', true],
    ])
    expect(records[0]!.events.map((event) => event.name)).toEqual(['llm.fallback'])
    const verdicts = (await readFile(join(out, 'verdicts.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { callId: string; outcome: string; factor: string | null })
    expect(verdicts.find((verdict) => verdict.callId === 'call-1')).toMatchObject({ outcome: 'fail', factor: 'dialogue' })
    expect(verdicts.find((verdict) => verdict.callId === 'call-2')).toMatchObject({ outcome: 'pass' })

    const call1 = await loadCallScript(join(scripts, 'production-call-1.yaml'))
    expect(call1.tags).toEqual(['production'])
    expect(call1.metadata).toMatchObject({ sourceCallId: 'call-1' })
    expect(call1.expectations).toMatchObject({ neverSays: ['3,000 yen'], toolsCalled: [{ name: 'book_appointment' }] })
    expect(call1.turns.map((turn) => turn.action)).toEqual([
      { kind: 'text', text: 'This is [name] [name], my number is [phone], mail [email]. How much is a cleaning?' },
      { kind: 'text', text: 'Book me tomorrow at 10. Card [card], or call [phone], [email]' },
    ])
    expect(call1.turns[1]!.expect).toEqual({ toolCalled: { name: 'book_appointment' } })

    const written = [...(await outputs(out, scripts)), { file: 'stdout', text: printed.join('') }]
    expect(written.length).toBeGreaterThanOrEqual(6)
    for (const { file, text } of written) {
      for (const personal of PERSONAL) expect(text.includes(personal), `${file} contains ${personal}`).toBe(false)
      expect(text, file).not.toMatch(/Ken|Mori|Aiko|Tanaka/)
    }
  })

  it('--only-failed and --sample choose the calls that become scripts (a deterministic sample)', async () => {
    directory = await mkdtemp(join(tmpdir(), 'voxguard-import-'))
    const day = join(directory, 'day.jsonl')
    const start = Date.parse('2026-12-02T09:00:00Z')
    await writeFile(day, Array.from({ length: 6 }, (_, index) => transcriptLines(`call-${index}`, start + index * 60_000, index % 2 === 0)).flat().join('\n') + '\n')
    const run = async (name: string, ...options: string[]) => {
      const { io } = capture()
      expect(await main(['import', day, '--knowledge', knowledgeFile, '--out', join(directory, `${name}-out`), '--scripts', join(directory, name), ...options], io)).toBe(0)
      return (await readdir(join(directory, name))).filter((file) => file.endsWith('.yaml')).sort()
    }
    expect(await run('failed', '--only-failed')).toEqual(['production-call-0.yaml', 'production-call-2.yaml', 'production-call-4.yaml'])
    const sample = await run('sample', '--sample', '2')
    expect(sample).toHaveLength(2)
    expect(await run('sample-again', '--sample', '2')).toEqual(sample)
    expect(await run('failed-sample', '--only-failed', '--sample', '1')).toHaveLength(1)
  })

  it('bad input exits 2 and names the file, line and field; --sample without --scripts is a usage error', async () => {
    directory = await mkdtemp(join(tmpdir(), 'voxguard-import-'))
    const day = join(directory, 'day.jsonl')
    await writeFile(day, transcriptLines('c', Date.parse('2026-12-02T09:00:00Z'), false).join('\n').replace('"endAt":"2026-12-02T09:00:03.000Z"', '"endAt":"soon"') + '\n')
    const bad = capture()
    expect(await main(['import', day, '--out', join(directory, 'out')], bad.io)).toBe(2)
    expect(bad.err.join('')).toContain(`${day}:3: "data.endAt" of a caller.utterance line`)
    const usage = capture()
    expect(await main(['import', day, '--sample', '3'], usage.io)).toBe(2)
    expect(usage.err.join('')).toContain('give --scripts DIR too')
  })
})
