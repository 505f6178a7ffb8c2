import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { createLlmClient, type LlmStreamPart } from '@voxguard/llm'
import { azureCompletionJson, azureHeaders, azureRateLimitBody, azureRateLimitHeaders, azureSseHeaders, azureStreamSse } from './support/azure-wire.ts'
import { createEventLog } from './support/event-log.ts'
import { useMswServer } from './support/use-msw-server.ts'

const japaneastKey = 'je0c4f1a9b7d2e8c6a5f3b1d9e7c2a4f'
const swedenKey = 'sc7a2d9f4b1e6c8a3f5d0b2e9c7a1f4d'
const japaneastUrl = 'https://clinic-japaneast.openai.azure.com/openai/deployments/gpt-4o-mini/chat/completions'
const swedenUrl = 'https://clinic-swedencentral.openai.azure.com/openai/v1/chat/completions'
const messages = [{ role: 'user' as const, content: 'When do you open on Monday?' }]

const server = useMswServer()

interface Seen {
  region: string
  path: string
  query: string
  apiKey: string | null
  authorization: string | null
  body: Record<string, unknown>
}
let seen: Seen[] = []
afterEach(() => {
  seen = []
})

const record = async (region: string, request: Request) => {
  const url = new URL(request.url)
  seen.push({ region, path: url.pathname, query: url.search, apiKey: request.headers.get('api-key'), authorization: request.headers.get('authorization'), body: (await request.json()) as Record<string, unknown> })
}

function azureRoute() {
  server.use(
    http.post(japaneastUrl, async ({ request }) => {
      await record('japaneast', request)
      return new HttpResponse(azureRateLimitBody(20), { status: 429, headers: azureRateLimitHeaders('Japan East', 20_000) })
    }),
    http.post(swedenUrl, async ({ request }) => {
      await record('swedencentral', request)
      const streaming = seen.at(-1)?.body.stream === true
      return streaming
        ? new HttpResponse(azureStreamSse('We open', ' at 9 am.'), { headers: azureSseHeaders('Sweden Central') })
        : new HttpResponse(azureCompletionJson('We open at 9 am on Monday.'), { headers: azureHeaders('Sweden Central') })
    }),
  )
  const log = createEventLog()
  const llm = createLlmClient({
    targets: {
      'azure-japaneast': { provider: 'azure-openai', endpoint: 'https://clinic-japaneast.openai.azure.com', deployment: 'gpt-4o-mini', apiVersion: '2024-10-21', apiKey: japaneastKey, region: 'japaneast' },
      'azure-swedencentral': { provider: 'azure-openai', endpoint: 'https://clinic-swedencentral.openai.azure.com/', deployment: 'gpt-4o-mini', apiKey: swedenKey, region: 'swedencentral' },
    },
    routes: { answer: { chain: ['azure-japaneast', 'azure-swedencentral'], deadlineMs: 5_000 } },
    onEvent: log.listener,
  })
  onTestFinished(() => llm.close())
  return { llm, log }
}

describe('an Azure route at the HTTP boundary', () => {
  it('a 429 whose x-ms-retry-after-ms exceeds the deadline falls back to the next region at once', async () => {
    const { llm, log } = azureRoute()
    const started = performance.now()
    const result = await llm.chat({ route: 'answer', messages })
    const elapsedMs = performance.now() - started
    expect(result.servedBy).toBe('azure-swedencentral')
    expect(result.text).toBe('We open at 9 am on Monday.')
    expect(elapsedMs).toBeLessThan(1_000)
    expect(seen.map(({ region, path, query, apiKey, authorization }) => ({ region, path, query, apiKey, authorization }))).toEqual([
      { region: 'japaneast', path: '/openai/deployments/gpt-4o-mini/chat/completions', query: '?api-version=2024-10-21', apiKey: japaneastKey, authorization: null },
      { region: 'swedencentral', path: '/openai/v1/chat/completions', query: '', apiKey: swedenKey, authorization: null },
    ])
    expect(seen[1]?.body).toMatchObject({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'When do you open on Monday?' }] })
    expect(result.attempts[0]).toMatchObject({ target: 'azure-japaneast', provider: 'azure-openai', model: 'gpt-4o-mini', outcome: 'error', errorCode: 'rate_limited', status: 429 })
    expect(result.attempts[0]?.reason).toMatch(/^rate_limited 429; wait of 20000 ms exceeds the remaining deadline \(\d+ ms\); fell back$/)
    expect(log.of('cooldown-start', 'azure-japaneast')[0]).toMatchObject({ reason: 'Retry-After 20000 ms', breakerState: 'closed' })
    expect(log.of('breaker-open')).toEqual([])
    const everything = JSON.stringify(log.events) + JSON.stringify(result)
    expect(everything).not.toContain(japaneastKey)
    expect(everything).not.toContain(swedenKey)
  })

  it('the next call, a stream, skips Japan East without a request and streams from Sweden Central', async () => {
    const { llm } = azureRoute()
    await llm.chat({ route: 'answer', messages })
    const parts: LlmStreamPart[] = []
    for await (const part of llm.stream({ route: 'answer', messages })) parts.push(part)
    expect(parts.filter((part) => part.type === 'text-delta').map((part) => part.text)).toEqual(['We open', ' at 9 am.'])
    const end = parts.at(-1) as Extract<LlmStreamPart, { type: 'end' }>
    expect(end).toMatchObject({ type: 'end', servedBy: 'azure-swedencentral', text: 'We open at 9 am.' })
    expect(end.attempts[0]).toMatchObject({ target: 'azure-japaneast', outcome: 'skipped', errorCode: 'rate_limited' })
    expect(end.attempts[0]?.reason).toMatch(/^rate-limit budget: cooling down after a 429 for \d+ ms more; skipped without a request$/)
    expect(seen.map((request) => `${request.region}${request.body.stream === true ? ' stream' : ''}`)).toEqual(['japaneast', 'swedencentral', 'swedencentral stream'])
  })
})
