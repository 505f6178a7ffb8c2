import type WebSocket from 'ws'
import type { RawData } from 'ws'
import type { CallFailureKind } from '../call-record.ts'
import type { CallTransportContext } from '../call-transport.ts'
import { truncateMessage } from '../call-transport.ts'
import { checkJsonBounds } from '../json-bounds.ts'
import { RECORD_LIMITS } from '../record-limits.ts'
import { describeSocketError } from './describe-socket-error.ts'

/** How long `close()` waits for the agent to finish the close handshake before terminating the socket. */
const CLOSE_HANDSHAKE_MS = 1000

export interface AgentSocketHandlers {
  /** The socket opened: send the opening messages. */
  onOpen(): void
  /** A JSON object frame from the agent (binary and non-object frames are protocol errors already). */
  onMessage(message: Record<string, unknown>, atMs: number): void
  /** The socket closed; runs before `closed` is emitted (when it had opened) and before waiters are released. */
  onClose?(code: number, reason: string, opened: boolean, atMs: number): void
  /** Runs on every `close()` call, first (stop timers and the like). */
  beforeClose?(): void
  /** The protocol error for a binary frame (each protocol says it its own way). */
  binaryFrameMessage: string
  /** The close reason the caller side sends. */
  closeReason: string
  /** The evidence kept for the last message, computed only when asked for (default: its text). */
  describeLastMessage?(message: Record<string, unknown>, text: string): string
}

/**
 * The WebSocket side both transports share: connecting (a refused connection, an upgrade
 * refused with an HTTP status or a throwing factory is a `connect_failed` failure), JSON
 * frames in (a binary or non-object frame is a `protocol_error`), sending only while open,
 * closing with a handshake then `terminate()` after 1 s, waiting for the close, and the
 * last message as failure evidence.
 */
export class AgentSocket {
  readonly #context: CallTransportContext
  readonly #handlers: AgentSocketHandlers
  #socket: WebSocket | undefined
  #opened = false
  #closed = false
  #closing = false
  #lastText: string | undefined
  #lastMessage: Record<string, unknown> | undefined
  readonly #closeWaiters = new Set<() => void>()

  constructor(context: CallTransportContext, handlers: AgentSocketHandlers) {
    this.#context = context
    this.#handlers = handlers
  }

  /** No socket (never opened, or the factory threw) or it has closed. */
  get isClosed(): boolean {
    return !this.#socket || this.#closed
  }

  /** Open and not closing: frames sent now reach the agent. */
  get isOpen(): boolean {
    return this.#socket !== undefined && this.#socket.readyState === this.#socket.OPEN
  }

  open(): void {
    const { clock, emit } = this.#context
    let socket: WebSocket
    try {
      socket = this.#context.createWebSocket(this.#context.agentUrl)
    } catch (error) {
      emit({ type: 'failure', atMs: clock(), kind: 'connect_failed', message: describeSocketError(error) })
      return
    }
    this.#socket = socket
    socket.on('open', () => {
      this.#opened = true
      this.#handlers.onOpen()
    })
    socket.on('unexpected-response', (_request, response) => {
      response.resume()
      this.fail('connect_failed', `agent refused the WebSocket upgrade: HTTP ${response.statusCode}`)
    })
    socket.on('error', (error) => {
      if (!this.#opened) emit({ type: 'failure', atMs: clock(), kind: 'connect_failed', message: describeSocketError(error) })
      // ws refuses a frame over maxPayload (closing with 1009): the agent's fault, recorded as such.
      else if ((error as { code?: string }).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        // The evidence is the frame's size: ws refused it unread.
        this.#lastText = `(a frame over ${RECORD_LIMITS.maxFrameBytes} bytes, refused unread)`
        this.#lastMessage = undefined
        this.fail('protocol_error', `agent sent a frame larger than ${RECORD_LIMITS.maxFrameBytes} bytes`)
      }
    })
    socket.on('message', this.#onFrame)
    socket.on('close', (code, reasonBuffer) => {
      this.#closed = true
      const atMs = clock()
      const reason = reasonBuffer.toString()
      this.#handlers.onClose?.(code, reason, this.#opened, atMs)
      if (this.#opened) emit({ type: 'closed', atMs, code, reason })
      for (const waiter of this.#closeWaiters) waiter()
      this.#closeWaiters.clear()
    })
  }

  /** Sends a text frame if the socket is open (else drops it: the call is ending). */
  send(text: string): void {
    if (this.isOpen) this.#socket!.send(text)
  }

  /** Reports a failure of the call and closes the socket. */
  fail(kind: CallFailureKind, message: string): void {
    this.#context.emit({ type: 'failure', atMs: this.#context.clock(), kind, message })
    this.close()
  }

  /** Starts the close handshake (or terminates a socket that is not open); terminates it if the agent does not answer within 1 s. Idempotent. */
  close(): void {
    this.#handlers.beforeClose?.()
    const socket = this.#socket
    if (!socket || this.#closed || this.#closing) return
    this.#closing = true
    if (socket.readyState === socket.OPEN) socket.close(1000, this.#handlers.closeReason)
    else socket.terminate()
    setTimeout(() => socket.terminate(), CLOSE_HANDSHAKE_MS).unref()
  }

  /** Resolves when the socket has closed, or after `timeoutMs`. */
  untilClosed(timeoutMs = Infinity): Promise<void> {
    return this.#waitForClose(timeoutMs)
  }

  /** Resolves after `ms`, or earlier when the socket closes. */
  sleep(ms: number): Promise<void> {
    return this.#waitForClose(ms)
  }

  /** The last message received (truncated), for failure evidence. */
  lastMessage(): string | undefined {
    if (this.#lastText === undefined) return undefined
    const describe = this.#handlers.describeLastMessage
    return truncateMessage(describe && this.#lastMessage ? describe(this.#lastMessage, this.#lastText) : this.#lastText)
  }

  #waitForClose(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.isClosed) return resolve()
      const timer = Number.isFinite(timeoutMs) ? setTimeout(done, timeoutMs) : undefined
      const waiters = this.#closeWaiters
      function done() {
        clearTimeout(timer)
        waiters.delete(done)
        resolve()
      }
      waiters.add(done)
    })
  }

  readonly #onFrame = (data: RawData, isBinary: boolean): void => {
    const atMs = this.#context.clock()
    this.#lastMessage = undefined
    if (isBinary) {
      this.#lastText = `(binary frame, ${Buffer.isBuffer(data) ? data.length : 0} bytes)`
      return this.fail('protocol_error', this.#handlers.binaryFrameMessage)
    }
    const bytes = Buffer.isBuffer(data) ? data.length : Array.isArray(data) ? data.reduce((sum, part) => sum + part.length, 0) : data.byteLength
    if (bytes > RECORD_LIMITS.maxFrameBytes) {
      this.#lastText = `(text frame, ${bytes} bytes)`
      return this.fail('protocol_error', `agent sent a frame larger than ${RECORD_LIMITS.maxFrameBytes} bytes`)
    }
    const text = data.toString()
    this.#lastText = text
    const message = parseJsonObject(text)
    if (!message) return this.fail('protocol_error', 'agent sent a frame that is not a JSON object')
    // Everything later walks the frame (redaction, the judge): it must be bounded before it is kept.
    const problem = checkJsonBounds(message)
    if (problem) return this.fail('protocol_error', `agent sent a frame beyond the record limits (${problem})`)
    this.#lastMessage = message
    this.#handlers.onMessage(message, atMs)
  }
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text)
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}
