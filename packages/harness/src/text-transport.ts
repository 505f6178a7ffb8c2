import type { CallerAction } from './call-record.ts'
import type { CallTransport, CallTransportContext } from './call-transport.ts'
import { AgentSocket } from './internal/agent-socket.ts'
import { TEXT_PROTOCOL_VERSION, type AgentFrame, type CallerFrame } from './text-protocol.ts'

/**
 * The voxguard text protocol v1 (docs/protocol.md): JSON text frames, `start` → `ready`,
 * caller text/DTMF/silence/hang-up, agent deltas/finals/tool calls/events/hang-up.
 * Replies are attributed to turns by `replyId`: a new reply answers the oldest caller
 * turn still waiting, so a barge-in's interrupted `agent.final` stays on its own turn.
 */
export function createTextTransport(context: CallTransportContext): CallTransport {
  const { clock, emit, script } = context
  let ready = false
  let startSentAtMs = 0
  let waiting: number[] = [0]
  let latestTurn = 0
  const replyTurns = new Map<string, number>()

  const turnOfReply = (replyId: string): number => {
    let turn = replyTurns.get(replyId)
    if (turn === undefined) {
      turn = waiting.shift() ?? latestTurn
      replyTurns.set(replyId, turn)
    }
    return turn
  }

  const onMessage = (message: Record<string, unknown>, atMs: number) => {
    // Validated field by field below: an agent's frame is untrusted until then.
    const type = message.type as AgentFrame['type']
    if (!ready) {
      if (type !== 'ready') return socket.fail('protocol_error', `agent's first message must be "ready", got ${JSON.stringify(type)}`)
      ready = true
      return emit({ type: 'ready', startSentAtMs })
    }
    switch (type) {
      case 'agent.delta':
      case 'agent.final': {
        if (typeof message.replyId !== 'string' || typeof message.text !== 'string') return socket.fail('protocol_error', `${type} needs string replyId and text`)
        const turn = turnOfReply(message.replyId)
        if (type === 'agent.delta') return emit({ type: 'reply-activity', turn, atMs, text: message.text })
        return emit({ type: 'reply-end', turn, atMs, text: message.text, interrupted: message.interrupted === true })
      }
      case 'agent.tool_call': {
        const args = message.arguments
        if (typeof message.name !== 'string' || args === null || typeof args !== 'object' || Array.isArray(args)) return socket.fail('protocol_error', 'agent.tool_call needs a string name and an arguments object')
        const turn = typeof message.replyId === 'string' ? turnOfReply(message.replyId) : latestTurn
        return emit({ type: 'tool-call', turn, atMs, name: message.name, arguments: args as Record<string, unknown>, ...('result' in message ? { result: message.result } : {}) })
      }
      case 'agent.event': {
        if (typeof message.name !== 'string') return socket.fail('protocol_error', 'agent.event needs a string name')
        const data = message.data !== null && typeof message.data === 'object' && !Array.isArray(message.data) ? (message.data as Record<string, unknown>) : undefined
        return emit({ type: 'agent-event', turn: latestTurn, atMs, name: message.name, ...(data ? { data } : {}) })
      }
      case 'agent.hangup':
        return emit({ type: 'agent-hangup', atMs, ...(typeof message.reason === 'string' ? { reason: message.reason } : {}) })
      default:
        return socket.fail('protocol_error', `unknown message type ${JSON.stringify(type)}`)
    }
  }

  const socket = new AgentSocket(context, {
    onOpen: () => {
      startSentAtMs = clock()
      const { from, to, metadata } = script
      send({ type: 'start', version: TEXT_PROTOCOL_VERSION, callId: context.callId, scriptId: script.id, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(metadata ? { metadata } : {}) })
    },
    onMessage,
    binaryFrameMessage: 'agent sent a binary frame; the text protocol uses JSON text frames only',
    closeReason: 'caller done',
  })
  const send = (message: CallerFrame) => socket.send(JSON.stringify(message))

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
    if (socket.isClosed) return
    // The agent should close the socket; close it ourselves if it does not within 1 s.
    await socket.untilClosed(1000)
    socket.close()
  }

  return { open: () => socket.open(), perform, hangup, close: () => socket.close(), lastMessage: () => socket.lastMessage() }
}
