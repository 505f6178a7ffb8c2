import type { AgentEventRecord, CallFailure, CallFailureKind, CallRecord, TurnRecord } from '../call-record.ts'
import type { AgentSignal, CallTransport } from '../call-transport.ts'
import { RECORD_LIMITS } from '../record-limits.ts'

/** How a wait ended: its condition held, its time ran out, or the call ended first. */
export type Wait = 'ok' | 'timeout' | 'ended'

/**
 * What one call has recorded so far, and the waits the script player needs: the turns,
 * agent events and transport facts that signals from the transport fill in; how and why
 * the call ended. `runCall` owns one per call.
 */
export class CallState {
  readonly turns: TurnRecord[] = [newTurn(0, 0)]
  readonly events: AgentEventRecord[] = []
  readonly transportInfo: CallRecord['transport'] = {}
  failure: CallFailure | undefined
  endedBy: CallRecord['endedBy'] | undefined
  ready = false
  /** The scripted turn in progress (0 = the greeting). */
  currentTurn = 0
  transport: CallTransport | undefined
  readonly #replyStarted = new Set<number>()
  readonly #replyEnded = new Set<number>()
  readonly #lastActivityAtMs = new Map<number, number>()
  readonly #waiters = new Set<() => void>()
  // Set once the record is being built: a socket event after that (the close handshake of a
  // socket the harness closed) must not change a record that is already written.
  #settled = false
  readonly #turnTimeoutMs: number
  /** The call's time in ms since it started. */
  readonly clock: () => number

  constructor(clock: () => number, turnTimeoutMs: number) {
    this.clock = clock
    this.#turnTimeoutMs = turnTimeoutMs
  }

  get ended(): boolean {
    return this.endedBy !== undefined
  }

  /** Ends the call (once): `by` whom, and for a failure its kind and message. */
  end(by: CallRecord['endedBy'], kind?: CallFailureKind, message?: string, extra: Partial<CallFailure> = {}): void {
    if (this.ended) return
    this.endedBy = by
    if (kind) this.failure = { kind, message: message ?? kind, turn: this.currentTurn, atMs: this.clock(), ...lastMessageOf(this.transport), ...extra }
    this.#notify()
    // A failed call (timeout, abort, transport error) closes now: a caller action in progress
    // (a long silence, audio still streaming) then ends instead of running to its end.
    if (kind) this.transport?.close()
  }

  /** Stops taking signals: the record is being built. */
  settle(): void {
    this.#settled = true
  }

  /** Starts the record of scripted turn `index`, sent at `sentAtMs`. */
  startTurn(index: number, sentAtMs: number): TurnRecord {
    const turn = newTurn(index, sentAtMs)
    this.turns.push(turn)
    this.currentTurn = index
    return turn
  }

  replyStarted(turn: number): boolean {
    return this.#replyStarted.has(turn)
  }

