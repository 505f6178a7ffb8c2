import { randomBytes } from 'node:crypto'
import { join, resolve } from 'node:path'
import WebSocket from 'ws'
import type { CallRecord } from './call-record.ts'
import type { CallScript } from './call-script.ts'
import type { CreateCallTransport } from './call-transport.ts'
import { CallerAudio } from './audio/caller-audio.ts'
import { FrameScheduler } from './audio/frame-scheduler.ts'
import { claimOutputDirectory } from './claim-output-directory.ts'
import { HarnessError } from './harness-error.ts'
import { loadCallScripts } from './load-call-script.ts'
import type { TornLine } from './read-call-records.ts'
import { RecordsFile } from './records-file.ts'
import { RECORD_LIMITS } from './record-limits.ts'
import { redactRecord } from './redact-record.ts'
import { DEFAULT_REDACTION_PATTERNS } from './redact-text.ts'
import type { RedactionPattern } from './redact-text.ts'
import { runCall } from './run-call.ts'
import { isInShard, parseShard } from './select-shard.ts'
import type { Shard } from './select-shard.ts'
import { createTextTransport } from './text-transport.ts'
import { createTwilioTransport } from './twilio-transport.ts'
import { AgentEventLogReader, joinAgentEvents } from './agent-event-log.ts'
import type { SpeechRecognizer } from './speech/speech-recognizer.ts'
import { createAgentAudioTranscriber, offlineRecognizerForScripts } from './transcribe-agent-audio.ts'

export interface RunCallsOptions {
  /** Script files (YAML) or scripts already loaded with `loadCallScript`. Required. */
  scripts: ReadonlyArray<string | CallScript>
  /** The agent's WebSocket URL (`ws://` or `wss://`). Required. */
  agentUrl: string
  /** `text` (docs/protocol.md) or `twilio` (Media Streams). Default `text`. */
  protocol?: 'text' | 'twilio'
  /** Calls in flight at once. Default 8. */
  concurrency?: number
  /** How many times each script runs. Default 1. */
  repeat?: number
  /** Run only this shard, `{ index, total }` (1-based) or `"i/n"`. Default: all calls. */
  shard?: Shard | string
  /** Directory for `records.jsonl`: created if missing; an existing one must be empty or made by voxguard (see `claimOutputDirectory`). Nothing in it but `records.jsonl` is touched. Default `voxguard-out`. */
  outDir?: string
  /** Append to an existing `records.jsonl` instead of starting it anew. Default false. */
  append?: boolean
  /** Longest the agent may stay silent while a reply is due: before `ready`, before its first byte, or between two pieces of a reply. Default 10000. */
  turnTimeoutMs?: number
  /** Longest a whole call may take. Default 120000. */
  callTimeoutMs?: number
  /** After the last turn, how long to wait for the agent to hang up before the caller does. Default 500. */
  endGraceMs?: number
  /** Twilio: a reply is complete when its audio has played and no media came for this long. Default 600. */
  replyEndSilenceMs?: number
  /** Ramp-up: at least this long between two call starts (avoids a connection storm). Default 0. */
  startIntervalMs?: number
  /** Redact transcripts before writing: `true` (default patterns: phone numbers, e-mails), `false`, or your own patterns. Default true. */
  redact?: boolean | readonly RedactionPattern[]
  /** Values for `{{variables}}` that override the scripts' own. Default `{}`. */
  variables?: Record<string, string>
  /** Cancels the run: calls in flight stop and are not recorded. */
  signal?: AbortSignal
  /** With `append`: called when records.jsonl ended in a torn line (a killed run), which is dropped so no record is glued onto it. */
  onTornLine?: (torn: TornLine) => void
  /** Called with each record (redacted) right after it was written. */
  onRecord?: (record: CallRecord) => void
  /** Called once the scripts are loaded and sharded, with the number of calls to run. */
  onPlan?: (plan: { calls: number; scripts: number; scriptErrors: HarnessError[] }) => void
  /** Opens WebSockets (tests inject). Default `new WebSocket(url, { perMessageDeflate: false, maxPayload: RECORD_LIMITS.maxFrameBytes })`. */
  createWebSocket?: (url: string) => WebSocket
  /** Twilio: the real-time frame pacer shared by all calls (pass one to read its `stats()`). Default a new one. */
  frameScheduler?: FrameScheduler
  /**
   * Twilio: the recogniser that transcribes the agent's audio into each turn's `heardText`
   * (what the caller heard), or 'none'. Default: offline pocketsphinx with a language model
   * of each script's knowledge base (`createOpenAiSpeechRecognizer` from
   * `@voxguard/harness/speech` plugs in the same way).
   */
  recognizer?: SpeechRecognizer | 'none'
  /** The agent's event log (JSONL, docs/protocol.md): its events are joined into each record by call id / `callSid` as the call ends. Default: none. */
  agentEventLog?: string
  /** Overrides the transport (tests, custom protocols). Default by `protocol`. */
  createTransport?: CreateCallTransport
}

