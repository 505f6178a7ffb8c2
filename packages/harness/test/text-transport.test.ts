import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCalls } from '@voxguard/harness'
import type { CallRecord } from '@voxguard/harness'
import { startTextAgent } from './helpers/text-agent.ts'
import type { TextAgent, TextAgentBehaviour } from './helpers/text-agent.ts'
import { writeFiles } from './helpers/write-script.ts'

const SCRIPT = `
id: saturday-hours
title: Saturday hours then booking
tags: [hours, booking]
persona: A patient who works weekdays
goal: Book a Saturday cleaning
turns:
  - say: What time do you open on Saturday?
    expect: { saysAny: ["9:00"], replyWithinMs: 2000 }
  - say: Please book a cleaning on Saturday.
    expect: { toolCalled: { name: book_appointment, arguments: { day: saturday } } }
  - dtmf: "1#"
expect: { goalTool: book_appointment }
`

let agent: TextAgent | undefined
afterEach(async () => {
  await agent?.close()
  agent = undefined
})

async function runAgainst(behaviour: TextAgentBehaviour | 'refused', script = SCRIPT, options: { turnTimeoutMs?: number; replyDelayMs?: number } = {}) {
  const files = writeFiles({ 'call.yaml': script })
  let url = 'ws://127.0.0.1:1/voxguard'
  if (behaviour !== 'refused') {
    agent = await startTextAgent(behaviour, options.replyDelayMs === undefined ? {} : { replyDelayMs: options.replyDelayMs })
    url = agent.url
  }
  const records: CallRecord[] = []
  const result = await runCalls({ scripts: [files.path('call.yaml')], agentUrl: url, outDir: join(files.dir, 'out'), turnTimeoutMs: options.turnTimeoutMs ?? 2000, endGraceMs: 50, onRecord: (record) => records.push(record) })
  expect(result.scriptErrors.map((error) => error.message)).toEqual([])
  const lines = readFileSync(result.recordsFile, 'utf8').trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(JSON.parse(lines[0]!)).toEqual(records[0])
  return { result, record: records[0]! }
}

