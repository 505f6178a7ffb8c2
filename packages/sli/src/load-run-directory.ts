import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { readCallRecordsFile, type CallRecord, type TornLine } from '@voxguard/harness'
import { readVerdicts, type Verdict } from '@voxguard/judge'
import { readRunManifest, type RunManifest } from './run-manifest.ts'
import { SliError } from './sli-error.ts'

/** What a run directory holds: records, verdicts and (when written) run.json. */
export interface RunDirectory {
  records: CallRecord[]
  verdicts: Verdict[]
  manifest?: RunManifest
  /** Unfinished last lines of a killed run, skipped (records or verdicts). */
  tornLines: TornLine[]
}

function inputError(file: string, error: unknown): SliError {
  const message = (error as Error).message
  const { line, field } = error as { line?: number; field?: string }
  return new SliError('input_invalid', message.startsWith(file) ? message : `${file}: ${message}`, { cause: error, file, ...(line !== undefined ? { line } : {}), ...(field !== undefined ? { field } : {}) })
}

/**
 * Reads `records.jsonl`, `verdicts.jsonl` and `run.json` of a run directory through their
 * owners' readers (the harness's records, the judge's verdicts; a torn last line of a killed
 * run is skipped and listed in `tornLines`). A missing or bad file is an
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
  const tornLines: TornLine[] = []
  const onTornLine = (torn: TornLine) => tornLines.push(torn)
  let records: CallRecord[]
  try {
    records = await readCallRecordsFile(recordsFile, { ...options, onTornLine })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw inputError(recordsFile, error)
  }
  let verdicts: Verdict[]
  try {
    verdicts = await readVerdicts(verdictsFile, { ...options, onTornLine })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw inputError(verdictsFile, error)
  }
  const manifest = await readRunManifest(join(directory, 'run.json'))
  return { records, verdicts, ...(manifest ? { manifest } : {}), tornLines }
}
