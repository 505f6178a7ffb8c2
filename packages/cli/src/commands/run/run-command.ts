import { resolve } from 'node:path'
import { expandScriptPaths, HarnessError, runCalls } from '@voxguard/harness'
import { createOpenAiSpeechRecognizer } from '@voxguard/harness/speech'
import { loadSloFile } from '@voxguard/sli'
import type { Command } from '../../command.ts'
import { UsageError } from '../../usage-error.ts'
import { parseIntegerOption } from '../../parse-integer-option.ts'
import { judgeAndReport } from './judge-and-report.ts'
import { createProgressReporter } from './progress-reporter.ts'
import { parseCommandArgs } from '../../parse-command-args.ts'

const usage = `usage: voxguard run <scripts…> --agent ws://HOST:PORT/PATH [options]

scripts: call-script files, folders (their *.yaml) or quoted globs ('e2e/scripts/ja-*.yaml').

Replays call scripts (YAML) against a voice agent, many calls at once, and appends one
record per call to DIR/records.jsonl as each call ends. An invalid script is reported
(file:line:column field) and the other scripts still run.

options:
  --agent URL              the agent's WebSocket URL (required)
  --protocol text|twilio   text protocol (docs/protocol.md) or Twilio Media Streams (default text);
                           twilio speaks turns without an audio file with espeak-ng + sox
  --concurrency N          calls at once (default 8)
  --repeat K               runs per script (default 1)
  --shard i/n              run only shard i of n (1-based, deterministic)
  --out DIR                output directory (default voxguard-out)
  --append                 append to DIR/records.jsonl instead of starting it anew
  --turn-timeout-ms MS     longest silence while a reply is due (default 10000)
  --call-timeout-ms MS     longest call (default 120000)
  --var NAME=VALUE         set a script variable (repeatable)
  --agent-events FILE      the agent's event log (JSONL, docs/protocol.md): its events are joined
                           into each record by call id / Twilio callSid (the log may still be
                           being written: what is there when a call ends is joined)
  --recognizer NAME        twilio: what transcribes the agent's audio into heardText:
                           pocketsphinx (default, offline, a language model of each script's
                           knowledge base), openai (OPENAI_API_KEY required) or none
  --no-redact              keep phone numbers and e-mail addresses in transcripts
  --report                 then judge every call (DIR/verdicts.jsonl), write run.json and the
                           reports (report.html, summary.json, junit.xml, metrics.prom) and print
                           the SLI table; the same as voxguard judge + voxguard report
  --slo FILE               with --report: check the objectives of this SLO file (version 2)

examples:
  voxguard run e2e/scripts/*.yaml --agent ws://127.0.0.1:8080/text --out reports/e2e
  voxguard run e2e/scripts/address.yaml --agent ws://127.0.0.1:8080/twilio --protocol twilio

exit codes:
  0    every call ran to its end (whether the agent's answers were right is for voxguard judge)
  1    a call failed at the transport level (refused, dropped, timed out, protocol error)
       or a script was invalid
       (--report: or an objective is broken or has no data)
  2    bad command line
  130  interrupted (Ctrl-C, SIGTERM): the calls that finished are in records.jsonl`

/** runCalls option → the flag that sets it, where they differ. */
const OPTION_FLAGS: Record<string, string> = { agentUrl: 'agent', turnTimeoutMs: 'turn-timeout-ms', callTimeoutMs: 'call-timeout-ms' }

