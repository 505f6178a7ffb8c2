// A hostile text-protocol agent: each call gets one misbehaviour (invalid JSON, binary, huge,
// deep or flooding frames, odd close codes, never answering, never closing). The harness must
// record every call, name the agent's offending frame in the failure, and never crash or hang.
import type { WebSocket } from 'ws'
import { runHostileSessions, type HostileFigures } from './run-hostile-sessions.ts'

export const BEHAVIOURS = ['ok', 'invalid-json', 'binary', 'huge', 'deep', 'flood', 'close-1002', 'close-1011', 'close-4000', 'terminate', 'never-answers', 'never-closes', 'array-frame', 'unknown-type', 'wrong-reply-types', 'event-storm', 'null-frame', 'late-frames'] as const

function behave(socket: WebSocket, behaviour: string): void {
  let replies = 0
  const send = (message: object | string) => socket.readyState === socket.OPEN && socket.send(typeof message === 'string' ? message : JSON.stringify(message))
  socket.on('message', (data) => {
    let message: { type?: string; callId?: string }
    try {
      message = JSON.parse(data.toString()) as { type?: string; callId?: string }
    } catch {
      return
    }
    if (message.type === 'start') return send({ type: 'ready', callId: message.callId })
    if (message.type === 'caller.hangup') return behaviour === 'never-closes' ? undefined : socket.close(1000)
    if (message.type !== 'caller.text') return
    switch (behaviour) {
      case 'invalid-json': return send('{"type":"agent.final",')
      case 'binary': return socket.send(Buffer.from([0, 1, 2, 3]))
      case 'huge': return send({ type: 'agent.final', replyId: 'r', text: 'x'.repeat(2_000_000) })
      case 'deep': return send(`{"type":"agent.event","name":"x","data":${'['.repeat(50_000)}${']'.repeat(50_000)}}`)
      case 'flood': for (let index = 0; index < 500; index++) send({ type: 'agent.delta', replyId: 'r', text: 'y'.repeat(500) }); return
      case 'close-1002': return socket.close(1002, 'protocol')
      case 'close-1011': return socket.close(1011, 'crash 090-1234-5678')
      case 'close-4000': return socket.close(4000)
      case 'terminate': return socket.terminate()
      case 'never-answers': return
      case 'array-frame': return send('[1,2,3]')
      case 'null-frame': return send('null')
      case 'unknown-type': return send({ type: 'agent.dance', replyId: 'r' })
      case 'wrong-reply-types': return send({ type: 'agent.final', replyId: 7, text: { nested: true } })
      case 'event-storm': for (let index = 0; index < 12_000; index++) send({ type: 'agent.event', name: 'tick', data: { index } }); return
      case 'late-frames': send({ type: 'agent.final', replyId: `r${replies++}`, text: 'Done.' }); setTimeout(() => send({ type: 'agent.final', replyId: 'late', text: 'too late' }), 50); return
      default: return send({ type: 'agent.final', replyId: `r${replies++}`, text: 'We open at nine.' })
    }
  })
}

/** Runs `sessions` calls, behaviours in turn, against the hostile text agent. */
export function runHostileAgentSessions(sessions: number): Promise<HostileFigures> {
  return runHostileSessions({
    protocol: 'text',
    behaviours: BEHAVIOURS,
    behave,
    script: 'greeting: false\nturns:\n  - say: Hello\n  - say: Again\n',
    options: { concurrency: 16, turnTimeoutMs: 400, callTimeoutMs: 5000, endGraceMs: 50 },
  }, sessions)
}
