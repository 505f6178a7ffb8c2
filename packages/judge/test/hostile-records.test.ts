import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { judgeCall, judgeRecords, loadVocabulary } from '@voxguard/judge'
import { loadKnowledgeBase } from '@voxguard/knowledge'
import { callRecord } from '@voxguard/harness/testing'
import { knowledgeFixture } from '@voxguard/knowledge/testing'

const directory = mkdtempSync(join(tmpdir(), 'judge-hostile-'))
const knowledgeFile = knowledgeFixture('clinic')
const knowledge = await loadKnowledgeBase(knowledgeFile)

describe('the judge on hostile records: clear errors or bounded work, never a crash, a hang or a pass', () => {
  it.each([
    ['tags', { tags: 'x' }],
    ['endedBy', { endedBy: 42 }],
    ['knowledgeBase', { knowledgeBase: 42 }],
    ['turns[0].agent.toolCalls[0]', { turns: [{ index: 0, sentAtMs: 0, agent: { text: 'hi', deltaCount: 1, toolCalls: [null] }, timedOut: false }] }],
  ])('a record with a malformed %s is record_invalid naming file, line and field', async (field, patch) => {
    const file = join(directory, `${field.replace(/\W/g, '_')}.jsonl`)
    writeFileSync(file, `${JSON.stringify({ ...callRecord(), ...patch })}\n`)
    const verdicts: unknown[] = []
    await expect(judgeRecords(file, { onVerdict: (verdict) => void verdicts.push(verdict) })).rejects.toMatchObject({ code: 'record_invalid', file, line: 1, field })
    expect(verdicts).toEqual([])
  })

  it('a matches: expectation with catastrophic backtracking in JavaScript runs in linear time (RE2)', async () => {
    const record = callRecord({ turns: [{ reply: 'hi' }, { caller: 'hello', reply: `${'a'.repeat(5000)}!`, expectations: { matches: ['(a+)+$'] } }] })
    const started = performance.now()
    const verdict = await judgeCall(record, {})
    expect(performance.now() - started).toBeLessThan(5000)
    expect(verdict.reasons.map((reason) => reason.code)).toEqual(['expectation_unmet'])
  })

  it('100,000-character replies of digits, kanji numbers or prices are judged in bounded time', async () => {
    const started = performance.now()
    for (const reply of ['9'.repeat(99_000), '一'.repeat(99_000), '1 2 3 '.repeat(16_000), '¥1,000 '.repeat(14_000)]) {
      const verdict = await judgeCall(callRecord({ turns: [{ reply: 'hi' }, { caller: 'how much is a cleaning?', reply }] }), { knowledge })
      expect(['pass', 'fail']).toContain(verdict.outcome)
    }
    // Minutes each before the bounds; a generous limit for a loaded machine.
    expect(performance.now() - started).toBeLessThan(15_000)
  })

  it('a FIFO or a device as knowledge base or vocabulary is a clear error, not a hang; a bad alias names file and line', async () => {
    const fifo = join(directory, 'knowledge.fifo')
    execFileSync('mkfifo', [fifo])
    await expect(judgeRecords([callRecord({ knowledgeBase: fifo })])).rejects.toMatchObject({ code: 'knowledge_invalid', message: expect.stringContaining('not a regular file') })
    await expect(judgeRecords([callRecord()], { knowledgeFile: '/dev/zero' })).rejects.toThrow('not a regular file')
    await expect(loadVocabulary(fifo)).rejects.toThrow('not a regular file')
    const aliased = join(directory, 'aliased.yaml')
    writeFileSync(aliased, 'cleaning: [scaling]\nwhitening: *missing\n')
    await expect(loadVocabulary(aliased)).rejects.toThrow(`${aliased}:2: not valid YAML or JSON (YAML aliases: Unresolved alias`)
    const knowledgeAliased = join(directory, 'knowledge-aliased.yaml')
    writeFileSync(knowledgeAliased, 'version: 1\nfacts:\n  a: 1\n  b: *nowhere\n')
    await expect(loadKnowledgeBase(knowledgeAliased)).rejects.toThrow(`${knowledgeAliased}:4: YAML aliases:`)
  })
})
