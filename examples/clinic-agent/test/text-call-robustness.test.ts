import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { call, say, turn, withAgent } from './text-call-support.ts'
import type { Message } from './ws-test-client.ts'

it('two simultaneous calls with the same callId keep their own conversation: one caller\'s booking question is not the other\'s', () =>
  withAgent('calm', async (agent) => {
    const [ann, ben] = await Promise.all([call(agent), call(agent)])
    const [annFirst] = await Promise.all([turn(ann, 1, 'I would like to book an appointment'), turn(ben, 1, 'What time do you open on Saturday?')])
    expect(annFirst.final.text).toContain('What day and time')
    // Only Ann was asked for a day and time: Ben's "Saturday at 10:00" is not a booking.
    const [annSecond, benSecond] = await Promise.all([
      turn(ann, 2, 'Saturday at 11:00, a checkup, my name is Ann Mori'),
      turn(ben, 2, 'Saturday at 10:00, a checkup, my name is Ben Kato'),
    ])
    expect(annSecond.messages).toContainEqual(expect.objectContaining({ type: 'agent.tool_call', name: 'book_appointment', result: expect.objectContaining({ ok: true }) }))
    expect(benSecond.messages.filter((message) => message.type === 'agent.tool_call')).toEqual([])
    expect(agent.store.list().map((appointment) => appointment.name)).toEqual(['Ann Mori'])
    ann.close()
    ben.close()
  }))

it('a caller who hangs up mid-reply stops the LLM stream: the answer attempt ends aborted, not served to the end', async () => {
  const logs: Message[] = []
  await withAgent(
    'calm',
    async (agent) => {
      const client = await call(agent)
      client.send({ type: 'caller.text', turn: 1, text: 'What time do you open on Saturday?' })
      await client.waitFor((message) => message.type === 'agent.delta' && message.replyId === 'r1')
      const hungUpAt = Date.now()
      client.close() // the caller's line drops: no caller.hangup, the socket just goes
      const answerEnd = (line: Message) => line.message === 'llm event' && line.type === 'attempt-end' && line.route === 'answer'
      await expect.poll(() => logs.find(answerEnd), { timeout: 2000 }).toBeDefined()
      const end = logs.find(answerEnd) as Message
      expect(end).toMatchObject({ target: 'azure-japaneast', outcome: 'error', errorCode: 'aborted' })
      // At 20 tokens/s the reply needs seconds; the request was cut right after the hang-up.
      expect(end.timeMs - hungUpAt).toBeLessThan(500)
      expect(logs.some((line) => line.message === 'turn')).toBe(false)
    },
    { profile: fileURLToPath(new URL('profiles/slow-stream.yaml', import.meta.url)), logLevel: 'debug', logWrite: (line) => logs.push(JSON.parse(line) as Message) },
  )
})

it('/metrics: attempts, fallbacks and breaker state per target and route, and no label that grows with calls', () =>
  withAgent('primary-down', async (agent) => {
    const client = await call(agent, { callId: 'call-8d1f2a' })
    await say(client, 1, 'How much is a cleaning?')
    client.close()
    const metrics = await (await fetch(`${agent.url}/metrics`)).text()
    expect(metrics).toMatch(/clinic_agent_llm_attempts_total\{target="azure-japaneast",route="answer",outcome="error",error_kind="server"\} [1-9]/)
    expect(metrics).toMatch(/clinic_agent_llm_fallbacks_total\{from="azure-japaneast",to="azure-swedencentral",route="answer"\} [1-9]/)
    expect(metrics).toMatch(/clinic_agent_llm_breaker_state\{target="azure-japaneast"\} [0-2]/)
    const labelNames = new Set([...metrics.matchAll(/[{,]([a-z_]+)="/g)].map((match) => match[1]))
    expect([...labelNames].sort()).toEqual(['error_kind', 'from', 'le', 'name', 'outcome', 'route', 'target', 'to', 'transport'])
    expect(metrics).not.toContain('call-8d1f2a')
  }))

it('logs, even at debug, never hold the caller\'s phone number from start.from, start metadata or what the caller said', async () => {
  const lines: string[] = []
  await withAgent(
    'calm',
    async (agent) => {
      const client = await call(agent, { from: '+81 90-1234-5678', to: '+81-3-5555-0101', metadata: { callbackNumber: '090-1234-5678' } })
      await say(client, 1, 'My number is 090 1234 5678. What time do you open on Saturday?')
      client.close()
    },
    { logLevel: 'debug', logWrite: (line) => lines.push(line) },
  )
  expect(lines.some((line) => JSON.parse(line).message === 'caller said')).toBe(true)
  const digits = lines.join('\n').replace(/[^\d\n]/g, '')
  expect(digits).not.toContain('9012345678')
  expect(digits).not.toContain('355550101')
})

it.each([
  ['shared', [true, false]],
  ['per-call', [true, true]],
] as const)('appointmentBook %s: two calls booking the same slot at once get %o', (appointmentBook, expected) =>
  withAgent(
    'calm',
    async (agent) => {
      const clients = await Promise.all([call(agent), call(agent)])
      const book = (client: (typeof clients)[number]) => turn(client, 1, 'Please book a checkup on Saturday at 10:00. My name is Ken Mori.')
      const [first, second] = await Promise.all(clients.map(book))
      const booked = (result: Awaited<ReturnType<typeof book>>) =>
        result.messages.some((message) => message.type === 'agent.tool_call' && (message.result as { ok?: boolean } | undefined)?.ok === true)
      expect([booked(first!), booked(second!)].sort().reverse()).toEqual(expected)
      for (const client of clients) client.close()
    },
    { appointmentBook },
  ))
