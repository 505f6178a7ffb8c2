import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { mergeRecords } from '@voxguard/harness'
import type { Command } from '../../command.ts'
import { UsageError } from '../../usage-error.ts'

const usage = `usage: voxguard merge <records.jsonl…> --out FILE

Joins the records of several runs or shards into one JSONL file: deduplicated by callId,
sorted by script, repeat and start time.`

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'join shard outputs (records.jsonl) into one file',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { out: { type: 'string' } } })
    if (positionals.length === 0) throw new UsageError('usage_invalid', 'no records files given')
    if (!values.out) throw new UsageError('usage_invalid', '--out FILE is required')
    const records = await mergeRecords(positionals)
    const out = resolve(values.out)
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(out, records.map((record) => `${JSON.stringify(record)}\n`).join(''))
    io.stdout.write(`merged ${records.length} records from ${positionals.length} file${positionals.length === 1 ? '' : 's'} into ${out}\n`)
    return 0
  },
}
