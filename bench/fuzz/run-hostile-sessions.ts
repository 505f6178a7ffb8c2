// The session driver of the hostile-agent runs (text: hostile-agent-sessions.ts, Twilio:
// hostile-twilio-sessions.ts): a WebSocket agent that misbehaves one way per call (the
// behaviour is the `b` query parameter), `runCalls` against it behaviour by behaviour, and
// the checks: every call recorded, none outliving its timeout, every failure naming the
// agent's offending frame, each behaviour ending the way it must.
import { mkdtempSync, writeFileSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import { readCallRecordsFile, runCalls, type CallFailure, type RunCallsOptions } from '@voxguard/harness'

export interface HostileAgent<Behaviour extends string> {
  protocol: 'text' | 'twilio'
  behaviours: readonly Behaviour[]
  /** Plays one call's side of the agent. */
  behave(socket: WebSocket, behaviour: Behaviour, request: IncomingMessage): void
  /** The script body after its `id:` line (the same for every behaviour). */
  script: string
  /** Files the script names (e.g. caller audio), written beside it. */
  files?: Record<string, Buffer | string>
  /** Timeouts and pacing for `runCalls`. */
  options: Pick<RunCallsOptions, 'turnTimeoutMs' | 'callTimeoutMs' | 'endGraceMs' | 'replyEndSilenceMs' | 'concurrency'>
  /** The failure kinds (or `ok`) each behaviour may end with; another outcome is counted as unexpected. */
  outcomes?: Readonly<Record<Behaviour, readonly string[]>>
  /** Whether a failure names the agent's offending frame; default: a message, and for a protocol_error the frame kept as `lastMessage`. */
  namesFrame?(failure: CallFailure, behaviour: Behaviour): boolean
}

export interface HostileFigures {
  sessions: number
  recorded: number
  /** `behaviour → outcome`: how many calls. */
  failures: Record<string, number>
  unnamedFailures: number
  /** Calls that outlived their call timeout by more than 2 s, or were never recorded because the run had to be aborted. */
  hangs: number
  /** Outcomes outside the behaviour's `outcomes`, as `behaviour → outcome: message`. */
  unexpected: string[]
  elapsedMs: number
}

const namesFrameByDefault = (failure: CallFailure) => failure.message.trim() !== '' && (failure.kind !== 'protocol_error' || (failure.lastMessage ?? '') !== '')

/** Runs `sessions` calls, behaviours in turn (the same number each), against the hostile agent. */
export async function runHostileSessions<Behaviour extends string>(agent: HostileAgent<Behaviour>, sessions: number): Promise<HostileFigures> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => server.once('listening', resolve))
  server.on('connection', (socket, request) => agent.behave(socket, (new URL(request.url ?? '/', 'ws://x').searchParams.get('b') ?? agent.behaviours[0]!) as Behaviour, request))
  const port = (server.address() as AddressInfo).port
  const root = mkdtempSync(join(tmpdir(), `fuzz-hostile-${agent.protocol}-`))
  for (const [name, content] of Object.entries(agent.files ?? {})) writeFileSync(join(root, name), content)
  const repeat = Math.ceil(sessions / agent.behaviours.length)
  const callTimeoutMs = agent.options.callTimeoutMs ?? 30_000
  const namesFrame = agent.namesFrame ?? namesFrameByDefault
  const figures: HostileFigures = { sessions: repeat * agent.behaviours.length, recorded: 0, failures: {}, unnamedFailures: 0, hangs: 0, unexpected: [], elapsedMs: 0 }
  const started = performance.now()
  try {
    for (const behaviour of agent.behaviours) {
      const file = join(root, `${behaviour}.yaml`)
      writeFileSync(file, `id: ${behaviour}\n${agent.script}`)
      // A run that outlives every call's timeout several times over is stuck: abort it, count the calls it never recorded as hangs.
      const watchdog = AbortSignal.timeout((Math.ceil(repeat / (agent.options.concurrency ?? 8)) + 2) * callTimeoutMs * 3)
      const result = await runCalls({ scripts: [file], agentUrl: `ws://127.0.0.1:${port}/${agent.protocol}?b=${behaviour}`, protocol: agent.protocol, repeat, ...agent.options, outDir: join(root, `out-${behaviour}`), signal: watchdog })
      const records = await readCallRecordsFile(result.recordsFile)
      figures.recorded += records.length
      if (watchdog.aborted) figures.hangs += repeat - records.length
      for (const record of records) {
        const outcome = record.failure?.kind ?? 'ok'
        const key = `${behaviour} → ${outcome}`
        figures.failures[key] = (figures.failures[key] ?? 0) + 1
        if (record.durationMs > callTimeoutMs + 2000) figures.hangs += 1
        if (record.failure && !namesFrame(record.failure, behaviour)) figures.unnamedFailures += 1
        if (agent.outcomes && !agent.outcomes[behaviour].includes(outcome)) figures.unexpected.push(`${key}: ${record.failure?.message ?? ''}`.slice(0, 300))
      }
    }
  } finally {
    for (const client of server.clients) client.terminate()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  figures.elapsedMs = performance.now() - started
  return figures
}