describe('text protocol transport against real WebSocket agents', () => {
  it('records a complete call from a well-behaved agent: greeting, deltas, finals, tool call, events, timings', async () => {
    const { result, record } = await runAgainst('well-behaved')
    expect(record.failure).toBeUndefined()
    expect(result).toMatchObject({ calls: 1, failedCalls: 0, scriptErrors: [] })
    expect(record).toMatchObject({ schema: 'voxguard.call-record', version: 1, scriptId: 'saturday-hours', protocol: 'text', endedBy: 'caller', tags: ['hours', 'booking'], goal: 'Book a Saturday cleaning', expectations: { goalTool: 'book_appointment' } })
    expect(record.failure).toBeUndefined()
    expect(record.turns.map((turn) => turn.index)).toEqual([0, 1, 2, 3])
    expect(record.turns[0]!.agent.text).toBe('Sakura Dental, how can I help?')
    const hours = record.turns[1]!
    expect(hours.caller).toEqual({ kind: 'text', text: 'What time do you open on Saturday?' })
    expect(hours.agent.text).toContain('open from 9:00 to 13:00')
    expect(hours.agent.deltaCount).toBe(2)
    expect(hours.agent.firstByteMs).toBeGreaterThanOrEqual(0)
    expect(hours.agent.completeMs).toBeGreaterThanOrEqual(hours.agent.firstByteMs! + 30)
    expect(hours.expectations).toEqual({ saysAny: ['9:00'], replyWithinMs: 2000 })
    const booking = record.turns[2]!
    expect(booking.agent.toolCalls).toEqual([{ name: 'book_appointment', arguments: { day: 'saturday', time: '10:00', phone: '[phone]' }, atMs: expect.any(Number) }])
    expect(booking.agent.text).toContain('[phone]')
    expect(JSON.stringify(record)).not.toContain('1234-5678')
    expect(record.redacted).toBe(true)
    expect(record.events).toEqual([{ name: 'llm.fallback', data: { from: 'azure-east', to: 'bedrock', reason: 'server 503' }, atMs: expect.any(Number), turn: 2 }])
    expect(record.turns[3]!.agent.text).toBe('You pressed 1#.')
    const sent = agent!.received[0]!
    expect(sent[0]).toMatchObject({ type: 'start', version: 1, scriptId: 'saturday-hours', callId: record.callId })
    expect(sent.slice(1).map((message) => message.type)).toEqual(['caller.text', 'caller.text', 'caller.dtmf', 'caller.hangup'])
    expect(sent[3]).toEqual({ type: 'caller.dtmf', turn: 3, digits: '1#' })
  })

  it('measures a slow agent: firstByteMs at least its 300 ms delay, not much more', async () => {
    const { record } = await runAgainst('slow')
    for (const turn of record.turns.slice(1)) {
      expect(turn.agent.firstByteMs).toBeGreaterThanOrEqual(299)
      expect(turn.agent.firstByteMs).toBeLessThan(450)
      expect(turn.agent.completeMs! - turn.agent.firstByteMs!).toBeGreaterThanOrEqual(35)
    }
  })

  it('records a dropped socket with close code, turn and last message, and does not crash', async () => {
    const { result, record } = await runAgainst('drops-socket')
    expect(result.failedCalls).toBe(1)
    expect(record.endedBy).toBe('error')
    expect(record.failure).toMatchObject({ kind: 'socket_dropped', turn: 1, closeCode: 1006 })
    expect(record.failure!.lastMessage).toContain('Sakura Dental')
    expect(record.transport.closeCode).toBe(1006)
  })

  it('records a turn timeout when the agent never answers', async () => {
    const { record } = await runAgainst('never-answers', SCRIPT, { turnTimeoutMs: 300 })
    expect(record.failure).toMatchObject({ kind: 'turn_timeout', turn: 1 })
    expect(record.failure!.message).toContain('turnTimeoutMs 300')
    expect(record.turns[1]!.timedOut).toBe(true)
    expect(record.turns).toHaveLength(2)
    expect(record.durationMs).toBeGreaterThanOrEqual(300)
    expect(record.durationMs).toBeLessThan(1500)
  })

  it('records a turn timeout when the agent goes silent in the middle of a reply', async () => {
    const { record } = await runAgainst('stalls', SCRIPT, { turnTimeoutMs: 300 })
    expect(record.failure).toMatchObject({ kind: 'turn_timeout', turn: 1, message: expect.stringContaining('went silent') })
    expect(record.turns[1]!.agent).toMatchObject({ text: 'Let me check', deltaCount: 1 })
    expect(record.turns[1]!.agent.completeMs).toBeUndefined()
  })

  it('records malformed JSON and binary frames as protocol errors with the evidence', async () => {
    const malformed = await runAgainst('malformed')
    expect(malformed.record.failure).toMatchObject({ kind: 'protocol_error', turn: 1, lastMessage: '{"type": "agent.delta", "replyId": ' })
    await agent!.close()
    const binary = await runAgainst('binary')
    expect(binary.record.failure).toMatchObject({ kind: 'protocol_error', message: expect.stringContaining('binary frame') })
  })

  it('records a refused connection as connect_failed', async () => {
    const { record } = await runAgainst('refused')
    expect(record.failure).toMatchObject({ kind: 'connect_failed', message: expect.stringContaining('refused') })
    expect(record.endedBy).toBe('error')
    expect(record.turns).toHaveLength(1)
  })

  it('records an upgrade refused with an HTTP status (wrong path) as connect_failed naming the status', async () => {
    const server = createServer((_request, response) => response.writeHead(404).end('no such endpoint'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const files = writeFiles({ 'call.yaml': SCRIPT })
      const records: CallRecord[] = []
      await runCalls({ scripts: [files.path('call.yaml')], agentUrl: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/nope`, outDir: join(files.dir, 'out'), onRecord: (record) => records.push(record) })
      expect(records[0]!.failure).toMatchObject({ kind: 'connect_failed', message: 'agent refused the WebSocket upgrade: HTTP 404', turn: 0 })
      expect(records[0]!.endedBy).toBe('error')
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('handles barge-in, silence and an agent that hangs up', async () => {
    const script = `
id: barge
turns:
  - say: What are your hours?
  - bargeIn: { say: 'Sorry, just Saturday?', afterMs: 5 }
  - silenceMs: 50
  - say: Thanks, bye
  - say: never sent
expect: { agentEndsCall: true }
`
    const { record } = await runAgainst('well-behaved', script, { replyDelayMs: 20 })
    expect(record.failure).toBeUndefined()
    expect(record.turns[1]!.agent).toMatchObject({ interrupted: true, text: 'We are open' })
    expect(record.turns[2]!.caller).toEqual({ kind: 'barge-in', text: 'Sorry, just Saturday?', afterMs: 5 })
    expect(record.turns[2]!.agent.text).toContain('You said: Sorry, just Saturday?')
    expect(record.turns[3]!.agent.text).toBe('Are you still there?')
    expect(record.turns[4]!.agent.text).toBe('Thank you for calling. Goodbye.')
    expect(record.endedBy).toBe('agent')
    expect(record.turns).toHaveLength(5)
  })
})
