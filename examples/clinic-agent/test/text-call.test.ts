import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startClinicAgent, type ClinicAgent } from '../src/index.ts'
import { WsTestClient, type Message } from './ws-test-client.ts'

const profile = (name: string) => fileURLToPath(new URL(`../profiles/${name}.yaml`, import.meta.url))
// A Wednesday in Tokyo: "Saturday" is 2025-06-07.
const now = () => new Date('2025-06-04T01:00:00Z')

async function call(agent: ClinicAgent): Promise<WsTestClient> {
  const client = new WsTestClient(`${agent.url.replace('http', 'ws')}/text`)
  await client.opened()
  client.send({ type: 'start', version: 1, callId: 'c-1', scriptId: 'test' })
  await client.waitFor((message) => message.type === 'agent.final' && message.replyId === 'r0')
  return client
}

/** Sends one caller turn and resolves with its final reply. */
async function say(client: WsTestClient, turn: number, text: string): Promise<Message> {
  const from = client.messages.length
  client.send({ type: 'caller.text', turn, text })
  return client.waitFor((message) => message.type === 'agent.final', 8000, from)
}

describe('text protocol, calm mock providers', () => {
  let agent: ClinicAgent
  beforeAll(async () => {
    agent = await startClinicAgent({ port: 0, profile: profile('calm'), speech: 'none', logLevel: 'error', now })
  })
  afterAll(() => agent.close())

  it('greets with ready then a final, and answers opening hours from the knowledge base in streamed deltas', async () => {
    const client = await call(agent)
    expect(client.messages[0]).toEqual({ type: 'ready', callId: 'c-1' })
    const from = client.messages.length
    const final = await say(client, 1, 'What time do you open on Saturday?')
    expect(final.text).toContain('09:00-13:00')
    const deltas = client.messages.slice(from).filter((message) => message.type === 'agent.delta' && message.replyId === final.replyId)
    expect(deltas.length).toBeGreaterThan(1)
    expect(deltas.map((delta) => delta.text).join('')).toBe(final.text)
    client.close()
  })

  it('books an appointment end to end: tool call, store updated, confirmation said', async () => {
    const client = await call(agent)
    const from = client.messages.length
    const final = await say(client, 1, 'I would like to book a cleaning on Saturday at 10:00, my name is Ken Sato')
    const toolCall = client.messages.slice(from).find((message) => message.type === 'agent.tool_call')
    expect(toolCall).toMatchObject({ name: 'book_appointment', arguments: { date: expect.stringMatching(/saturday/i), time: '10:00' }, result: { ok: true } })
    expect(agent.store.list()).toContainEqual(expect.objectContaining({ date: '2025-06-07', time: '10:00', treatment: 'cleaning', name: expect.stringContaining('Sato') }))
    expect(final.text.length).toBeGreaterThan(0)
    client.close()
  })

  it('refuses a booking on a closed day with a reason the caller hears', async () => {
    const client = await call(agent)
    const from = client.messages.length
    const final = await say(client, 1, 'Please book a checkup on Sunday at 10:00, my name is Mary Smith')
    const toolCall = client.messages.slice(from).find((message) => message.type === 'agent.tool_call')
    expect(toolCall?.result).toMatchObject({ ok: false, error: expect.stringContaining('closed on Sundays') })
    expect(agent.store.list().some((appointment) => appointment.name.includes('Mary'))).toBe(false)
    expect(final.type).toBe('agent.final')
    client.close()
  })

  it('DTMF menu: 2 reads the hours, 0 hands off to a human with the handoff.human event', async () => {
    const client = await call(agent)
    let from = client.messages.length
    client.send({ type: 'caller.dtmf', turn: 1, digits: '2' })
    expect((await client.waitFor((message) => message.type === 'agent.final', 5000, from)).text).toContain('Saturday 09:00-13:00')
    from = client.messages.length
    client.send({ type: 'caller.dtmf', turn: 2, digits: '0' })
    await client.waitFor((message) => message.type === 'agent.final', 5000, from)
    expect(client.messages.slice(from)).toContainEqual({ type: 'agent.event', name: 'handoff.human', data: { reason: 'caller pressed 0' } })
    expect(client.messages.slice(from)).toContainEqual(expect.objectContaining({ type: 'agent.tool_call', name: 'handoff_to_human', arguments: { reason: 'caller pressed 0' } }))
    client.close()
  })

  it('barge-in: a new caller.text while replying ends the reply with interrupted: true, then answers the new text', async () => {
    const client = await call(agent)
    const from = client.messages.length
    client.send({ type: 'caller.text', turn: 1, text: 'What time do you open on Saturday?' })
    await client.waitFor((message) => message.type === 'agent.delta', 5000, from)
    client.send({ type: 'caller.text', turn: 2, text: 'How much is a cleaning?' })
    const interrupted = await client.waitFor((message) => message.type === 'agent.final', 5000, from)
    expect(interrupted.interrupted).toBe(true)
    const next = await client.waitFor((message) => message.type === 'agent.final' && message.replyId !== interrupted.replyId, 5000, from)
    expect(next.text).toContain('5000 yen')
    client.close()
  })

  it('closes with 1007 on invalid JSON and 1008 on an unknown type or a missing start', async () => {
    const url = `${agent.url.replace('http', 'ws')}/text`
    const invalid = new WsTestClient(url)
    await invalid.opened()
    invalid.send('{not json')
    expect(await invalid.closed()).toBe(1007)
    const unknown = await call(agent)
    unknown.send({ type: 'caller.shout', text: 'hey' })
    expect(await unknown.closed()).toBe(1008)
    const noStart = new WsTestClient(url)
    await noStart.opened()
    noStart.send({ type: 'caller.text', turn: 1, text: 'hello' })
    expect(await noStart.closed()).toBe(1008)
    expect([invalid, unknown, noStart].flatMap((client) => client.messages).some((message) => message.type === 'error')).toBe(false)
  })

  it('says goodbye and hangs up', async () => {
    const client = await call(agent)
    await say(client, 1, 'Thank you, goodbye')
    await client.waitFor((message) => message.type === 'agent.hangup')
    expect(await client.closed()).toBe(1000)
  })

  it('serves /healthz and /metrics with turn latency and LLM attempts by target', async () => {
    expect(await (await fetch(`${agent.url}/healthz`)).json()).toMatchObject({ status: 'ok', llmMode: 'mock' })
    const metrics = await (await fetch(`${agent.url}/metrics`)).text()
    expect(metrics).toMatch(/clinic_agent_turn_first_response_seconds_count\{transport="text"\} [1-9]/)
    expect(metrics).toMatch(/clinic_agent_llm_attempts_total\{[^}]*target="azure-japaneast"[^}]*outcome="success"/)
  })
})

