import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import type { LlmCallRequest, LlmClient, OpenAiTargetConfig } from '@voxguard/llm'
import { completionJson, jsonHeaders } from './support/openai-wire.ts'
import { createTwoTargetClient } from './support/two-target-client.ts'
import { useMswServer } from './support/use-msw-server.ts'

const messages = [{ role: 'user' as const, content: 'When do you open on Monday?' }]
const server = useMswServer()

/** OpenAI's rate-limit headers as sent with every answer. */
const rateLimitHeaders = (remaining: { requests: number; tokens: number }, reset: { requests: string; tokens: string }) => ({
  'x-ratelimit-limit-requests': '500',
  'x-ratelimit-limit-tokens': '200000',
  'x-ratelimit-remaining-requests': String(remaining.requests),
  'x-ratelimit-remaining-tokens': String(remaining.tokens),
  'x-ratelimit-reset-requests': reset.requests,
  'x-ratelimit-reset-tokens': reset.tokens,
})

const requests = { primary: 0, secondary: 0 }
let primaryHeaders: Record<string, string> = {}
afterEach(() => {
  requests.primary = 0
  requests.secondary = 0
  primaryHeaders = {}
})

function client(primary: Partial<OpenAiTargetConfig> = {}) {
  server.use(
    http.post('https://primary.example.test/v1/chat/completions', () => {
      requests.primary += 1
      return new HttpResponse(completionJson('Primary: we open at 9.'), { headers: { ...jsonHeaders, ...primaryHeaders } })
    }),
    http.post('https://secondary.example.test/v1/chat/completions', () => {
      requests.secondary += 1
      return new HttpResponse(completionJson('Secondary: we open at 9.'), { headers: jsonHeaders })
    }),
  )
  return createTwoTargetClient({ primary: 'https://primary.example.test/v1', secondary: 'https://secondary.example.test/v1', primaryConfig: primary })
}

const chat = (llm: LlmClient, extra: Partial<LlmCallRequest> = {}) => llm.chat({ route: 'answer', messages, ...extra })

describe('rate limits learned from x-ratelimit-* headers', () => {
  it('skips a target that reported 0 remaining requests (reset 2s): zero requests, rate-limited events, served by the next', async () => {
    primaryHeaders = rateLimitHeaders({ requests: 0, tokens: 199_970 }, { requests: '2s', tokens: '9ms' })
    const { llm, log } = client()
    expect((await chat(llm)).servedBy).toBe('primary')
    for (let call = 0; call < 5; call += 1) {
      const result = await chat(llm)
      expect(result.servedBy).toBe('secondary')
      expect(result.attempts[0]).toMatchObject({ target: 'primary', outcome: 'skipped', errorCode: 'rate_limited', latencyMs: 0 })
    }
    expect(requests).toEqual({ primary: 1, secondary: 5 })
    const limited = log.of('rate-limited', 'primary')
    expect(limited).toHaveLength(5)
    expect(limited[0]).toMatchObject({ route: 'answer', outcome: 'skipped', errorCode: 'rate_limited' })
    const remainingMs = Number(limited[0]?.reason?.match(/provider reported 0 requests remaining for the next (\d+) ms/)?.[1])
    expect(remainingMs).toBeGreaterThan(1_500)
    expect(remainingMs).toBeLessThanOrEqual(2_000)
    expect(log.of('fallback', 'primary')[0]).toMatchObject({ nextTarget: 'secondary', errorCode: 'rate_limited' })
  })

  it('sends to the target again once the reported reset has passed', async () => {
    primaryHeaders = rateLimitHeaders({ requests: 0, tokens: 199_970 }, { requests: '250ms', tokens: '9ms' })
    const { llm } = client()
    await chat(llm)
    expect((await chat(llm)).servedBy).toBe('secondary')
    await new Promise((resolve) => setTimeout(resolve, 300))
    primaryHeaders = rateLimitHeaders({ requests: 499, tokens: 199_970 }, { requests: '120ms', tokens: '9ms' })
    expect((await chat(llm)).servedBy).toBe('primary')
    expect(requests).toEqual({ primary: 2, secondary: 1 })
  })

  it('skips a target whose reported remaining tokens are fewer than the estimate, but not a smaller request', async () => {
    primaryHeaders = rateLimitHeaders({ requests: 499, tokens: 100 }, { requests: '120ms', tokens: '2s' })
    const { llm, log } = client()
    await chat(llm)
    // Estimate: ~7 prompt tokens + the 256-token default output allowance > 100.
    const big = await chat(llm)
    expect(big.servedBy).toBe('secondary')
    expect(log.of('rate-limited', 'primary')[0]?.reason).toMatch(/provider reported 100 tokens remaining \(~263 needed\)/)
    const small = await chat(llm, { maxOutputTokens: 20 })
    expect(small.servedBy).toBe('primary')
    expect(requests).toEqual({ primary: 2, secondary: 1 })
  })
})

describe('rate limits from config', () => {
  it('tokensPerMinute: a request whose estimate exceeds the remaining budget skips the target with zero requests', async () => {
    const { llm, log } = client({ tokensPerMinute: 1_000 })
    const big = await chat(llm, { maxOutputTokens: 2_000 })
    expect(big.servedBy).toBe('secondary')
    expect(big.attempts[0]).toMatchObject({ target: 'primary', outcome: 'skipped', errorCode: 'rate_limited' })
    expect(log.of('rate-limited', 'primary')[0]?.reason).toBe('rate-limit budget: tokensPerMinute 1000 would be exceeded (0 used, ~2007 needed); skipped without a request')
    expect(requests.primary).toBe(0)
    expect((await chat(llm, { maxOutputTokens: 100 })).servedBy).toBe('primary')
  })

  it('tokensPerMinute counts the tokens really used, not the estimate', async () => {
    // Each estimate is ~257 tokens; three would exceed 600, but each answer reports 29 used.
    const { llm } = client({ tokensPerMinute: 600 })
    const servedBy = [await chat(llm, { maxOutputTokens: 250 }), await chat(llm, { maxOutputTokens: 250 }), await chat(llm, { maxOutputTokens: 250 })].map((result) => result.servedBy)
    expect(servedBy).toEqual(['primary', 'primary', 'primary'])
    expect(requests.primary).toBe(3)
  })

  it('requestsPerMinute: the request over the budget goes to the next target', async () => {
    const { llm } = client({ requestsPerMinute: 2 })
    const servedBy = [await chat(llm), await chat(llm), await chat(llm)].map((result) => result.servedBy)
    expect(servedBy).toEqual(['primary', 'primary', 'secondary'])
    expect(requests).toEqual({ primary: 2, secondary: 1 })
  })
})
