import type WebSocket from 'ws'
import { startAgentServer } from './start-agent-server.ts'

export type TextAgentBehaviour = 'well-behaved' | 'drops-socket' | 'never-answers' | 'stalls' | 'slow' | 'malformed' | 'binary'

export interface TextAgent {
  url: string
  /** Messages the agent received, per connection. */
  received: Array<Array<Record<string, unknown>>>
  close(): Promise<void>
}

/**
 * A real text-protocol agent on 127.0.0.1:<ephemeral>. Well-behaved: greets, answers
 * each caller message with two deltas and a final after `replyDelayMs`, calls
 * `book_appointment` when asked to book, stops a reply on barge-in (interrupted final),
 * says goodbye and hangs up on "bye".
 */
export async function startTextAgent(behaviour: TextAgentBehaviour, options: { replyDelayMs?: number; greet?: boolean } = {}): Promise<TextAgent> {
  const received: TextAgent['received'] = []
  const replyDelayMs = options.replyDelayMs ?? (behaviour === 'slow' ? 300 : 5)
  const server = await startAgentServer('/voxguard', (socket: WebSocket) => {
    const messages: Array<Record<string, unknown>> = []
    received.push(messages)
    let replyCount = 0
    let speaking: { replyId: string; timer: NodeJS.Timeout } | undefined
    const send = (message: object) => socket.readyState === socket.OPEN && socket.send(JSON.stringify(message))
    const reply = (text: string, extra: () => void = () => {}, after: () => void = () => {}) => {
      const replyId = `r${replyCount++}`
      const [first, second] = [text.slice(0, Math.ceil(text.length / 2)), text.slice(Math.ceil(text.length / 2))]
      const timer = setTimeout(() => {
        send({ type: 'agent.delta', replyId, text: first })
        // The second half comes later so a barge-in can interrupt it.
        speaking = {
          replyId,
          timer: setTimeout(() => {
            speaking = undefined
            send({ type: 'agent.delta', replyId, text: second })
            extra()
            send({ type: 'agent.final', replyId, text })
            after()
          }, 40),
        }
      }, replyDelayMs)
      speaking = { replyId, timer }
    }
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>
      messages.push(message)
      switch (message.type) {
        case 'start':
          send({ type: 'ready', callId: message.callId })
          if (options.greet ?? true) send({ type: 'agent.final', replyId: 'greeting', text: 'Sakura Dental, how can I help?' })
          return
        case 'caller.hangup':
          return socket.close(1000, 'bye')
      }
      if (behaviour === 'never-answers') return
      if (behaviour === 'stalls') return send({ type: 'agent.delta', replyId: 'stalled', text: 'Let me check' })
      if (behaviour === 'drops-socket') return socket.terminate()
      if (behaviour === 'malformed') return socket.send('{"type": "agent.delta", "replyId": ')
      if (behaviour === 'binary') return socket.send(Buffer.from([1, 2, 3]))
      if (speaking && message.type === 'caller.text') {
        clearTimeout(speaking.timer)
        send({ type: 'agent.final', replyId: speaking.replyId, text: 'We are open', interrupted: true })
        speaking = undefined
      }
      const text = String(message.text ?? message.digits ?? '')
      if (message.type === 'caller.silence') return reply('Are you still there?')
      if (/bye/i.test(text)) {
        return reply(
          'Thank you for calling. Goodbye.',
          () => undefined,
          () => {
            send({ type: 'agent.hangup', reason: 'caller said goodbye' })
            socket.close(1000, 'agent hangup')
          },
        )
      }
      if (/book/i.test(text)) {
        return reply('Booked for Saturday at 10:00. We will call you at 090-1234-5678.', () => {
          send({ type: 'agent.tool_call', replyId: `r${replyCount - 1}`, name: 'book_appointment', arguments: { day: 'saturday', time: '10:00', phone: '090-1234-5678' } })
          send({ type: 'agent.event', name: 'llm.fallback', data: { from: 'azure-east', to: 'bedrock', reason: 'server 503' } })
        })
      }
      if (message.type === 'caller.dtmf') return reply(`You pressed ${text}.`)
      reply(`On Saturday we are open from 9:00 to 13:00. You said: ${text}`)
    })
  })
  return { url: server.url, received, close: server.close }
}