export const runCommand: Command = {
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
        agent: { type: 'string' },
        protocol: { type: 'string' },
        concurrency: { type: 'string' },
        repeat: { type: 'string' },
        shard: { type: 'string' },
        out: { type: 'string' },
        append: { type: 'boolean' },
        'turn-timeout-ms': { type: 'string' },
        'call-timeout-ms': { type: 'string' },
        var: { type: 'string', multiple: true },
        'no-redact': { type: 'boolean' },
        'agent-events': { type: 'string' },
        recognizer: { type: 'string' },
        report: { type: 'boolean' },
        slo: { type: 'string' },
      })
    if (positionals.length === 0) throw new UsageError('usage_invalid', 'no call scripts given')
    if (!values.agent) throw new UsageError('usage_invalid', '--agent is required (e.g. --agent ws://127.0.0.1:8080/text)')
    if (values.protocol !== undefined && values.protocol !== 'text' && values.protocol !== 'twilio') throw new UsageError('usage_invalid', `--protocol: expected text or twilio, got "${values.protocol}"`)
    const recognizerName = values.recognizer ?? 'pocketsphinx'
    if (!['pocketsphinx', 'openai', 'none'].includes(recognizerName)) throw new UsageError('usage_invalid', `--recognizer: expected pocketsphinx, openai or none, got "${recognizerName}"`)
    if (recognizerName === 'openai' && !io.env.OPENAI_API_KEY) throw new UsageError('usage_invalid', '--recognizer openai needs the environment variable OPENAI_API_KEY')
    const recognizer = recognizerName === 'none' ? 'none' : recognizerName === 'openai' ? createOpenAiSpeechRecognizer({ apiKey: io.env.OPENAI_API_KEY ?? '' }) : undefined
    const variables: Record<string, string> = {}
    for (const assignment of values.var ?? []) {
      const match = /^([A-Za-z_][\w.-]*)=(.*)$/s.exec(assignment)
      if (!match) throw new UsageError('usage_invalid', `--var: expected NAME=VALUE, got "${assignment}"`)
      variables[match[1]!] = match[2]!
    }
    if (values.slo && !values.report) throw new UsageError('usage_invalid', '--slo needs --report (objectives are checked on the judged calls)', { option: 'slo' })
    const sloFile = values.slo ? resolve(values.slo) : undefined
    // Checked before any call runs: a typo in the SLO file costs nothing.
    if (sloFile) await loadSloFile(sloFile)
    const runStartedAt = new Date().toISOString()
    const reporter = createProgressReporter(io.stdout, io.stderr, io.env)
    const startedAt = performance.now()
    const concurrency = parseIntegerOption(values.concurrency, 'concurrency', 1)
    const repeat = parseIntegerOption(values.repeat, 'repeat', 1)
    const turnTimeoutMs = parseIntegerOption(values['turn-timeout-ms'], 'turn-timeout-ms', 1)
    const callTimeoutMs = parseIntegerOption(values['call-timeout-ms'], 'call-timeout-ms', 1)
    let result
    try {
      result = await runCalls({
        scripts: await expandScriptPaths(positionals),
        agentUrl: values.agent,
        protocol: (values.protocol as 'text' | 'twilio' | undefined) ?? 'text',
        ...(concurrency !== undefined ? { concurrency } : {}),
        ...(repeat !== undefined ? { repeat } : {}),
        ...(values.shard !== undefined ? { shard: values.shard } : {}),
        outDir: values.out ?? 'voxguard-out',
        append: values.append ?? false,
        ...(turnTimeoutMs !== undefined ? { turnTimeoutMs } : {}),
        ...(callTimeoutMs !== undefined ? { callTimeoutMs } : {}),
        redact: !values['no-redact'],
        ...(recognizer ? { recognizer } : {}),
        ...(values['agent-events'] ? { agentEventLog: values['agent-events'] } : {}),
        variables,
        signal: io.signal,
        onPlan: (plan) => reporter.plan(plan.calls, plan.scriptErrors),
        onRecord: (record) => reporter.record(record),
        onTornLine: (torn) => io.stderr.write(`warning: ${torn.file}:${torn.line}: dropped a torn last line (${torn.bytes} bytes, left by a run killed while writing it) before appending\n`),
      })
    } catch (error) {
      if (HarnessError.isInstance(error) && error.code === 'option_invalid' && error.option !== undefined) {
        // The harness names its option (agentUrl); the user typed the flag (--agent).
        const flag = OPTION_FLAGS[error.option] ?? error.option
        throw new UsageError('usage_invalid', `--${flag}: expected ${error.expected ?? 'another value'}, got ${JSON.stringify(error.received)}`, { option: flag, cause: error })
      }
      throw error
    }
    const interruptedBy = io.signal.aborted ? (io.signal.reason instanceof Error ? io.signal.reason.message : 'aborted') : undefined
    reporter.finish({ calls: result.calls, failedCalls: result.failedCalls, recordsFile: result.recordsFile, elapsedMs: performance.now() - startedAt, ...(interruptedBy ? { interruptedBy } : {}) })
    if (io.signal.aborted) return 130
    const transportOk = result.failedCalls === 0 && result.scriptErrors.length === 0
    if (values.report) {
      const options = { protocol: values.protocol ?? 'text', repeat: repeat ?? 1, concurrency: concurrency ?? 8, scripts: positionals.length, ...(values.shard ? { shard: values.shard } : {}) }
      const ok = await judgeAndReport(result, { startedAt: runStartedAt, endedAt: new Date().toISOString(), options, ...(sloFile ? { sloFile } : {}) }, io)
      return ok && transportOk ? 0 : 1
    }
    return transportOk ? 0 : 1
  },
}
