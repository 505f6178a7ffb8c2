import { createWriteStream, type WriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { judgeRecords, summarizeVerdicts, type Verdict } from '@voxguard/judge'
import { formatJudgeSummary } from './format-judge-summary.ts'

export const judgeUsage = `Usage: voxguard judge <records.jsonl> [--out DIR] [--knowledge FILE]

Judges every recorded call: pass/fail, system or dialogue factor, reasons with evidence,
hallucination findings. Writes DIR/verdicts.jsonl (one line per call, as each is judged)
and prints a summary.

Options:
  --out DIR          where verdicts.jsonl goes (default: the records file's folder)
  --knowledge FILE   knowledge base for every call (default: each record's knowledgeBase)
  --help             show this help

Exit status: 0 when every call passed, 1 when any call failed, 2 on bad input.`

export interface CommandIo {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown }
  signal?: AbortSignal
}

function write(stream: WriteStream, line: string): Promise<void> {
  return new Promise((resolveWrite, reject) => {
    stream.write(line, (error) => (error ? reject(error) : resolveWrite()))
  })
}

/**
 * `voxguard judge records.jsonl [--out DIR] [--knowledge FILE]`. Returns the exit status.
 *
 * @example
 * process.exitCode = await judgeCommand(process.argv.slice(3), { stdout: process.stdout, stderr: process.stderr })
 */
export async function judgeCommand(argv: string[], io: CommandIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: { out: { type: 'string' }; knowledge: { type: 'string' }; help: { type: 'boolean' } }; allowPositionals: true }>>
  try {
    parsed = parseArgs({ args: argv, options: { out: { type: 'string' }, knowledge: { type: 'string' }, help: { type: 'boolean' } }, allowPositionals: true })
  } catch (error) {
    io.stderr.write(`voxguard judge: ${(error as Error).message}\n\n${judgeUsage}\n`)
    return 2
  }
  if (parsed.values.help) {
    io.stdout.write(`${judgeUsage}\n`)
    return 0
  }
  const [recordsFile, ...extra] = parsed.positionals
  if (!recordsFile || extra.length > 0) {
    io.stderr.write(`voxguard judge: give exactly one records file (got ${parsed.positionals.length})\n\n${judgeUsage}\n`)
    return 2
  }
  const outDirectory = resolve(parsed.values.out ?? join(resolve(recordsFile), '..'))
  const verdictsFile = join(outDirectory, 'verdicts.jsonl')
  let output: WriteStream | undefined
  try {
    await mkdir(outDirectory, { recursive: true })
    output = createWriteStream(verdictsFile, { flags: 'w' })
    const stream = output
    const verdicts: Verdict[] = await judgeRecords(recordsFile, {
      ...(parsed.values.knowledge ? { knowledgeFile: parsed.values.knowledge } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      onVerdict: (verdict) => write(stream, `${JSON.stringify(verdict)}\n`),
    })
    const summary = summarizeVerdicts(verdicts)
    io.stdout.write(`${formatJudgeSummary(summary, verdicts)}\nverdicts: ${verdictsFile}\n`)
    return summary.failed > 0 ? 1 : 0
  } catch (error) {
    io.stderr.write(`voxguard judge: ${(error as Error).message}\n`)
    return 2
  } finally {
    if (output) await new Promise<void>((resolveClose) => output?.end(resolveClose))
  }
}
