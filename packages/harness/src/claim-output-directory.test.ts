import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { claimOutputDirectory, OUTPUT_FOLDER_MARKER } from './claim-output-directory.ts'

describe('claimOutputDirectory', () => {
  const root = mkdtempSync(join(tmpdir(), 'claim-output-'))

  it('creates a missing folder and marks it; a marked folder is reused with its files', async () => {
    const folder = join(root, 'new', 'run')
    await expect(claimOutputDirectory(folder)).resolves.toBe(folder)
    expect(readdirSync(folder)).toEqual([OUTPUT_FOLDER_MARKER])
    writeFileSync(join(folder, 'records.jsonl'), '')
    writeFileSync(join(folder, 'report-extra.html'), 'kept')
    await expect(claimOutputDirectory(folder)).resolves.toBe(folder)
    expect(readFileSync(join(folder, 'report-extra.html'), 'utf8')).toBe('kept')
  })

  it('accepts an empty folder and one holding only files voxguard writes (an older run)', async () => {
    const empty = join(root, 'empty')
    mkdirSync(empty)
    await claimOutputDirectory(empty)
    const old = join(root, 'old')
    mkdirSync(old)
    writeFileSync(join(old, 'records.jsonl'), '')
    writeFileSync(join(old, 'summary.json'), '{}')
    writeFileSync(join(old, 'agent-events.jsonl'), '') // the nightly's agent event log
    await claimOutputDirectory(old)
    expect(readdirSync(old).sort()).toEqual([OUTPUT_FOLDER_MARKER, 'agent-events.jsonl', 'records.jsonl', 'summary.json'])
  })

  it("refuses a folder holding a user's file, naming it, and leaves it untouched", async () => {
    const folder = join(root, 'mine')
    mkdirSync(folder)
    writeFileSync(join(folder, 'thesis.docx'), 'years of work')
    await expect(claimOutputDirectory(folder)).rejects.toThrow(/output folder .*mine refused: it is not empty and voxguard did not make it \(it holds "thesis\.docx"\)/)
    expect(readdirSync(folder)).toEqual(['thesis.docx'])
  })

  it('refuses the working folder (--out .) and its ancestors, and a path that is a file', async () => {
    const cwd = join(root, 'work')
    mkdirSync(cwd)
    await expect(claimOutputDirectory('.', { cwd })).rejects.toMatchObject({ code: 'output_refused', message: expect.stringMatching(/refused: it is the working folder;/) })
    await expect(claimOutputDirectory('..', { cwd })).rejects.toThrow(/the working folder or one that contains it/)
    await expect(claimOutputDirectory('/', { cwd })).rejects.toThrow(/contains it/)
    expect(readdirSync(cwd)).toEqual([])
    writeFileSync(join(root, 'plain'), 'x')
    await expect(claimOutputDirectory(join(root, 'plain'))).rejects.toThrow(/exists and is not a folder/)
  })
})
