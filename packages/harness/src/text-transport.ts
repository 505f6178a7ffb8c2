import type WebSocket from 'ws'
import type { RawData } from 'ws'
import type { CallerAction } from './call-record.ts'
import type { CallTransport, CallTransportContext } from './call-transport.ts'
import { truncateMessage } from './call-transport.ts'
import { describeSocketError } from './internal/describe-socket-error.ts'

/**
 * The voxguard text protocol v1 (docs/protocol.md): JSON text frames, `start` → `ready`,
 * caller text/DTMF/silence/hang-up, agent deltas/finals/tool calls/events/hang-up.
 * Replies are attributed to turns by `replyId`: a new reply answers the oldest caller
 * turn still waiting, so a barge-in's interrupted `agent.final` stays on its own turn.
 */
export function createTextTransport(context: CallTransportContext): CallTransport {
  const { clock, emit, script } = context
  let socket: WebSocket | undefined
  let ready = false
  let closed = false
  let last: string | undefined
  let waiting: number[] = [0]
  let latestTurn = 0
  const replyTurns = new Map<string, number>()
  const closeWaiters: Array<() => void> = []

  const protocolError = (message: string) => {
    emit({ type: 'failure', atMs: clock(), kind: 'protocol_error', message })
    close()
  }

  const turnOfReply = (replyId: string): number => {
    let turn = replyTurns.get(replyId)
    if (turn === undefined) {
      turn = waiting.shift() ?? latestTurn
      replyTurns.set(replyId, turn)
    }
    return turn
  }

  const send = (message: object) => {
    if (socket && socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
  }

  const onMessage = (data: RawData, isBinary: boolean) => {
    const atMs = clock()
    if (isBinary) {
      last = `(binary frame, ${Buffer.isBuffer(data) ? data.length : 0} bytes)`
      return protocolError('agent sent a binary frame; the text protocol uses JSON text frames only')
    }
    const text = data.toString()
    last = truncateMessage(text)
    let message: Record<string, unknown>
    try {
      const parsed: unknown = JSON.parse(text)
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object')
      message = parsed as Record<string, unknown>
    } catch {
      return protocolError('agent sent a frame that is not a JSON object')
    }
    const type = message.type
    if (!ready) {
      if (type !== 'ready') return protocolError(`agent's first message must be "ready", got ${JSON.stringify(type)}`)
      ready = true
      return emit({ type: 'ready', startSentAtMs: startSentAtMs })
    }
    switch (type) {
      case 'agent.delta':
      case 'agent.final': {
        if (typeof message.replyId !== 'string' || typeof message.text !== 'string') return protocolError(`${type} needs string replyId and text`)
        const turn = turnOfReply(message.replyId)
        if (type === 'agent.delta') return emit({ type: 'reply-activity', turn, atMs, text: message.text })
        return emit({ type: 'reply-end', turn, atMs, text: message.text, interrupted: message.interrupted === true })
      }
      case 'agent.tool_call': {
        const args = message.arguments
        if (typeof message.name !== 'string' || args === null || typeof args !== 'object' || Array.isArray(args)) return protocolError('agent.tool_call needs a string name and an arguments object')
        const turn = typeof message.replyId === 'string' ? turnOfReply(message.replyId) : latestTurn
        return emit({ type: 'tool-call', turn, atMs, name: message.name, arguments: args as Record<string, unknown>, ...('result' in message ? { result: message.result } : {}) })
      }
      case 'agent.event': {
        if (typeof message.name !== 'string') return protocolError('agent.event needs a string name')
        const data = message.data !== null && typeof message.data === 'object' && !Array.isArray(message.data) ? (message.data as Record<string, unknown>) : undefined
        return emit({ type: 'agent-event', turn: latestTurn, atMs, name: message.name, ...(data ? { data } : {}) })
      }
      case 'agent.hangup':
        return emit({ type: 'agent-hangup', atMs, ...(typeof message.reason === 'string' ? { reason: message.reason } : {}) })
      default:
        return protocolError(`unknown message type ${JSON.stringify(type)}`)
    }
  }

  let startSentAtMs = 0

  const open = () => {
    try {
      socket = context.createWebSocket(context.agentUrl)
    } catch (error) {
      emit({ type: 'failure', atMs: clock(), kind: 'connect_failed', message: describeSocketError(error) })
      return
    }
    let opened = false
    socket.on('open', () => {
      opened = true
      startSentAtMs = clock()
      const { from, to, metadata } = script
      send({ type: 'start', version: 1, callId: context.callId, scriptId: script.id, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(metadata ? { metadata } : {}) })
    })
    socket.on('unexpected-response', (_request, response) => {
      emit({ type: 'failure', atMs: clock(), kind: 'connect_failed', message: `agent refused the WebSocket upgrade: HTTP ${response.statusCode}` })
      response.resume()
      close()
    })
    socket.on('error', (error) => {
      if (!opened) emit({ type: 'failure', atMs: clock(), kind: 'connect_failed', message: describeSocketError(error) })
    })
    socket.on('message', onMessage)
    socket.on('close', (code, reason) => {
      closed = true
      if (opened) emit({ type: 'closed', atMs: clock(), code, reason: reason.toString() })
      for (const waiter of closeWaiters.splice(0)) waiter()
    })
  }

  const perform = async (turn: number, action: CallerAction): Promise<number> => {
    latestTurn = turn
    waiting = action.kind === 'hangup' ? [] : [turn]
    const atMs = clock()
    if (action.kind === 'text' || action.kind === 'barge-in') send({ type: 'caller.text', turn, text: action.text })
    else if (action.kind === 'dtmf') send({ type: 'caller.dtmf', turn, digits: action.digits })
    else if (action.kind === 'silence') send({ type: 'caller.silence', turn, durationMs: action.durationMs })
    else await hangup()
    return atMs
  }

  const hangup = async () => {
    send({ type: 'caller.hangup' })
    if (closed || !socket) return
    // The agent should close the socket; close it ourselves if it does not within 1 s.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000)
      closeWaiters.push(() => {
        clearTimeout(timer)
        resolve()
      })
    })
    close()
  }

  const close = () => {
    if (!socket || closed) return
    if (socket.readyState === socket.OPEN) socket.close(1000, 'caller done')
    else socket.terminate()
    const current = socket
    setTimeout(() => current.terminate(), 1000).unref()
  }

  return { open, perform, hangup, close, lastMessage: () => last }
}
