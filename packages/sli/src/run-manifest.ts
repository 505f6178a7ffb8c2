import { readFile, writeFile } from 'node:fs/promises'
import { SliError } from './sli-error.ts'

export const RUN_MANIFEST_SCHEMA = 'voxguard.run-manifest'

/**
 * `run.json` next to a run's records: what the records cannot say about the run. Written by
 * the nightly (and `voxguard run --report`) before judging; read by `voxguard report` so a
 * rebuilt report says the same. Owned by @voxguard/sli.
 */
export interface RunManifest {
  schema: typeof RUN_MANIFEST_SCHEMA
  version: 1
  runId: string
  /** When the run started and ended (ISO 8601); the records' first start and last end when absent. */
  startedAt?: string
  endedAt?: string
  /** The commit of the code under test (`git rev-parse HEAD`, or CI's variable), when known. */
  gitCommit: string | null
  /** The options the run was started with (profile, repeat, concurrency, …). */
  options: Record<string, unknown>
  /** The SLO file the run was checked against (absolute path); `voxguard report` uses it unless given `--slo`. */
  sloFile?: string
  /** Call scripts that could not run (file:line:column field: what is expected). */
  scriptErrors: string[]
}

/** Writes run.json. */
export async function writeRunManifest(file: string, manifest: Omit<RunManifest, 'schema' | 'version'>): Promise<void> {
  await writeFile(file, `${JSON.stringify({ schema: RUN_MANIFEST_SCHEMA, version: 1, ...manifest }, null, 2)}\n`)
}

/** Reads run.json; undefined when there is none, an `manifest_invalid` error when it is bad. */
export async function readRunManifest(file: string): Promise<RunManifest | undefined> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new SliError('manifest_invalid', `${file}: cannot read (${(error as Error).message})`, { cause: error, file })
  }
  let value: Partial<RunManifest>
  try {
    value = JSON.parse(text) as Partial<RunManifest>
  } catch (error) {
    throw new SliError('manifest_invalid', `${file}: not valid JSON (${(error as Error).message})`, { cause: error, file })
  }
  if (value?.schema !== RUN_MANIFEST_SCHEMA || value.version !== 1) throw new SliError('manifest_invalid', `${file}: "schema" must be "${RUN_MANIFEST_SCHEMA}" with "version": 1`, { file, field: 'schema' })
  if (typeof value.runId !== 'string') throw new SliError('manifest_invalid', `${file}: "runId" must be a string`, { file, field: 'runId' })
  return { gitCommit: null, options: {}, scriptErrors: [], ...value } as RunManifest
}
