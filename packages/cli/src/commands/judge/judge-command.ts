import { dirname, join, resolve } from 'node:path'
import { claimOutputDirectory } from '@voxguard/harness'
import { judgeRecords, summarizeVerdicts, VerdictsFile } from '@voxguard/judge'
import type { Command } from '../../command.ts'
import { UsageError } from '../../usage-error.ts'
import { formatJudgeSummary } from './format-judge-summary.ts'
import { parseCommandArgs } from '../../parse-command-args.ts'

const usage = `usage: voxguard judge <records.jsonl> [--out DIR] [--knowledge FILE] [--vocabulary FILE] [--agent-events FILE]

Judges every recorded call: pass/fail, system or dialogue factor, reasons with evidence,
hallucination findings. Writes DIR/verdicts.jsonl (one line per call, as each is judged)
and prints a summary.

options:
  --out DIR          where verdicts.jsonl goes (default: the records file's folder); like
                     run --out, a non-empty folder voxguard did not make is refused
  --knowledge FILE   knowledge base for every call (default: each record's knowledgeBase, read once per path)
  --vocabulary FILE  more trade words, YAML or JSON: term → words in any language (e.g.
                     cleaning: [scaling, クリーニング]), extending the knowledge base's own
                     vocabulary section; default: none (the built-in words and that section)
  --agent-events FILE  the agent's event log (JSONL, docs/protocol.md), joined into each record
                     by call id / Twilio callSid: what the agent heard (asr.result) and meant
                     to say (reply.text) on audio calls

exit code: 0 every call passed, 1 a call failed, 2 bad command line or input.`

/**
 * `voxguard judge records.jsonl [--out DIR] [--knowledge FILE] [--vocabulary FILE]`.
 *
 * @example
 * process.exitCode = await judgeCommand.run(['reports/records.jsonl', '--out', 'reports'], io)
 */
export const judgeCommand: Command = {
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string' }, knowledge: { type: 'string' }, vocabulary: { type: 'string' }, 'agent-events': { type: 'string' } })
    const [recordsFile, ...extra] = positionals
    if (!recordsFile || extra.length > 0) throw new UsageError('usage_invalid', `give exactly one records file (got ${positionals.length})`)
    // An --out folder of the user's choosing gets the same check as `run --out`; by default the
    // verdicts go beside the records (a run folder), replacing only an earlier verdicts.jsonl.
    const outDirectory = values.out ? await claimOutputDirectory(values.out) : dirname(resolve(recordsFile))
    const verdictsFile = join(outDirectory, 'verdicts.jsonl')
    const output = new VerdictsFile(verdictsFile)
    try {
      const verdicts = await judgeRecords(recordsFile, {
        ...(values.knowledge ? { knowledgeFile: values.knowledge } : {}),
        ...(values.vocabulary ? { vocabularyFile: values.vocabulary } : {}),
        ...(values['agent-events'] ? { agentEventsFile: values['agent-events'] } : {}),
        signal: io.signal,
        onTornLine: (torn) => io.stderr.write(`warning: ${torn.file}:${torn.line}: skipped a torn last line (${torn.bytes} bytes, a run killed while writing it); the complete calls before it are judged\n`),
        onVerdict: (verdict) => output.write(verdict),
      })
      const summary = summarizeVerdicts(verdicts)
      io.stdout.write(`${formatJudgeSummary(summary, verdicts)}\nverdicts: ${verdictsFile}\n`)
      return summary.failed > 0 ? 1 : 0
    } finally {
      output.close()
    }
  },
}