export interface RunCallsResult {
  runId: string
  /** Absolute path of `records.jsonl`. */
  recordsFile: string
  /** Calls run and recorded. */
  calls: number
  /** Calls whose transport failed (connect, dropped socket, timeout, protocol error). */
  failedCalls: number
  /** Scripts that did not load; the others ran. */
  scriptErrors: HarnessError[]
}

/**
 * Replays call scripts against an agent, many calls at once, and appends one record per
 * call to `outDir/records.jsonl` as each call ends. Agent failures are recorded, never
 * thrown; bad scripts are returned in `scriptErrors` and the other scripts still run.
 *
 * @example
 * const result = await runCalls({ scripts: ['e2e/scripts/hours.yaml'], agentUrl: 'ws://127.0.0.1:8080/voxguard' })
 * console.log(`${result.failedCalls}/${result.calls} calls failed; records in ${result.recordsFile}`)
 */
export async function runCalls(options: RunCallsOptions): Promise<RunCallsResult> {
  const settings = resolveOptions(options)
  await claimOutputDirectory(settings.outDir)
  const files = options.scripts.filter((script): script is string => typeof script === 'string')
  const loaded = await loadCallScripts(files, { variables: settings.variables })
  const scripts = [...options.scripts.filter((script): script is CallScript => typeof script !== 'string'), ...loaded.scripts]
  const runId = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`
  const units: Array<{ script: CallScript; repeat: number }> = []
  for (let repeat = 1; repeat <= settings.repeat; repeat++) {
    for (const script of scripts) if (!settings.shard || isInShard(script.id, repeat, settings.shard)) units.push({ script, repeat })
  }
  options.onPlan?.({ calls: units.length, scripts: scripts.length, scriptErrors: loaded.errors })

  const recordsFile = new RecordsFile(join(settings.outDir, 'records.jsonl'), { append: settings.append, ...(options.onTornLine ? { onTornLine: options.onTornLine } : {}) })
  const callerAudio = new CallerAudio()
  const frameScheduler = options.frameScheduler ?? new FrameScheduler()
  const recognizer = options.recognizer ?? (settings.protocol === 'twilio' ? undefined : 'none')
  const transcribe = recognizer === 'none' ? undefined : createAgentAudioTranscriber(recognizer ? async () => recognizer : offlineRecognizerForScripts(), options.signal)
  const agentEvents = options.agentEventLog ? new AgentEventLogReader(resolve(options.agentEventLog)) : undefined
  let calls = 0
  let failedCalls = 0
  let next = 0
  let nextStartAtMs = performance.now()
  const worker = async () => {
    while (next < units.length && !options.signal?.aborted) {
      const { script, repeat } = units[next++]!
      if (settings.startIntervalMs > 0) {
        const startAtMs = Math.max(performance.now(), nextStartAtMs)
        nextStartAtMs = startAtMs + settings.startIntervalMs
        await sleep(startAtMs - performance.now(), options.signal)
      }
      const record = await runCall(script, {
        callId: `${script.id}#${repeat}-${runId}`,
        runId,
        agentUrl: options.agentUrl,
        protocol: settings.protocol,
        repeat,
        ...(settings.shard ? { shard: settings.shard } : {}),
        turnTimeoutMs: settings.turnTimeoutMs,
        callTimeoutMs: settings.callTimeoutMs,
        endGraceMs: settings.endGraceMs,
        replyEndSilenceMs: settings.replyEndSilenceMs,
        createTransport: settings.createTransport,
        createWebSocket: options.createWebSocket ?? defaultWebSocket,
        callerAudio,
        frameScheduler,
        ...(transcribe ? { transcribe } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      })
      if (options.signal?.aborted) break
      const withEvents = agentEvents ? joinAgentEvents(record, agentEvents.read().eventsOf(record)) : record
      const written = settings.redactPatterns ? redactRecord(withEvents, settings.redactPatterns) : withEvents
      recordsFile.write(written)
      calls++
      if (written.failure) failedCalls++
      options.onRecord?.(written)
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(settings.concurrency, units.length) }, worker))
  } finally {
    recordsFile.close()
  }
  return { runId, recordsFile: recordsFile.path, calls, failedCalls, scriptErrors: loaded.errors }
}

