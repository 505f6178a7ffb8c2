import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { callRecord } from '@voxguard/harness/testing'
import { judgeRecords, summarizeVerdicts } from './judge-records.ts'
import { knowledgeFixture } from '@voxguard/knowledge/testing'

const knowledgeFile = knowledgeFixture('clinic')
let directory = ''
afterEach(async () => {
  if (directory) await rm(directory, { recursive: true, force: true })
  directory = ''
})

async function recordsFile(lines: string[]): Promise<string> {
  directory = await mkdtemp(join(tmpdir(), 'voxguard-judge-'))
  const file = join(directory, 'records.jsonl')
  await writeFile(file, `${lines.join('\n')}\n`)
  return file
}

describe('judgeRecords', () => {
  it('streams a records file, loads each record\'s knowledge base, and reports verdicts as they are computed', async () => {
    const good = callRecord({ callId: 'a', knowledgeBase: knowledgeFile, turns: [{ reply: 'Hello' }, { caller: 'How much is a cleaning?', reply: 'A cleaning is 5,000 yen.' }] })
    const wrong = callRecord({ callId: 'b', knowledgeBase: knowledgeFile, turns: [{ reply: 'Hello' }, { caller: 'How much is a cleaning?', reply: 'A cleaning is 8,000 yen.' }] })
    const down = callRecord({ callId: 'c', turns: [], failure: { kind: 'connect_failed', message: 'ECONNREFUSED', atMs: 1 } })
    const file = await recordsFile([JSON.stringify(good), '', JSON.stringify(wrong), JSON.stringify(down)])
    const order: string[] = []
    const verdicts = await judgeRecords(file, { onVerdict: (verdict) => void order.push(verdict.callId) })
    expect(order).toEqual(['a', 'b', 'c'])
    expect(verdicts.map((verdict) => [verdict.callId, verdict.outcome, verdict.factor])).toEqual([
      ['a', 'pass', null],
      ['b', 'fail', 'dialogue'],
      ['c', 'fail', 'system'],
    ])
    expect(summarizeVerdicts(verdicts)).toEqual({ calls: 3, passed: 1, failed: 2, byFactor: { system: 1, dialogue: 1, both: 0 }, byCode: { hallucination: 1, agent_unreachable: 1 }, turnsJudged: 4, hallucinatedTurns: 1 })
  })

  it('reads trade words from each record\'s knowledge base (its vocabulary section), extended by vocabularyFile', async () => {
    // クリーニング is in the section (and meets "cleaning" by its sound); the colloquial おそうじ only through a vocabulary.
    const japanese = (knowledgeBase: string, word = 'おそうじ') => callRecord({ knowledgeBase, turns: [{ reply: 'さくら歯科です' }, { caller: `${word}はいくらですか`, reply: `${word}は3,000円です` }] })
    directory = await mkdtemp(join(tmpdir(), 'voxguard-judge-'))
    const bare = join(directory, 'no-vocabulary.yaml')
    await writeFile(bare, (await readFile(knowledgeFile, 'utf8')).replace(/\n# Not facts[^]*$/u, '\n'))
    const words = join(directory, 'words.yaml')
    await writeFile(words, 'cleaning: [おそうじ]\n')
    const [withSection] = await judgeRecords([japanese(knowledgeFile, 'クリーニング')])
    expect(withSection?.hallucinations.flatMap((turn) => turn.findings.map((finding) => `${finding.status} ${finding.text} @${finding.evidence?.path}`))).toEqual(['contradicted 3,000円 @facts.prices_yen.cleaning'])
    const [withoutSection] = await judgeRecords([japanese(bare)])
    expect(withoutSection?.outcome).toBe('pass')
    const [fromFile] = await judgeRecords([japanese(bare)], { vocabularyFile: words })
    expect(fromFile?.reasons.map((reason) => reason.evidence?.knowledge?.path)).toEqual(['facts.prices_yen.cleaning'])
  })

  it('an aborted signal stops reading with an AbortError, not a record error', async () => {
    const file = await recordsFile([JSON.stringify(callRecord())])
    const controller = new AbortController()
    controller.abort()
    await expect(judgeRecords(file, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('names the file and line of a bad record', async () => {
    const file = await recordsFile([JSON.stringify(callRecord()), '{"schema":"voxguard.call-record","version":2}'])
    await expect(judgeRecords(file)).rejects.toThrow(`${file}:2: "version" 2 is not supported (this voxguard reads version 1)`)
  })

  it('names a knowledge-base file it cannot read', async () => {
    await expect(judgeRecords([callRecord({ knowledgeBase: '/nonexistent/knowledge.yaml' })])).rejects.toThrow('/nonexistent/knowledge.yaml: cannot read the knowledge base')
  })
})
