import { access } from 'node:fs/promises'
import { join } from 'node:path'
import type { CallRecord } from '@voxguard/harness'
import { readCallRecords, readVerdicts, type Verdict } from '@voxguard/judge'
import { readRunManifest, type RunManifest } from './run-manifest.ts'
import { SliError } from './sli-error.ts'

/** What a run directory holds: records, verdicts and (when written) run.json. */
export interface RunDirectory {
  records: CallRecord[]
  verdicts: Verdict[]
  manifest?: RunManifest
}

function inputError(file: string, error: unknown): SliError {
  const message = (error as Error).message
  const { line, field } = error as { line?: number; field?: string }
  return new SliError('input_invalid', message.startsWith(file) ? message : `${file}: ${message}`, { cause: error, file, ...(line !== undefined ? { line } : {}), ...(field !== undefined ? { field } : {}) })
}

/**
 * Reads `records.jsonl`, `verdicts.jsonl` and `run.json` of a run directory through their
 * owners' readers (the harness's records, the judge's verdicts). A missing or bad file is an
 * `input_invalid` error naming the file and, for a bad line, the line.
 */
export async function loadRunDirectory(directory: string, options: { signal?: AbortSignal } = {}): Promise<RunDirectory> {
  const recordsFile = join(directory, 'records.jsonl')
  const verdictsFile = join(directory, 'verdicts.jsonl')
  for (const [file, hint] of [[recordsFile, 'run `voxguard run` first'], [verdictsFile, 'run `voxguard judge` on the records first']] as const) {
    try {
      await access(file)
    } catch (error) {
      throw new SliError('input_invalid', `${file}: no such file (${hint})`, { cause: error, file })
    }
  }
  const records: CallRecord[] = []
  try {
    for await (const record of readCallRecords(recordsFile, options)) records.push(record)
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw inputError(recordsFile, error)
  }
  let verdicts: Verdict[]
  try {
    verdicts = await readVerdicts(verdictsFile, options)
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw inputError(verdictsFile, error)
  }
  const manifest = await readRunManifest(join(directory, 'run.json'))
  return { records, verdicts, ...(manifest ? { manifest } : {}) }
}
