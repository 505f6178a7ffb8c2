import { http, HttpResponse } from 'msw'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createLlmClient, type LlmEvent } from '@voxguard/llm'
import { errorHeaders, eventStreamHeaders, exceptionFrame, messageStartFrame, messageStopFrame, metadataFrame, textDeltaFrame, textStopFrame } from './support/bedrock-wire.ts'
import { completionJson, jsonHeaders, sseHeaders, streamSse } from './support/openai-wire.ts'
import { readParts, streamBody } from './support/read-stream.ts'
import { useMswServer } from './support/use-msw-server.ts'

const converseUrl = 'https://bedrock-runtime.us-east-1.amazonaws.com/model/:modelId/converse'
const converseStreamUrl = 'https://bedrock-runtime.us-east-1.amazonaws.com/model/:modelId/converse-stream'
const fallbackUrl = 'https://fallback.example.test/v1/chat/completions'
const server = useMswServer()
const throttlingFrame = () => exceptionFrame('throttlingException', '{"message":"Too many tokens, please wait before trying again."}')

/** Bedrock first, OpenAI as its fallback; counts the requests each receives. */
function bedrockThenOpenAi(continueOnMidStreamError = true) {
  const requests = { bedrock: 0, openai: 0 }
  const llm = createLlmClient({
    targets: {
      bedrock: { provider: 'bedrock', modelId: 'anthropic.claude-3-haiku-20240307-v1:0', region: 'us-east-1', credentials: { accessKeyId: 'AKIAEXAMPLEEXAMPLE12', secretAccessKey: 'bench-secret-access-key-0000000000000000' } },
      openai: { provider: 'openai', model: 'gpt-4o-mini', baseURL: 'https://fallback.example.test/v1', apiKey: 'sk-fallback' },
    },
    routes: { answer: { chain: ['bedrock', 'openai'], maxRetriesPerTarget: 0, continueOnMidStreamError } },
  })
  onTestFinished(() => llm.close())
  const serve = (frames: Uint8Array[]) =>
    server.use(
      http.post(converseStreamUrl, () => {
        requests.bedrock += 1
        return new HttpResponse(streamBody(frames), { headers: eventStreamHeaders })
      }),
      http.post(fallbackUrl, () => {
        requests.openai += 1
        return new HttpResponse(streamSse('We open at 9.'), { headers: sseHeaders })
      }),
    )
  return { llm, requests, serve }
}

describe('Bedrock throttling', () => {
  it('maps ThrottlingException to rate_limited and falls back to the next target', async () => {
    let bedrockRequests = 0
    server.use(
      http.post(converseUrl, () => {
        bedrockRequests += 1
        return new HttpResponse('{"message":"Too many requests, please wait before trying again."}', { status: 429, headers: errorHeaders('ThrottlingException') })
      }),
      http.post(fallbackUrl, () => new HttpResponse(completionJson('We open at 9.'), { headers: jsonHeaders })),
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
    expect(result.attempts.filter((attempt) => attempt.target === 'bedrock').map((attempt) => [attempt.errorCode, attempt.status])).toEqual([
      ['rate_limited', 429],
      ['rate_limited', 429],
    ])
    expect(bedrockRequests).toBe(2)
    expect(events.find((event) => event.type === 'fallback')).toMatchObject({ target: 'bedrock', nextTarget: 'openai', errorCode: 'rate_limited' })
    expect(JSON.stringify(events) + JSON.stringify(result.attempts)).not.toContain('bench-secret-access-key')
  })

  it('stream: a throttlingException event after HTTP 200, before the first token, is rate_limited and fails over', async () => {
    const { llm, requests, serve } = bedrockThenOpenAi()
    serve([messageStartFrame(), throttlingFrame()])
    const { parts, error } = await readParts(llm.stream({ route: 'answer', messages: [{ role: 'user', content: 'When do you open?' }] }))
    expect(error).toBeUndefined()
    expect(parts.at(-1)).toMatchObject({ type: 'end', servedBy: 'openai', text: 'We open at 9.' })
    const end = parts.at(-1) as { attempts: Array<{ target: string; errorCode?: string; status?: number }> }
    expect(end.attempts.map(({ target, errorCode }) => `${target}:${errorCode ?? 'ok'}`)).toEqual(['bedrock:rate_limited', 'openai:ok'])
    expect(requests).toEqual({ bedrock: 1, openai: 1 })
  })

  it('stream, continueOnMidStreamError off: the same event after the first token is thrown as rate_limited, never a silent truncation', async () => {
    const { llm, requests, serve } = bedrockThenOpenAi(false)
    serve([messageStartFrame(), textDeltaFrame('We open'), throttlingFrame(), textStopFrame(), messageStopFrame(), metadataFrame()])
    const { parts, error } = await readParts(llm.stream({ route: 'answer', messages: [{ role: 'user', content: 'When do you open?' }] }))
    expect(parts).toEqual([{ type: 'text-delta', text: 'We open' }])
    expect(error).toMatchObject({ code: 'rate_limited', target: 'bedrock', message: expect.stringContaining('after the first token (7 characters delivered)') })
    expect(requests).toEqual({ bedrock: 1, openai: 0 })
  })
})
