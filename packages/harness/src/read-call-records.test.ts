import { execFileSync } from 'node:child_process'
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CallRecord } from './call-record.ts'
import { mergeRecords } from './merge-records.ts'
import { readCallRecordsFile, type TornLine } from './read-call-records.ts'
import { RecordsFile } from './records-file.ts'

const directory = mkdtempSync(join(tmpdir(), 'read-records-'))
let files = 0

function record(callId: string, patch: Record<string, unknown> = {}): CallRecord {
  return {
    schema: 'voxguard.call-record', version: 1, callId, runId: 'r1', scriptId: callId.split('#')[0]!, scriptFile: 's.yaml', tags: [], protocol: 'text', agentUrl: 'ws://127.0.0.1:1',
    repeat: 1, startedAt: '2026-01-01T00:00:00.000Z', endedAt: '2026-01-01T00:00:01.000Z', durationMs: 1000, endedBy: 'caller', transport: {}, redacted: true, events: [],
    turns: [{ index: 0, sentAtMs: 0, agent: { text: 'Hello', deltaCount: 1, toolCalls: [] }, timedOut: false }],
    ...patch,
  } as CallRecord
}

function file(text: string): string {
  const path = join(directory, `records-${files++}.jsonl`)
  writeFileSync(path, text)
  return path
}

const line = (value: unknown) => `${JSON.stringify(value)}\n`

describe('readCallRecords: the one reader of records.jsonl', () => {
  it('a torn last line (a killed run) is skipped and reported with file and line; the complete calls are kept', async () => {
    const torn: TornLine[] = []
    const path = file(line(record('a#1')) + line(record('b#1')) + line(record('c#1')).slice(0, 70))
    const records = await readCallRecordsFile(path, { onTornLine: (value) => torn.push(value) })
    expect(records.map((value) => value.callId)).toEqual(['a#1', 'b#1'])
    expect(torn).toEqual([{ file: path, line: 3, bytes: 70 }])
    expect((await mergeRecords([path])).map((value) => value.callId)).toEqual(['a#1', 'b#1'])
  })

  it('a bad line that is not the torn end is an error naming file and line; a complete last record without its newline is kept', async () => {
    const middle = file(line(record('a#1')) + '{"schema":"voxguard.call-record",\n' + line(record('b#1')))
    await expect(readCallRecordsFile(middle)).rejects.toMatchObject({ code: 'records_invalid', line: 2, message: expect.stringContaining(`${middle}:2: not a JSON line`) })
    const unterminated = file(line(record('a#1')) + JSON.stringify(record('b#1')))
    expect((await readCallRecordsFile(unterminated)).map((value) => value.callId)).toEqual(['a#1', 'b#1'])
  })

  it('accepts a BOM and CRLF line ends', async () => {
    const path = file(`\uFEFF${JSON.stringify(record('a#1'))}\r\n${JSON.stringify(record('b#1'))}\r\n`)
    expect((await readCallRecordsFile(path)).map((value) => value.callId)).toEqual(['a#1', 'b#1'])
  })

  it.each([
    ['tags', { tags: 'x' }, 'tags: Invalid input: expected array, received string, got string "x"'],
    ['endedBy', { endedBy: 42 }, 'endedBy: Invalid option'],
    ['knowledgeBase', { knowledgeBase: 42 }, 'knowledgeBase: Invalid input: expected string, received number'],
    ['turns[0].agent.toolCalls[0]', { turns: [{ index: 0, sentAtMs: 0, agent: { text: '', deltaCount: 0, toolCalls: [null] }, timedOut: false }] }, 'turns[0].agent.toolCalls[0]: Invalid input: expected object, received null'],
    ['turns[0].agent.toolCalls[0].arguments', { turns: [{ index: 0, sentAtMs: 0, agent: { text: '', deltaCount: 0, toolCalls: [{ name: 'x', atMs: 0, arguments: JSON.parse(`${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}`) as unknown }] }, timedOut: false }] }, 'nested deeper than 32 levels'],
    ['turns', { turns: Array.from({ length: 20_000 }, (_, index) => ({ index, sentAtMs: 0, agent: { text: '', deltaCount: 0, toolCalls: [] }, timedOut: false })) }, 'turns: Too big: expected array to have <=1001 items'],
    ['turns[0].agent.text', { turns: [{ index: 0, sentAtMs: 0, agent: { text: '9'.repeat(200_000), deltaCount: 1, toolCalls: [] }, timedOut: false }] }, 'turns[0].agent.text: Too big: expected string to have <=100000 characters'],
  ])('a record with a malformed %s is records_invalid naming file, line and field', async (field, patch, message) => {
    const path = file(line(record('a#1')) + line(record('b#1', patch)))
    const error = await readCallRecordsFile(path).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'records_invalid', file: path, line: 2, field })
    expect((error as Error).message).toContain(`${path}:2: `)
    expect((error as Error).message).toContain(message)
  })

  it('a record nested 100,000 levels deep is refused, not a stack overflow', async () => {
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`
    const text = JSON.stringify(record('a#1', { events: [{ name: 'x', atMs: 0, turn: 0, data: 'DEEP' }] })).replace('"DEEP"', deep)
    await expect(readCallRecordsFile(file(`${text}\n`))).rejects.toMatchObject({ field: 'events[0].data', message: expect.stringContaining('nested deeper than 32 levels') })
  })

  it('refuses a file that is not a regular file (a device, a pipe) instead of reading it forever', async () => {
    await expect(readCallRecordsFile('/dev/zero')).rejects.toThrow('records file /dev/zero is not a regular file')
    const fifo = join(directory, 'fifo')
    execFileSync('mkfifo', [fifo])
    await expect(readCallRecordsFile(fifo)).rejects.toThrow('is not a regular file')
  })
})

describe('RecordsFile append after a killed run', () => {
  it('drops the torn fragment (reported) instead of gluing the next record onto it; merge keeps every finished call', async () => {
    const path = file(line(record('a#1')) + line(record('b#1')).slice(0, 50))
    const torn: TornLine[] = []
    const records = new RecordsFile(path, { append: true, onTornLine: (value) => torn.push(value) })
    records.write(record('c#1'))
    records.close()
    expect(torn).toEqual([{ file: path, line: 2, bytes: 50 }])
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(3)
    expect((await mergeRecords([path])).map((value) => value.callId)).toEqual(['a#1', 'c#1'])
  })

  it('terminates a complete last record that lacks its newline, and leaves a clean file alone', async () => {
    const path = file(JSON.stringify(record('a#1')))
    const first = new RecordsFile(path, { append: true })
    first.write(record('b#1'))
    first.close()
    const second = new RecordsFile(path, { append: true, onTornLine: () => expect.unreachable('nothing is torn') })
    second.write(record('c#1'))
    second.close()
    appendFileSync(path, '')
    expect((await readCallRecordsFile(path)).map((value) => value.callId)).toEqual(['a#1', 'b#1', 'c#1'])
  })
})
