import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadVocabulary } from './load-vocabulary.ts'

let directory = ''
afterEach(async () => {
  if (directory) await rm(directory, { recursive: true, force: true })
  directory = ''
})

async function file(text: string): Promise<string> {
  directory = await mkdtemp(join(tmpdir(), 'voxguard-vocabulary-'))
  const path = join(directory, 'vocabulary.yaml')
  await writeFile(path, text)
  return path
}

describe('loadVocabulary', () => {
  it('reads YAML (and so JSON): term → words in any language', async () => {
    expect(await loadVocabulary(await file('cleaning: [cleaning, scaling, クリーニング]\n'))).toEqual({ cleaning: ['cleaning', 'scaling', 'クリーニング'] })
    expect(await loadVocabulary(await file('{"crown": ["crown", "被せ物"]}'))).toEqual({ crown: ['crown', '被せ物'] })
  })

  it('names the file and what is wrong', async () => {
    await expect(loadVocabulary('/nonexistent/vocabulary.yaml')).rejects.toMatchObject({ code: 'vocabulary_invalid', message: expect.stringContaining('/nonexistent/vocabulary.yaml: cannot read the vocabulary file') })
    const list = await file('- cleaning\n- scaling\n')
    await expect(loadVocabulary(list)).rejects.toThrow(`${list} must be a mapping of term → list of words`)
    const broken = await file('cleaning: [scaling\n')
    await expect(loadVocabulary(broken)).rejects.toThrow(`${broken}:2: not valid YAML or JSON (not valid YAML:`)
    const empty = await file('cleaning: []\n')
    await expect(loadVocabulary(empty)).rejects.toThrow(`${empty}: "cleaning" must be a non-empty list of words (text), got []`)
  })
})
