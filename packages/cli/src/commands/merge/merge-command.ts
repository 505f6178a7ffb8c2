import { mkdirSync, writeFileSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { HarnessError, mergeRecords, readCallRecords } from '@voxguard/harness'
import type { Command } from '../../command.ts'
import { UsageError } from '../../usage-error.ts'
import { parseCommandArgs } from '../../parse-command-args.ts'

const usage = `usage: voxguard merge <records.jsonl…> --out FILE

Joins the records of several runs or shards into one JSONL file: deduplicated by callId,
sorted by script, repeat and start time. A torn last line (a run killed while writing) is
skipped with a warning; the complete calls before it are kept. FILE is replaced only when
it is a records file itself (or empty).`

export const mergeCommand: Command = {
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string' } })
    if (positionals.length === 0) throw new UsageError('usage_invalid', 'no records files given')
    if (!values.out) throw new UsageError('usage_invalid', '--out FILE is required')
    const out = resolve(values.out)
    await refuseForeignFile(out)
    const records = await mergeRecords(positionals, { onTornLine: (torn) => io.stderr.write(`warning: ${torn.file}:${torn.line}: skipped a torn last line (${torn.bytes} bytes, a run killed while writing it); the complete calls before it are kept\n`) })
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(out, records.map((record) => `${JSON.stringify(record)}\n`).join(''))
    io.stdout.write(`merged ${records.length} records from ${positionals.length} file${positionals.length === 1 ? '' : 's'} into ${out}\n`)
    return 0
  },
}

/** `--out` may replace an earlier merge (a records file) but never a file of the user's. */
async function refuseForeignFile(out: string): Promise<void> {
  const stats = await stat(out).catch(() => undefined)
  if (!stats) return
  if (!stats.isFile()) throw new UsageError('usage_invalid', `--out ${out} is not a regular file; give a file name for the merged records`)
  if (stats.size === 0) return
  try {
    for await (const record of readCallRecords(out)) {
      void record
      return
    }
  } catch (error) {
    if (!HarnessError.isInstance(error)) throw error
  }
  throw new UsageError('usage_invalid', `--out ${out} exists and is not a records file; merge replaces only a records file, so nothing of yours is overwritten: choose another file`)
}
