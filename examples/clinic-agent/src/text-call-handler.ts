import { TEXT_PROTOCOL_VERSION, TRANSCRIPT_EVENTS, type AgentFrame, type CallerFrame } from '@voxguard/harness'
import type { RawData, WebSocket } from 'ws'
import { abortableIterate } from './abortable-iterate.ts'
import type { AgentContext } from './agent-context.ts'
import type { CallerInput, Conversation } from './conversation.ts'
import { cannedLine } from './prompts.ts'
import { recordAgentEvent } from './record-agent-event.ts'
import { ReplySequencer } from './reply-sequencer.ts'

/** WebSocket close codes for a caller that breaks the protocol (RFC 6455). */
export const CLOSE_INVALID_PAYLOAD = 1007
export const CLOSE_POLICY_VIOLATION = 1008

type Incoming = CallerFrame

/** Validates one harness message; returns a reason string when it is not protocol v1. */
function parseIncoming(data: RawData, isBinary: boolean): Incoming | { invalid: string; code: number } {
  if (isBinary) return { invalid: 'binary frame', code: CLOSE_INVALID_PAYLOAD }
  let value: unknown
  try {
    value = JSON.parse(String(data))
  } catch {
    return { invalid: 'invalid JSON', code: CLOSE_INVALID_PAYLOAD }
  }
  const message = value as Record<string, unknown> | null
  if (message === null || typeof message !== 'object' || typeof message['type'] !== 'string') return { invalid: 'no "type" field', code: CLOSE_POLICY_VIOLATION }
  const field = (name: string, type: string) => typeof message[name] === type
  switch (message['type']) {
    case 'start':
      return message['version'] === TEXT_PROTOCOL_VERSION && field('callId', 'string') ? (message as Incoming) : { invalid: 'start needs version 1 and callId', code: CLOSE_POLICY_VIOLATION }
    case 'caller.text':
      return field('text', 'string') ? (message as Incoming) : { invalid: 'caller.text needs "text"', code: CLOSE_POLICY_VIOLATION }
    case 'caller.dtmf':
      return field('digits', 'string') ? (message as Incoming) : { invalid: 'caller.dtmf needs "digits"', code: CLOSE_POLICY_VIOLATION }
    case 'caller.silence':
      return field('durationMs', 'number') ? (message as Incoming) : { invalid: 'caller.silence needs "durationMs"', code: CLOSE_POLICY_VIOLATION }
    case 'caller.hangup':
      return message as Incoming
    default:
      return { invalid: `unknown type "${String(message['type'])}"`, code: CLOSE_POLICY_VIOLATION }
  }
}

/**
 * One call over the text protocol (docs/protocol.md v1): ready, greeting, streamed
 * replies, tool calls, agent events, barge-in and hang-up.
 */
