import { ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime'
import OpenAI, { AzureOpenAI, BadRequestError } from 'openai'
import { describe, expect, it } from 'vitest'
import { bedrockClient, drain, postChat, useMockServers, withinBinomialTolerance } from './support.ts'

const start = useMockServers()
const filtered = { errors: { contentFilter: 1 } }
const question = [{ role: 'user' as const, content: 'hi' }]

describe('errors.contentFilter', () => {
  it("Azure: HTTP 400 with Azure's content_filter body and innererror, a BadRequestError for the openai client", async () => {
    const server = await start({ azure: filtered })
    const client = new AzureOpenAI({ apiKey: 'key', endpoint: server.endpoints('azure').azure, apiVersion: '2024-10-21', deployment: 'gpt-4o', maxRetries: 0 })
    const error = (await client.chat.completions.create({ model: 'gpt-4o', messages: question }).catch((caught: unknown) => caught)) as BadRequestError
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error.code).toBe('content_filter')
    expect(error.param).toBe('prompt')
    expect(error.headers.get('apim-request-id')).toBe('mock-azure-1')
    expect(error.error).toMatchObject({
      type: null,
      status: 400,
      innererror: {
        code: 'ResponsibleAIPolicyViolation',
        content_filter_result: { violence: { filtered: true, severity: 'medium' }, hate: { filtered: false, severity: 'safe' }, jailbreak: { filtered: false, detected: false } },
      },
    })
    expect(error.message).toMatch(/^400 The response was filtered due to the prompt triggering Azure OpenAI's content management policy\./)
    expect(server.events).toMatchObject([{ kind: 'error', status: 400, errorType: 'content_filter', protocol: 'azure' }])
  })

  it('OpenAI: HTTP 200 with no content and finish_reason content_filter, JSON and stream', async () => {
    const server = await start({ openai: filtered })
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: server.endpoints('openai').openai, maxRetries: 0 })
    const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: question })
    expect(completion.choices[0]).toMatchObject({ finish_reason: 'content_filter', message: { content: null } })
    expect(completion.usage?.completion_tokens).toBe(0)
    const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: question, stream: true })
    const { items, error } = await drain(stream)
    expect(error).toBeUndefined()
    expect(items.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('')
    expect(items.at(-1)!.choices[0]!.finish_reason).toBe('content_filter')
    expect(server.events).toMatchObject([
      { kind: 'error', status: 200, errorType: 'content_filter', stream: false },
      { kind: 'error', status: 200, errorType: 'content_filter', stream: true },
    ])
  })

  it('Bedrock: stopReason content_filtered with no content, Converse and ConverseStream', async () => {
    const server = await start({ bedrock: filtered })
    const client = bedrockClient(server.endpoints('bedrock').bedrock)
    try {
      const input = { modelId: 'm', messages: [{ role: 'user' as const, content: [{ text: 'hi' }] }] }
      const answer = await client.send(new ConverseCommand(input))
      expect(answer.stopReason).toBe('content_filtered')
      expect(answer.output?.message?.content).toEqual([])
      const streamed = await client.send(new ConverseStreamCommand(input))
      const { items, error } = await drain(streamed.stream!)
      expect(error).toBeUndefined()
      expect(items.map((event) => Object.keys(event)[0])).toEqual(['messageStart', 'messageStop', 'metadata'])
      expect(items[1]!.messageStop?.stopReason).toBe('content_filtered')
      expect(server.events.map((event) => event.kind === 'error' && event.errorType)).toEqual(['content_filtered', 'content_filtered'])
    } finally {
      client.destroy()
    }
  })

  it('happens at the set rate over a seeded run (binomial tolerance), other requests answered', async () => {
    const server = await start({ openai: { errors: { contentFilter: 0.25 } } }, 21)
    const finishes: string[] = []
    for (let index = 0; index < 200; index++) {
      const body = (await (await postChat(server.endpoints('openai').openai)).json()) as { choices: { finish_reason: string }[] }
      finishes.push(body.choices[0]!.finish_reason)
    }
    const count = finishes.filter((reason) => reason === 'content_filter').length
    expect(withinBinomialTolerance(count, 200, 0.25), `${count} of 200`).toBe(true)
    expect(finishes.filter((reason) => reason === 'stop')).toHaveLength(200 - count)
    expect(server.events).toHaveLength(count)
  })
})
