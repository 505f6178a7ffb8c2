import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClinicAgent } from '../src/index.ts'
import { call, say, startTestAgent, turn, withAgent } from './text-call-support.ts'
import { WsTestClient } from './ws-test-client.ts'

describe('text protocol, calm mock providers', () => {
  let agent: ClinicAgent
  beforeAll(async () => {
    agent = await startTestAgent('calm')
  })
  afterAll(() => agent.close())

  it('greets with ready then a final, and answers opening hours from the knowledge base in streamed deltas', async () => {
    const client = await call(agent)
    expect(client.messages[0]).toEqual({ type: 'ready', callId: 'c-1' })
    const { final, messages } = await turn(client, 1, 'What time do you open on Saturday?')
    expect(final.text).toContain('09:00-13:00')
    const deltas = messages.filter((message) => message.type === 'agent.delta' && message.replyId === final.replyId)
    expect(deltas.length).toBeGreaterThan(1)
    expect(deltas.map((delta) => delta.text).join('')).toBe(final.text)
    client.close()
  })

  it('books an appointment end to end: tool call, store updated, confirmation said', async () => {
    const client = await call(agent)
    const { final, messages } = await turn(client, 1, 'I would like to book a cleaning on Saturday at 10:00, my name is Ken Sato')
    const toolCall = messages.find((message) => message.type === 'agent.tool_call')
    expect(toolCall).toMatchObject({ name: 'book_appointment', arguments: { date: expect.stringMatching(/saturday/i), time: '10:00' }, result: { ok: true } })
    expect(agent.store.list()).toContainEqual(expect.objectContaining({ date: '2025-06-07', time: '10:00', treatment: 'cleaning', name: expect.stringContaining('Sato') }))
    expect(final.text.length).toBeGreaterThan(0)
    client.close()
  })

  it('refuses a booking on a closed day with a reason the caller hears', async () => {
    const client = await call(agent)
    const { final, messages } = await turn(client, 1, 'Please book a checkup on Sunday at 10:00, my name is Mary Smith')
    const toolCall = messages.find((message) => message.type === 'agent.tool_call')
    expect(toolCall?.result).toMatchObject({ ok: false, error: expect.stringContaining('closed on Sundays') })
    expect(agent.store.list().some((appointment) => appointment.name.includes('Mary'))).toBe(false)
    expect(final.type).toBe('agent.final')
    client.close()
  })

  it('DTMF menu: 1 starts a booking, 2 reads the hours, 0 hands off to a human with the handoff.human event', async () => {
    const client = await call(agent)
    let from = client.messages.length
    client.send({ type: 'caller.dtmf', turn: 1, digits: '1' })
    expect((await client.waitFor((message) => message.type === 'agent.final', 5000, from)).text).toBe('I can book that for you. What day and time would you like?')
    from = client.messages.length
    client.send({ type: 'caller.dtmf', turn: 2, digits: '2' })
    expect((await client.waitFor((message) => message.type === 'agent.final', 5000, from)).text).toContain('Saturday 09:00-13:00')
    from = client.messages.length
    client.send({ type: 'caller.dtmf', turn: 3, digits: '0' })
    await client.waitFor((message) => message.type === 'agent.final', 5000, from)
    expect(client.messages.slice(from)).toContainEqual({ type: 'agent.event', name: 'handoff.human', data: { reason: 'caller pressed 0' } })
    expect(client.messages.slice(from)).toContainEqual(expect.objectContaining({ type: 'agent.tool_call', name: 'handoff_to_human', arguments: { reason: 'caller pressed 0' } }))
    // The agent's part ends with the hand-off: it hangs up rather than keep answering as the bot.
    expect(await client.waitFor((message) => message.type === 'agent.hangup', 5000, from)).toEqual({ type: 'agent.hangup', reason: 'transferred to a human' })
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
  it('primary answer target down: the call still succeeds through the fallback and reports llm.fallback', () =>
    withAgent('primary-down', async (agent) => {
      const client = await call(agent)
      const { final, messages } = await turn(client, 1, 'How much is a cleaning?')
      expect(final.text).toContain('5000 yen')
      expect(messages).toContainEqual(expect.objectContaining({ type: 'agent.event', name: 'llm.fallback', data: expect.objectContaining({ from: 'azure-japaneast', to: 'azure-swedencentral' }) }))
      client.close()
    }))

  it('classify rate limited (429 on every classify target): answers anyway, reports llm.degraded, and a goodbye still hangs up', () =>
    withAgent('classify-rate-limited', async (agent) => {
      const client = await call(agent)
      const { final, messages } = await turn(client, 1, 'How much is a cleaning?')
      expect(final.text).toContain('5000 yen')
      expect(messages).toContainEqual({ type: 'agent.event', name: 'llm.degraded', data: { route: 'classify', kind: 'rate_limited' } })
      await say(client, 2, "Thank you, that's all. Goodbye.")
      await client.waitFor((message) => message.type === 'agent.hangup')
      expect(await client.closed()).toBe(1000)
    }))

  it('every target down: apologises, offers a human, reports llm.all_failed; "yes" hands off without a model', () =>
    withAgent('all-down', async (agent) => {
      const client = await call(agent)
      const first = await turn(client, 1, 'How much is a cleaning?')
      expect(first.final.text).toMatch(/sorry.*receptionist/i)
      expect(first.messages).toContainEqual(expect.objectContaining({ type: 'agent.event', name: 'llm.all_failed' }))
      const second = await turn(client, 2, 'Yes please')
      expect(second.messages).toContainEqual(expect.objectContaining({ type: 'agent.event', name: 'handoff.human' }))
      client.close()
    }))

  it('after the apology, a longer reply that merely contains "no" or "please" is a new request, not an answer to the hand-off offer', () =>
    withAgent('all-down', async (agent) => {
      const client = await call(agent)
      await turn(client, 1, 'How much is a cleaning?')
      const second = await turn(client, 2, 'Oh no, I have a meeting then. Please cancel my appointment on Saturday.')
      // The request went to the models again (still all down): not "anything else?", not a hand-off.
      expect(second.messages).toContainEqual(expect.objectContaining({ type: 'agent.event', name: 'llm.all_failed' }))
      expect(second.messages).not.toContainEqual(expect.objectContaining({ type: 'agent.event', name: 'handoff.human' }))
      client.close()
    }))
})