  /** Applies one signal from the transport to the record. */
  readonly onSignal = (signal: AgentSignal): void => {
    if (this.#settled || (this.ended && signal.type !== 'closed')) return
    switch (signal.type) {
      case 'ready':
        this.ready = true
        this.turns[0]!.sentAtMs = signal.startSentAtMs
        break
      case 'reply-activity': {
        const turn = this.turns[signal.turn]
        if (!turn) break
        this.#replyStarted.add(signal.turn)
        this.#lastActivityAtMs.set(signal.turn, Math.max(signal.atMs, signal.activeUntilMs ?? 0))
        turn.agent.firstByteMs ??= round(signal.atMs - turn.sentAtMs)
        if (signal.text !== undefined) {
          if (turn.agent.text.length + signal.text.length > RECORD_LIMITS.maxTextChars) {
            this.end('error', 'protocol_error', `agent reply in turn ${signal.turn} is longer than ${RECORD_LIMITS.maxTextChars} characters (the record limit)`)
            break
          }
          turn.agent.text += signal.text
          turn.agent.deltaCount++
        }
        break
      }
      case 'reply-end': {
        const turn = this.turns[signal.turn]
        if (!turn) break
        this.#replyStarted.add(signal.turn)
        this.#replyEnded.add(signal.turn)
        turn.agent.firstByteMs ??= round(signal.atMs - turn.sentAtMs)
        turn.agent.completeMs = round(signal.atMs - turn.sentAtMs)
        if (signal.text !== undefined && signal.text.length > RECORD_LIMITS.maxTextChars) {
          this.end('error', 'protocol_error', `agent reply in turn ${signal.turn} is longer than ${RECORD_LIMITS.maxTextChars} characters (the record limit)`)
          break
        }
        if (signal.text !== undefined) turn.agent.text = signal.text
        if (signal.interrupted) turn.agent.interrupted = true
        break
      }
      case 'tool-call':
        if ((this.turns[signal.turn]?.agent.toolCalls.length ?? 0) >= RECORD_LIMITS.maxEvents) {
          this.end('error', 'protocol_error', `agent sent more than ${RECORD_LIMITS.maxEvents} tool calls in turn ${signal.turn} (the record limit)`)
          break
        }
        this.turns[signal.turn]?.agent.toolCalls.push({ name: signal.name, arguments: signal.arguments, ...('result' in signal ? { result: signal.result } : {}), atMs: signal.atMs })
        break
      case 'agent-event':
        if (this.events.length >= RECORD_LIMITS.maxEvents) {
          this.end('error', 'protocol_error', `agent sent more than ${RECORD_LIMITS.maxEvents} events in one call (the record limit)`)
          break
        }
        this.events.push({ name: signal.name, ...(signal.data ? { data: signal.data } : {}), atMs: signal.atMs, turn: signal.turn })
        break
      case 'agent-hangup':
        this.end('agent')
        break
      case 'closed':
        this.transportInfo.closeCode = signal.code
        if (signal.reason) this.transportInfo.closeReason = signal.reason
        this.end('error', 'socket_dropped', `agent closed the socket (code ${signal.code}) before the call ended`, { closeCode: signal.code, ...(signal.reason ? { closeReason: signal.reason } : {}) })
        break
      case 'failure':
        this.end(signal.kind === 'turn_timeout' || signal.kind === 'call_timeout' ? 'harness' : 'error', signal.kind, signal.message)
        break
    }
    this.#notify()
  }

  /** Resolves when `condition` holds, the call ends, or `timeoutMs` passes. */
  waitFor(condition: () => boolean, timeoutMs: number): Promise<Wait> {
    return new Promise((resolve) => {
      const check = () => {
        const result: Wait | undefined = this.ended ? 'ended' : condition() ? 'ok' : undefined
        if (result) finish(result)
      }
      const finish = (result: Wait) => {
        clearTimeout(timer)
        this.#waiters.delete(check)
        resolve(result)
      }
      const timer = setTimeout(() => finish(this.ended ? 'ended' : condition() ? 'ok' : 'timeout'), Math.max(0, timeoutMs))
      this.#waiters.add(check)
      check()
    })
  }

  /** Waits for the reply to `turn` to end; times out after turnTimeoutMs without any output. */
  async waitForReplyEnd(turn: TurnRecord): Promise<Wait> {
    for (;;) {
      const since = this.#lastActivityAtMs.get(turn.index) ?? turn.sentAtMs
      const remainingMs = since + this.#turnTimeoutMs - this.clock()
      if (remainingMs <= 0) return this.#replyEnded.has(turn.index) ? 'ok' : 'timeout'
      const result = await this.waitFor(() => this.#replyEnded.has(turn.index), remainingMs)
      if (result !== 'timeout') return result
    }
  }

  sleepUntil(atMs: number): Promise<Wait> {
    return this.waitFor(() => this.clock() >= atMs, atMs - this.clock() + 1)
  }

  /** Ends the call as a turn timeout: `what` the agent did not do in time. */
  turnTimeout(turn: TurnRecord, what: string): void {
    turn.timedOut = true
    this.end('harness', 'turn_timeout', `${what} within turnTimeoutMs ${this.#turnTimeoutMs} (longest silence while a reply is due)`)
  }

  // Runs on every agent signal (each media frame in Twilio mode): iterates the set itself, no copy; a waiter only removes itself.
  #notify(): void {
    for (const waiter of this.#waiters) waiter()
  }
}

function newTurn(index: number, sentAtMs: number): TurnRecord {
  return { index, sentAtMs, agent: { text: '', deltaCount: 0, toolCalls: [] }, timedOut: false }
}

function lastMessageOf(transport: CallTransport | undefined): Partial<CallFailure> {
  const lastMessage = transport?.lastMessage()
  return lastMessage === undefined ? {} : { lastMessage }
}

/** Rounds a time to 0.01 ms, as records keep times. */
export function round(value: number): number {
  return Math.round(value * 100) / 100
}