describe('text protocol, provider outages', () => {
  it('primary answer target down: the call still succeeds through the fallback and reports llm.fallback', async () => {
    const agent = await startClinicAgent({ port: 0, profile: profile('primary-down'), speech: 'none', logLevel: 'error', now })
    try {
      const client = await call(agent)
      const from = client.messages.length
      const final = await say(client, 1, 'How much is a cleaning?')
      expect(final.text).toContain('5000 yen')
      expect(client.messages.slice(from)).toContainEqual(expect.objectContaining({ type: 'agent.event', name: 'llm.fallback', data: expect.objectContaining({ from: 'azure-japaneast', to: 'azure-swedencentral' }) }))
      client.close()
    } finally {
      await agent.close()
    }
  })

  it('classify rate limited (429 on every classify target): answers anyway, reports llm.degraded, and a goodbye still hangs up', async () => {
    const agent = await startClinicAgent({ port: 0, profile: profile('classify-rate-limited'), speech: 'none', logLevel: 'error', now })
    try {
      const client = await call(agent)
      const from = client.messages.length
      const final = await say(client, 1, 'How much is a cleaning?')
      expect(final.text).toContain('5000 yen')
      expect(client.messages.slice(from)).toContainEqual({ type: 'agent.event', name: 'llm.degraded', data: { route: 'classify', kind: 'rate_limited' } })
      await say(client, 2, "Thank you, that's all. Goodbye.")
      await client.waitFor((message) => message.type === 'agent.hangup')
      expect(await client.closed()).toBe(1000)
    } finally {
      await agent.close()
    }
  })

  it('every target down: apologises, offers a human, reports llm.all_failed; "yes" hands off without a model', async () => {
    const agent = await startClinicAgent({ port: 0, profile: profile('all-down'), speech: 'none', logLevel: 'error', now })
    try {
      const client = await call(agent)
      let from = client.messages.length
      const final = await say(client, 1, 'How much is a cleaning?')
      expect(final.text).toMatch(/sorry.*receptionist/i)
      expect(client.messages.slice(from)).toContainEqual(expect.objectContaining({ type: 'agent.event', name: 'llm.all_failed' }))
      from = client.messages.length
      await say(client, 2, 'Yes please')
      expect(client.messages.slice(from)).toContainEqual(expect.objectContaining({ type: 'agent.event', name: 'handoff.human' }))
      client.close()
    } finally {
      await agent.close()
    }
  })
})
