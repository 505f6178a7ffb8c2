import { afterEach, describe, expect, it } from 'vitest'
import { createLlmClient, LlmError, type LlmClient, type LlmStreamPart, type RouteConfig } from '@voxguard/llm'
import { closedPortUrl, startOpenAiServer, type OpenAiTestServer } from './start-openai-server.ts'

const messages = [{ role: 'user' as const, content: 'When do you open?' }]
let servers: OpenAiTestServer[] = []
let clients: LlmClient[] = []
afterEach(async () => {
  for (const client of clients) client.close()
  await Promise.all(servers.map((server) => server.close()))
  servers = []
  clients = []
})

async function setup(primary: string | OpenAiTestServer, secondary: OpenAiTestServer, route: Partial<RouteConfig> = {}) {
  servers.push(secondary, ...(typeof primary === 'string' ? [] : [primary]))
  const llm = createLlmClient({
    targets: {
      primary: { provider: 'openai', model: 'gpt-4o-mini', baseURL: typeof primary === 'string' ? primary : primary.baseURL, apiKey: 'sk-primary' },
      secondary: { provider: 'openai', model: 'gpt-4o-mini', baseURL: secondary.baseURL, apiKey: 'sk-secondary' },
    },
    routes: { answer: { chain: ['primary', 'secondary'], initialBackoffMs: 5, maxBackoffMs: 10, ...route } },
  })
  clients.push(llm)
  return llm
}

async function endOf(stream: AsyncIterable<LlmStreamPart>) {
  let end: Extract<LlmStreamPart, { type: 'end' }> | undefined
  for await (const part of stream) if (part.type === 'end') end = part
  return end
}

describe('failover over real sockets', () => {
  it('falls back when the primary refuses connections (network)', async () => {
    const llm = await setup(await closedPortUrl(), await startOpenAiServer('answer'))
    const result = await llm.chat({ route: 'answer', messages })
    expect(result.servedBy).toBe('secondary')
    expect(result.attempts.slice(0, 2).map((attempt) => attempt.errorKind)).toEqual(['network', 'network'])
  })

  it('fails over on the first-token timeout and closes the hanging socket', async () => {
    const hanging = await startOpenAiServer('hang')
    const llm = await setup(hanging, await startOpenAiServer('answer'), { firstTokenTimeoutMs: 150 })
    const end = await endOf(llm.stream({ route: 'answer', messages }))
    expect(end).toMatchObject({ servedBy: 'secondary', text: 'We open at 9.' })
    expect(end?.attempts[0]).toMatchObject({ target: 'primary', errorKind: 'timeout', reason: 'timeout; fell back' })
    await hanging.closes(1)
    expect(hanging.closedMidRequest).toBe(1)
  })

  it('hedging: the fast second target wins and the slow one is aborted (its connection closes)', async () => {
    const slow = await startOpenAiServer({ delayMs: 3_000 }, 'slow answer')
    const fast = await startOpenAiServer('answer', 'fast answer')
    const llm = await setup(slow, fast, { hedgeAfterMs: 100 })
    const started = performance.now()
    const end = await endOf(llm.stream({ route: 'answer', messages }))
    expect(performance.now() - started).toBeLessThan(1_500)
    expect(end).toMatchObject({ servedBy: 'secondary', text: 'fast answer' })
    expect(end?.attempts.find((attempt) => attempt.target === 'primary')).toMatchObject({ outcome: 'cancelled' })
    await slow.closes(1)
    expect(slow.closedMidRequest).toBe(1)
  })

  it('the caller abort cancels every socket and the call ends with kind aborted', async () => {
    const first = await startOpenAiServer('hang')
    const second = await startOpenAiServer('hang')
    const llm = await setup(first, second, { hedgeAfterMs: 50, firstTokenTimeoutMs: 10_000 })
    const controller = new AbortController()
    const pending = endOf(llm.stream({ route: 'answer', messages, signal: controller.signal })).catch((caught: unknown) => caught)
    await Promise.all([first.requestsArrived(1), second.requestsArrived(1)])
    controller.abort()
    const error = (await pending) as LlmError
    expect(error).toBeInstanceOf(LlmError)
    expect(error.kind).toBe('aborted')
    await Promise.all([first.closes(1), second.closes(1)])
    expect([first.closedMidRequest, second.closedMidRequest]).toEqual([1, 1])
  })
})