export function handleTextCall(socket: WebSocket, context: AgentContext): void {
  let logger = context.logger.child({ transport: 'text' })
  let conversation: Conversation | undefined
  let callId: string | undefined
  let replyCount = 0
  const hangup = new AbortController()
  const replies = new ReplySequencer(hangup.signal, (error) => logger.error('reply failed', { error }))
  const send = (message: AgentFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
  }
  // With an event log, the call's utterances go there too: the log is then a production
  // transcript (docs/protocol.md, "Production transcripts") that `voxguard import` reads.
  let callEnded = false
  /** Caller inputs so far (text, keys, silence): a reply belongs to the turn that prompted it. */
  let callerTurn = 0
  const transcribe = (name: string, data: Record<string, unknown>) => {
    if (!context.eventLog || callId === undefined) return
    if (name === TRANSCRIPT_EVENTS.callEnd) {
      if (callEnded) return
      callEnded = true
    }
    context.eventLog.write({ callId }, name, data)
  }

  const reply = async (input: CallerInput | { type: 'canned'; text: string }, receivedAt: number, turn: number, signal: AbortSignal) => {
    if (!conversation) return
    const replyId = `r${replyCount++}`
    let text = ''
    let firstAt: number | undefined
    let firstAtIso: string | undefined
    let endCall: string | undefined
    const outputs =
      input.type === 'canned' ? (async function* () { yield { type: 'text' as const, text: input.text } })() : conversation.respond(input, signal)
    for await (const output of abortableIterate(outputs, signal)) {
      if (output.type === 'text') {
        if (!output.text) continue
        firstAt ??= performance.now()
        firstAtIso ??= new Date().toISOString()
        text += output.text
        send({ type: 'agent.delta', replyId, text: output.text })
      } else if (output.type === 'tool-call') {
        send({ type: 'agent.tool_call', replyId, name: output.name, arguments: output.arguments, result: output.result })
        transcribe(TRANSCRIPT_EVENTS.agentToolCall, { name: output.name, arguments: output.arguments, result: output.result, turn })
      } else if (output.type === 'event') {
        recordAgentEvent(context.metrics, logger, output.name, output.data, context.eventLog ? { log: context.eventLog, keys: { callId } } : undefined)
        send({ type: 'agent.event', name: output.name, data: output.data })
      } else {
        endCall = output.reason
      }
    }
    const interrupted = signal.aborted && !hangup.signal.aborted
    // Every reply ends with exactly one agent.final (docs/protocol.md), even an empty one,
    // so the caller is never left waiting for a reply that will not come.
    if (!hangup.signal.aborted) send(interrupted ? { type: 'agent.final', replyId, text, interrupted: true } : { type: 'agent.final', replyId, text })
    const endAt = new Date().toISOString()
    transcribe(TRANSCRIPT_EVENTS.agentUtterance, { replyId, text, startAt: firstAtIso ?? endAt, endAt, turn, ...(signal.aborted ? { interrupted: true } : {}) })
    const seconds = (at: number) => (at - receivedAt) / 1000
    if (firstAt !== undefined) context.metrics.turnFirstResponse.observe({ transport: 'text' }, seconds(firstAt))
    context.metrics.turnDuration.observe({ transport: 'text', outcome: interrupted ? 'interrupted' : 'completed' }, seconds(performance.now()))
    if (endCall) {
      send({ type: 'agent.hangup', reason: endCall })
      transcribe(TRANSCRIPT_EVENTS.callEnd, { endedBy: 'agent', reason: endCall })
      socket.close(1000, 'agent hung up')
    }
  }

  /** Starts a reply; a reply still running is interrupted first (barge-in). */
  const startReply = (input: CallerInput | { type: 'canned'; text: string }) => {
    const receivedAt = performance.now()
    const turn = callerTurn
    replies.start((signal) => reply(input, receivedAt, turn, signal))
  }

  socket.on('message', (data, isBinary) => {
    const message = parseIncoming(data, isBinary)
    if ('invalid' in message || (message.type === 'start') === (conversation !== undefined)) {
      const reason = 'invalid' in message ? message.invalid : conversation ? 'second start' : 'first message must be start'
      logger.warn('protocol error; closing', { reason })
      socket.close('code' in message ? message.code : CLOSE_POLICY_VIOLATION, reason.slice(0, 120))
      return
    }
    switch (message.type) {
      case 'start':
        callId = message.callId
        logger = logger.child({ callId })
        context.metrics.calls.inc({ transport: 'text' })
        conversation = context.startConversation(logger)
        transcribe(TRANSCRIPT_EVENTS.callStart, { scriptId: message.scriptId })
        send({ type: 'ready', callId: message.callId })
        startReply({ type: 'canned', text: conversation.greeting() })
        return
      case 'caller.text':
        logger.debug('caller said', { turn: message.turn, text: message.text })
        {
          const at = new Date().toISOString()
          transcribe(TRANSCRIPT_EVENTS.callerUtterance, { text: message.text, startAt: at, endAt: at, turn: ++callerTurn })
        }
        startReply({ type: 'text', text: message.text })
        return
      case 'caller.dtmf':
        transcribe(TRANSCRIPT_EVENTS.callerDtmf, { digits: message.digits, turn: ++callerTurn })
        startReply({ type: 'dtmf', digits: message.digits })
        return
      case 'caller.silence':
        transcribe(TRANSCRIPT_EVENTS.callerSilence, { durationMs: message.durationMs, turn: ++callerTurn })
        if (message.durationMs >= (context.repromptAfterSilenceMs ?? 4000)) startReply({ type: 'canned', text: cannedLine('stillThere', conversation?.language ?? 'en') })
        return
      case 'caller.hangup':
        transcribe(TRANSCRIPT_EVENTS.callEnd, { endedBy: 'caller' })
        hangup.abort()
        socket.close(1000, 'caller hung up')
    }
  })
  socket.on('close', () => {
    transcribe(TRANSCRIPT_EVENTS.callEnd, { endedBy: 'caller' })
    hangup.abort()
  })
  socket.on('error', (error) => logger.warn('socket error', { error }))
}
