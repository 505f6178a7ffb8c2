import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { callScriptFromRecord, claimOutputDirectory, readTranscripts, renderCallScriptYaml, transcriptToCallRecord, type CallRecord } from '@voxguard/harness'
import { judgeRecords, summarizeVerdicts } from '@voxguard/judge'
import type { Command } from '../../command.ts'
import { parseIntegerOption } from '../../parse-integer-option.ts'
import { UsageError } from '../../usage-error.ts'
import { brokenLatencyBudget, hallucinatedClaims, selectCalls } from './select-calls.ts'
import { parseCommandArgs } from '../../parse-command-args.ts'

const usage = `usage: voxguard import FILE… [--out DIR] [--knowledge FILE] [--scripts DIR] [options]

Turns production transcripts into call records (DIR/records.jsonl), so \`voxguard judge\` and
\`voxguard report\` give production SLIs; with --scripts, judges them too (DIR/verdicts.jsonl)
and writes a regression call script per chosen call. FILE: an agent event log with utterance
lines (docs/protocol.md, "Production transcripts") or a Twilio Conversational Intelligence
transcript (its Sentences list, with the Transcript resource beside it as "transcript").

Privacy by default: phone numbers, e-mail addresses and card numbers are replaced in every
output ([phone], [email], [card]).

options:
  --out DIR              where records.jsonl (and verdicts.jsonl) go (default: ./production);
                         a non-empty folder voxguard did not make is refused
  --knowledge FILE       knowledge base the calls are judged against (the records name it)
  --from FORMAT          voxguard | twilio-intelligence (default: by content)
  --run-id ID            run id of the records (default: production-<date of the first call>)
  --scripts DIR          also judge the calls and write DIR/<id>.yaml for the chosen ones: the
                         caller's turns, the tools the agent called, neverSays for every claim
                         the judge found hallucinated, the latency budget a call broke; tagged
                         production, metadata.sourceCallId = the call id
  --only-failed          scripts only for calls the judge failed
  --sample N             scripts for at most N calls (a deterministic sample; with --only-failed, of those)
  --seed TEXT            changes which calls --sample picks (default: voxguard)
  --reply-within-ms N    latency budget written into every script (default: only the budget a call broke)
  --redact-names         also replace the names the caller gave ([name]): name arguments of tool
                         calls, "my name is …", "… と申します"
  --no-redact            write texts as they are (personal data included)

exit code: 0 done, 2 bad command line or input.`

/**
 * \`voxguard import FILE… [--out DIR] [--scripts DIR]\`: production transcripts to records and regression scripts.
 *
 * @example
 * process.exitCode = await importCommand.run(['logs/agent-events.jsonl', '--knowledge', 'kb.yaml', '--scripts', 'e2e/scripts/production', '--only-failed'], io)
 */
export const importCommand: Command = {
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
        out: { type: 'string' },
        knowledge: { type: 'string' },
        from: { type: 'string' },
        'run-id': { type: 'string' },
        scripts: { type: 'string' },
        'only-failed': { type: 'boolean' },
        sample: { type: 'string' },
        seed: { type: 'string' },
        'reply-within-ms': { type: 'string' },
        'redact-names': { type: 'boolean' },
        'no-redact': { type: 'boolean' },
      })
    if (positionals.length === 0) throw new UsageError('usage_invalid', 'give at least one transcript file')
    const from = values.from ?? 'auto'
    if (from !== 'auto' && from !== 'voxguard' && from !== 'twilio-intelligence') throw new UsageError('usage_invalid', `--from must be voxguard or twilio-intelligence (got "${from}")`)
    if (values['no-redact'] && values['redact-names']) throw new UsageError('usage_invalid', '--no-redact and --redact-names contradict each other: give one')
    if (!values.scripts && (values['only-failed'] || values.sample !== undefined)) throw new UsageError('usage_invalid', '--only-failed and --sample choose the calls that become scripts: give --scripts DIR too')
    const sample = parseIntegerOption(values.sample, 'sample', 1)
    const replyWithinMs = parseIntegerOption(values['reply-within-ms'], 'reply-within-ms', 1)
    const knowledgeBase = values.knowledge ? resolve(values.knowledge) : undefined

    const calls = await readTranscripts(positionals, { format: from, signal: io.signal })
    const firstAt = calls.map((call) => call.entries[0]?.at ?? '').sort()[0] ?? new Date().toISOString()
    const runId = values['run-id'] ?? `production-${firstAt.slice(0, 10)}`
    const redaction = values['no-redact'] ? 'off' : values['redact-names'] ? 'names' : 'default'
    const records: CallRecord[] = calls.map((call) => transcriptToCallRecord(call, { runId, redaction, ...(knowledgeBase ? { knowledgeBase } : {}) }))

    const outDirectory = await claimOutputDirectory(values.out ?? 'production')
    const recordsFile = join(outDirectory, 'records.jsonl')
    await writeFile(recordsFile, records.map((record) => `${JSON.stringify(record)}\n`).join(''))
    io.stdout.write(`imported ${records.length} calls from ${positionals.length} file(s)${redaction === 'off' ? ' (NOT redacted: --no-redact)' : ''}\nrecords: ${recordsFile}\n`)
    if (!values.scripts) return 0

    const verdicts = await judgeRecords(records, { ...(knowledgeBase ? { knowledgeFile: knowledgeBase } : {}), signal: io.signal })
    const verdictsFile = join(outDirectory, 'verdicts.jsonl')
    await writeFile(verdictsFile, verdicts.map((verdict) => `${JSON.stringify(verdict)}\n`).join(''))
    const summary = summarizeVerdicts(verdicts)
    io.stdout.write(`judged: ${summary.passed} passed, ${summary.failed} failed\nverdicts: ${verdictsFile}\n`)

    const scriptsDirectory = await claimOutputDirectory(values.scripts)
    const byId = new Map(records.map((record) => [record.callId, record]))
    const chosen = selectCalls(verdicts, { ...(values['only-failed'] ? { onlyFailed: true } : {}), ...(sample !== undefined ? { sample } : {}), ...(values.seed ? { seed: values.seed } : {}) })
    for (const verdict of chosen) {
      const record = byId.get(verdict.callId)!
      const budget = replyWithinMs ?? brokenLatencyBudget(verdict)
      const script = callScriptFromRecord(record, {
        neverSays: hallucinatedClaims(verdict),
        ...(budget !== undefined ? { replyWithinMs: budget } : {}),
        ...(knowledgeBase ? { knowledgeBase: relative(scriptsDirectory, knowledgeBase) } : {}),
      })
      const file = join(scriptsDirectory, `${script.id}.yaml`)
      await mkdir(dirname(file), { recursive: true })
      await writeFile(file, renderCallScriptYaml(script))
    }
    io.stdout.write(`scripts: ${chosen.length} in ${scriptsDirectory}\n`)
    return 0
  },
}