function resolveOptions(options: RunCallsOptions) {
  const invalid = (name: string, expected: string, got: unknown) => new HarnessError('option_invalid', `runCalls option ${name}: expected ${expected}, got ${JSON.stringify(got)}`, { option: name, expected, received: got })
  const integer = (name: string, value: number | undefined, fallback: number, min: number) => {
    const result = value ?? fallback
    if (!Number.isInteger(result) || result < min) throw invalid(name, `an integer >= ${min}`, value)
    return result
  }
  if (!Array.isArray(options.scripts)) throw invalid('scripts', 'a list of script files or loaded scripts', options.scripts)
  let url: URL
  try {
    url = new URL(options.agentUrl)
  } catch {
    throw invalid('agentUrl', 'a ws:// or wss:// URL', options.agentUrl)
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw invalid('agentUrl', 'a ws:// or wss:// URL', options.agentUrl)
  const protocol = options.protocol ?? 'text'
  if (protocol !== 'text' && protocol !== 'twilio') throw invalid('protocol', '"text" or "twilio"', options.protocol)
  let shard: Shard | undefined
  try {
    shard = typeof options.shard === 'string' ? parseShard(options.shard) : options.shard
  } catch (error) {
    throw new HarnessError('option_invalid', `runCalls option ${(error as Error).message}`, { cause: error, option: 'shard', expected: '"i/n" with 1 <= i <= n (e.g. "2/4")', received: options.shard })
  }
  if (shard && !(Number.isInteger(shard.index) && Number.isInteger(shard.total) && shard.index >= 1 && shard.index <= shard.total)) throw invalid('shard', '{ index, total } with 1 <= index <= total', shard)
  const redact = options.redact ?? true
  return {
    protocol,
    concurrency: integer('concurrency', options.concurrency, 8, 1),
    repeat: integer('repeat', options.repeat, 1, 1),
    shard,
    outDir: resolve(options.outDir ?? 'voxguard-out'),
    append: options.append ?? false,
    turnTimeoutMs: integer('turnTimeoutMs', options.turnTimeoutMs, 10_000, 1),
    callTimeoutMs: integer('callTimeoutMs', options.callTimeoutMs, 120_000, 1),
    endGraceMs: integer('endGraceMs', options.endGraceMs, 500, 0),
    startIntervalMs: integer('startIntervalMs', options.startIntervalMs, 0, 0),
    replyEndSilenceMs: integer('replyEndSilenceMs', options.replyEndSilenceMs, 600, 1),
    redactPatterns: redact === true ? DEFAULT_REDACTION_PATTERNS : redact === false ? undefined : redact,
    variables: options.variables ?? {},
    createTransport: options.createTransport ?? (protocol === 'twilio' ? createTwilioTransport : createTextTransport),
  }
}

function defaultWebSocket(url: string): WebSocket {
  return new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: 10_000, maxPayload: RECORD_LIMITS.maxFrameBytes })
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}
