import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { main } from '../../main.ts'
import { callRecord } from '@voxguard/harness/testing'
import { knowledgeFixture } from '@voxguard/knowledge/testing'

const knowledgeFile = knowledgeFixture('clinic')
let directory = ''
afterEach(async () => {
  if (directory) await rm(directory, { recursive: true, force: true })
})

function record(callId: string, reply: string) {
  return callRecord({
    callId, runId: 'r', scriptId: 'price', scriptFile: '/s.yaml', knowledgeBase: knowledgeFile, agentUrl: 'ws://127.0.0.1:1', durationMs: 1000,
    turns: [{ reply: 'Hello', firstByteMs: 100 }, { caller: 'How much is a cleaning?', reply, firstByteMs: 300 }],
  })
}

function capture() {
  const out: string[] = []
  const err: string[] = []
  const stream = (sink: string[]) => ({ write: (text: string) => sink.push(text) > 0 }) as unknown as NodeJS.WritableStream
  return { io: { stdout: stream(out), stderr: stream(err), env: {}, signal: new AbortController().signal }, out, err }
}

describe('voxguard judge', () => {
  it('writes verdicts.jsonl to --out, prints a summary and exits 1 when a call failed', async () => {
    directory = await mkdtemp(join(tmpdir(), 'voxguard-cli-judge-'))
    const recordsFile = join(directory, 'records.jsonl')
    await writeFile(recordsFile, [record('ok', 'A cleaning is 5,000 yen.'), record('bad', 'A cleaning is 3,000 yen.')].map((line) => JSON.stringify(line)).join('\n') + '\n')
    const { io, out } = capture()
    const status = await main(['judge', recordsFile, '--out', join(directory, 'report')], io)
    expect(status).toBe(1)
    const verdicts = (await readFile(join(directory, 'report', 'verdicts.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { callId: string; outcome: string; factor: string | null })
    expect(verdicts.map((verdict) => [verdict.callId, verdict.outcome, verdict.factor])).toEqual([['ok', 'pass', null], ['bad', 'fail', 'dialogue']])
    const printed = out.join('')
    expect(printed).toContain('calls 2  passed 1 (50.0%)  failed 1')
    expect(printed).toContain('hallucination         1')
    expect(printed).toContain('bad  dialogue  hallucination: turn 1: contradicted price "3,000 yen" (facts.prices_yen.cleaning: 5000)')
  })

  it('trade words come from the knowledge base\'s vocabulary section, and --vocabulary adds more: おそうじ relates to the cleaning price; a bad file exits 2 naming it', async () => {
    directory = await mkdtemp(join(tmpdir(), 'voxguard-cli-judge-'))
    const recordsFile = join(directory, 'records.jsonl')
    // 歯石 is in the example clinic's section; the colloquial おそうじ is not, and neither the lexicon nor a sound links it to cleaning.
    const japanese = (word: string) => {
      const call = record('ja', `${word}は三千円です。`)
      call.turns[1]!.caller = { kind: 'text', text: `${word}はいくらですか` }
      return `${JSON.stringify(call)}\n`
    }
    const finding = 'ja  dialogue  hallucination: turn 1: contradicted price "3000円" (facts.prices_yen.cleaning: 5000)'
    await writeFile(recordsFile, japanese('歯石'))
    const withSection = capture()
    expect(await main(['judge', recordsFile], withSection.io)).toBe(1)
    expect(withSection.out.join('')).toContain(finding)
    await writeFile(recordsFile, japanese('おそうじ'))
    const bareKnowledge = join(directory, 'no-vocabulary.yaml')
    await writeFile(bareKnowledge, (await readFile(knowledgeFile, 'utf8')).replace(/\n# Not facts[^]*$/u, '\n'))
    expect(await main(['judge', recordsFile, '--knowledge', bareKnowledge], capture().io)).toBe(0)
    const vocabularyFile = join(directory, 'vocabulary.yaml')
    await writeFile(vocabularyFile, 'cleaning: [おそうじ]\n')
    const { io, out } = capture()
    expect(await main(['judge', recordsFile, '--knowledge', bareKnowledge, '--vocabulary', vocabularyFile], io)).toBe(1)
    expect(out.join('')).toContain(finding)
    await writeFile(vocabularyFile, 'cleaning: おそうじ\n')
    const bad = capture()
    expect(await main(['judge', recordsFile, '--vocabulary', vocabularyFile], bad.io)).toBe(2)
    expect(bad.err.join('')).toContain(`${vocabularyFile}: "cleaning" must be a non-empty list of words (text), got "おそうじ"`)
  })

  it('exits 2 with the file and line of a bad record, and 2 without a records file', async () => {
    directory = await mkdtemp(join(tmpdir(), 'voxguard-cli-judge-'))
    const recordsFile = join(directory, 'records.jsonl')
    await writeFile(recordsFile, 'not json\n')
    const bad = capture()
    expect(await main(['judge', recordsFile], bad.io)).toBe(2)
    expect(bad.err.join('')).toContain(`${recordsFile}:1: not a JSON line`)
    const none = capture()
    expect(await main(['judge'], none.io)).toBe(2)
    expect(none.err.join('')).toContain('give exactly one records file (got 0)')
  })
})
