import { join } from 'node:path'
import type WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readCallRecordsFile, runCalls } from '@voxguard/harness'
import { startAgentServer, type AgentServer } from './helpers/start-agent-server.ts'
import { writeFiles } from './helpers/write-script.ts'

/** An agent that answers the caller's first words with what they name: a deep frame, a huge frame, a flood of deltas, or a normal reply. */
let server: AgentServer
beforeAll(async () => {
  server = await startAgentServer('/text', (socket: WebSocket) => {
    const send = (message: object | string) => socket.send(typeof message === 'string' ? message : JSON.stringify(message))
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; callId?: string; text?: string }
      if (message.type === 'start') return send({ type: 'ready', callId: message.callId })
      if (message.type === 'caller.hangup') return socket.close(1000)
      if (message.type !== 'caller.text') return
      if (message.text === 'deep') return send(`{"type":"agent.tool_call","replyId":"r","name":"x","arguments":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`)
      if (message.text === 'deep-event') return send(`{"type":"agent.event","name":"x","data":${'['.repeat(100_000)}${']'.repeat(100_000)}}`)
      if (message.text === 'huge') return send({ type: 'agent.final', replyId: 'r', text: 'x'.repeat(2 * 1024 * 1024) })
      if (message.text === 'flood') {
        for (let index = 0; index < 300; index++) send({ type: 'agent.delta', replyId: 'r', text: 'y'.repeat(1000) })
        return
      }
      send({ type: 'agent.final', replyId: 'r', text: 'We open at nine.' })
    })
  })
})
afterAll(() => server.close())

describe('a hostile text agent: every call recorded, the offending frame named, the others unharmed', () => {
  it('deep, huge and flooding frames are recorded protocol errors; the normal call passes', async () => {
    const names = ['deep', 'deep-event', 'huge', 'flood', 'normal']
    const files = writeFiles(Object.fromEntries(names.map((name) => [`${name}.yaml`, `id: ${name}\ngreeting: false\nturns:\n  - say: ${name}\n`])))
    const result = await runCalls({ scripts: names.map((name) => files.path(`${name}.yaml`)), agentUrl: server.url, concurrency: 5, endGraceMs: 0, turnTimeoutMs: 5000, outDir: join(files.dir, 'out') })
    const records = await readCallRecordsFile(result.recordsFile)
    const failures = Object.fromEntries(records.map((record) => [record.scriptId, record.failure ? `${record.failure.kind}: ${record.failure.message}` : 'ok']))
    expect(failures).toEqual({
      deep: 'protocol_error: agent sent a frame beyond the record limits (arguments.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a: nested deeper than 32 levels)',
      'deep-event': expect.stringMatching(/^protocol_error: agent sent a frame beyond the record limits \(data(\[0\]){31}: nested deeper than 32 levels\)$/),
      huge: 'protocol_error: agent sent a frame larger than 1048576 bytes',
      flood: 'protocol_error: agent reply in turn 1 is longer than 100000 characters (the record limit)',
      normal: 'ok',
    })
    // The evidence names the offending frame, even the one ws refused unread.
    const evidence = Object.fromEntries(records.map((record) => [record.scriptId, record.failure?.lastMessage]))
    expect(evidence.huge).toBe('(a frame over 1048576 bytes, refused unread)')
    expect(evidence.deep).toContain('"type":"agent.tool_call"')
    expect(result.calls).toBe(5)
  })
})
