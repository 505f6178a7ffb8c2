import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createLlmClient, type LlmEvent } from '@voxguard/llm'
import { errorHeaders } from './support/bedrock-wire.ts'
import { completionJson, jsonHeaders } from './support/openai-wire.ts'
import { useMswServer } from './support/use-msw-server.ts'

const converseUrl = 'https://bedrock-runtime.us-east-1.amazonaws.com/model/:modelId/converse'
const server = useMswServer()

describe('Bedrock throttling', () => {
  it('maps ThrottlingException to rate_limited and falls back to the next target', async () => {
    let bedrockRequests = 0
    server.use(
      http.post(converseUrl, () => {
        bedrockRequests += 1
        return new HttpResponse('{"message":"Too many requests, please wait before trying again."}', { status: 429, headers: errorHeaders('ThrottlingException') })
      }),
      http.post('https://fallback.example.test/v1/chat/completions', () => new HttpResponse(completionJson('We open at 9.'), { headers: jsonHeaders })),
    )
    const events: LlmEvent[] = []
    const llm = createLlmClient({
      targets: {
        bedrock: { provider: 'bedrock', modelId: 'anthropic.claude-3-haiku-20240307-v1:0', region: 'us-east-1', credentials: { accessKeyId: 'AKIAEXAMPLEEXAMPLE12', secretAccessKey: 'bench-secret-access-key-0000000000000000' } },
        openai: { provider: 'openai', model: 'gpt-4o-mini', baseURL: 'https://fallback.example.test/v1', apiKey: 'sk-fallback' },
      },
      routes: { answer: { chain: ['bedrock', 'openai'], initialBackoffMs: 5, maxBackoffMs: 10 } },
      onEvent: (event) => events.push(event),
    })
    const result = await llm.chat({ route: 'answer', messages: [{ role: 'user', content: 'When do you open?' }] })
    llm.close()
    expect(result.servedBy).toBe('openai')
    expect(result.attempts.filter((attempt) => attempt.target === 'bedrock').map((attempt) => [attempt.errorKind, attempt.status])).toEqual([
      ['rate_limited', 429],
      ['rate_limited', 429],
    ])
    expect(bedrockRequests).toBe(2)
    expect(events.find((event) => event.type === 'fallback')).toMatchObject({ target: 'bedrock', nextTarget: 'openai', errorKind: 'rate_limited' })
    expect(JSON.stringify(events) + JSON.stringify(result.attempts)).not.toContain('bench-secret-access-key')
  })
})
