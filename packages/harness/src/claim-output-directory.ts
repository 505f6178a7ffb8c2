import { mkdir, readdir, stat, writeFile } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import { HarnessError } from './harness-error.ts'

/** The file that marks a folder as a voxguard output folder (written on first use). */
export const OUTPUT_FOLDER_MARKER = '.voxguard-output'

/**
 * Files voxguard writes into an output folder. A folder holding only these (and the marker)
 * is one an earlier voxguard run made, so it may be reused; anything else is the user's.
 */
export const OUTPUT_FILE_NAMES: readonly string[] = ['records.jsonl', 'verdicts.jsonl', 'summary.json', 'junit.xml', 'metrics.prom', 'report.html', 'report.json', 'report.png', 'run.json', 'slo-history.jsonl', 'prometheus-rules.yml', 'grafana-dashboard.json', 'ground-truth.jsonl', 'agent-events.jsonl', OUTPUT_FOLDER_MARKER]

const MARKER_TEXT = `${JSON.stringify({ schema: 'voxguard.output-folder', version: 1, note: 'voxguard writes its outputs here and may replace its own files (records.jsonl, verdicts.jsonl, …); it never removes this folder.' })}\n`

/**
 * Makes sure `directory` may receive voxguard's outputs, before anything is written: it is
 * created when missing; an existing folder must be empty, carry the voxguard marker, or hold
 * only files voxguard writes. The working folder and its ancestors (`--out .`) are always
 * refused. Nothing is ever removed: a command then writes (or replaces) only its own files.
 * Returns the absolute path.
 * @throws HarnessError `output_refused` saying which folder and why.
 * @example
 * const outDir = await claimOutputDirectory('reports/nightly') // before starting any call
 */
export async function claimOutputDirectory(directory: string, options: { cwd?: string } = {}): Promise<string> {
  const cwd = resolve(options.cwd ?? process.cwd())
  const absolute = resolve(cwd, directory)
  const refuse = (why: string) => new HarnessError('output_refused', `output folder ${absolute} refused: ${why}`, { file: absolute })
  if (absolute === cwd || cwd.startsWith(absolute.endsWith(sep) ? absolute : absolute + sep)) {
    throw refuse(`it is the working folder${absolute === cwd ? '' : ' or one that contains it'}; voxguard writes into a folder of its own (e.g. --out reports/run), never among your files`)
  }
  const stats = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw refuse(`cannot inspect it (${error.code ?? error.message})`)
  })
  if (!stats) {
    await mkdir(absolute, { recursive: true })
    await writeFile(absolute + sep + OUTPUT_FOLDER_MARKER, MARKER_TEXT)
    return absolute
  }
  if (!stats.isDirectory()) throw refuse('it exists and is not a folder')
  const entries = await readdir(absolute)
  if (entries.includes(OUTPUT_FOLDER_MARKER)) return absolute
  const foreign = entries.filter((name) => !OUTPUT_FILE_NAMES.includes(name))
  if (foreign.length > 0) {
    const named = foreign.slice(0, 3).map((name) => JSON.stringify(name)).join(', ')
    throw refuse(`it is not empty and voxguard did not make it (it holds ${named}${foreign.length > 3 ? ` and ${foreign.length - 3} more` : ''}); voxguard writes only into a new or empty folder or one it made, so nothing of yours is overwritten: choose another folder`)
  }
  await writeFile(absolute + sep + OUTPUT_FOLDER_MARKER, MARKER_TEXT)
  return absolute
}
