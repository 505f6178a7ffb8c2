import { readFile, rename, writeFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { SliError } from '../sli-error.ts'
import type { MetricSeries } from './metric-series.ts'

export const HISTORY_SCHEMA = 'voxguard.sli-history'
export const HISTORY_VERSION = 1
/** The history's file name in a run folder. */
export const HISTORY_FILE_NAME = 'slo-history.jsonl'

/** One run in the history file (`slo-history.jsonl`, one JSON line per run). Owned by @voxguard/sli. */
export interface HistoryEntry {
  schema: typeof HISTORY_SCHEMA
  version: typeof HISTORY_VERSION
  runId: string
  startedAt: string
  endedAt: string
  calls: number
  /** Each objective's events in that run, so budgets span runs. */
  objectives: Array<{ name: string; sli: string; comparison: '>=' | '<='; target: number; bad: number; total: number }>
  /** Counts per label set, so exported counters and histograms add up across runs. */
  series: MetricSeries[]
}

/** Reads the history (empty when the file does not exist); a bad line is an `history_invalid` error naming file and line. */
export async function readRunHistory(file: string): Promise<HistoryEntry[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw new SliError('history_invalid', `${file}: cannot read the run history (${(error as Error).message})`, { cause: error, file })
  }
  const entries: HistoryEntry[] = []
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    const where = { file, line: index + 1 }
    let entry: Partial<HistoryEntry>
    try {
      entry = JSON.parse(line) as Partial<HistoryEntry>
    } catch (error) {
      throw new SliError('history_invalid', `${file}:${index + 1}: not valid JSON (${(error as Error).message})`, { cause: error, ...where })
    }
    if (entry?.schema !== HISTORY_SCHEMA || entry.version !== HISTORY_VERSION) throw new SliError('history_invalid', `${file}:${index + 1}: not a ${HISTORY_SCHEMA} v${HISTORY_VERSION} entry`, { ...where, field: 'schema' })
    for (const field of ['runId', 'startedAt', 'endedAt'] as const) {
      if (typeof entry[field] !== 'string') throw new SliError('history_invalid', `${file}:${index + 1}: "${field}" must be a string`, { ...where, field })
    }
    if (!Array.isArray(entry.objectives) || !Array.isArray(entry.series)) throw new SliError('history_invalid', `${file}:${index + 1}: "objectives" and "series" must be arrays`, { ...where, field: 'objectives' })
    entries.push(entry as HistoryEntry)
  })
  return entries
}

/**
 * Puts a run into the history: replaces the entry with the same run id (so rebuilding a
 * run's reports leaves the file as it was) or appends it; entries stay sorted by start time.
 * Written to a temporary file and renamed, so a crash never leaves half a history.
 */
export async function upsertRunHistory(file: string, entry: HistoryEntry): Promise<HistoryEntry[]> {
  const entries = (await readRunHistory(file)).filter((existing) => existing.runId !== entry.runId)
  entries.push(entry)
  entries.sort((left, right) => (left.startedAt < right.startedAt ? -1 : left.startedAt > right.startedAt ? 1 : left.runId < right.runId ? -1 : 1))
  await mkdir(dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  await writeFile(temporary, entries.map((existing) => JSON.stringify(existing)).join('\n') + '\n')
  await rename(temporary, file)
  return entries
}
