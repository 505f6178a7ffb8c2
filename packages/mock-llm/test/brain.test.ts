import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand, type Message } from '@aws-sdk/client-bedrock-runtime'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import OpenAI from 'openai'
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer, type MockServer } from '@voxguard/mock-llm'
import { knowledgeFixture } from '@voxguard/knowledge/testing'

const knowledgeBase = knowledgeFixture('clinic')
let server: MockServer
let openai: OpenAI

const bookTool: ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'book_appointment',
    description: 'Book an appointment',
    parameters: { type: 'object', properties: { date: { type: 'string' }, time: { type: 'string' }, name: { type: 'string' } } },
  },
}

const cancelTool: ChatCompletionTool = {
  type: 'function',
  function: { name: 'cancel_appointment', parameters: { type: 'object', properties: { date: { type: 'string' }, time: { type: 'string' }, name: { type: 'string' } } } },
}

beforeAll(async () => {
  server = await startMockServer({ profile: { seed: 3, targets: { openai: {}, bedrock: {} } }, knowledgeBase })
  openai = new OpenAI({ apiKey: 'sk-test', baseURL: server.endpoints('openai').openai, maxRetries: 0 })
})
afterAll(() => server.close())

async function ask(messages: ChatCompletionMessageParam[], tools?: ChatCompletionTool[]) {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, ...(tools ? { tools } : {}) })
  return completion.choices[0]!
}

describe('the brain over the OpenAI wire format', () => {
  it('classifies with [[voxguard:classify]]: one intent name, English and Japanese', async () => {
    const system = { role: 'system' as const, content: 'Reply with the intent only. [[voxguard:classify]]' }
    expect((await ask([system, { role: 'user', content: 'How much is whitening?' }])).message.content).toBe('price')
    expect((await ask([system, { role: 'user', content: '予約をキャンセルしたいです' }])).message.content).toBe('cancel')
    expect((await ask([system, { role: 'user', content: 'Do you sell toothbrushes?' }])).message.content).toBe('fallback')
  })

  it('answers from the facts', async () => {
    const choice = await ask([{ role: 'user', content: 'How much does a cleaning cost?' }])
    expect(choice.message.content).toBe('A cleaning is 5000 yen, a checkup is 3000 yen and whitening is 30000 yen.')
    const japanese = await ask([{ role: 'user', content: '住所はどこですか' }])
    expect(japanese.message.content).toBe('住所は東京都渋谷区道玄坂2-14-3で、渋谷駅ハチ公口から徒歩5分です。')
  })

  it('answers every request of one utterance, and says so when the knowledge base has no answer', async () => {
    const both = await ask([{ role: 'user', content: 'What are your Saturday hours, and how much is a cleaning?' }])
    expect(both.message.content).toBe(
      'A cleaning is 5000 yen, a checkup is 3000 yen and whitening is 30000 yen. We are open Monday, Tuesday and Thursday 09:00-18:00, Wednesday 09:00-12:00, Friday 09:00-20:00 and Saturday 09:00-13:00. We are closed on Sundays and holidays.',
    )
    const unknown = await ask([{ role: 'user', content: 'Do you do orthodontic braces for adults?' }])
    expect(unknown.message.content).toMatch(/^I'm sorry, I don't know the answer to that\..*connect you to a receptionist\?$/)
  })

  it('books: asks for day and time, calls the tool with what was said, then confirms', async () => {
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: "I'd like to book an appointment" }]
    const question = await ask(messages, [bookTool])
    expect(question.message.content).toBe('I can book that for you. What day and time would you like?')
    messages.push({ role: 'assistant', content: question.message.content }, { role: 'user', content: 'Saturday at 10am. My name is Ken Mori.' })
    const call = await ask(messages, [bookTool])
    expect(call.finish_reason).toBe('tool_calls')
    const toolCall = call.message.tool_calls![0]!
    expect(toolCall.type === 'function' && toolCall.function.name).toBe('book_appointment')
    expect(toolCall.type === 'function' && JSON.parse(toolCall.function.arguments)).toEqual({ date: 'Saturday', time: '10:00', name: 'Ken Mori' })
    messages.push({ role: 'assistant', content: null, tool_calls: [toolCall] }, { role: 'tool', tool_call_id: toolCall.id, content: '{"booked":true}' })
    expect((await ask(messages, [bookTool])).message.content).toBe('Your appointment is booked for Saturday at 10:00.')
  })

  it("relays the tool result's own error sentence instead of a generic apology", async () => {
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Please cancel my appointment on Saturday at 10am. My name is Ken Mori.' }]
    const call = await ask(messages, [cancelTool])
    const toolCall = call.message.tool_calls![0]!
    messages.push({ role: 'assistant', content: null, tool_calls: [toolCall] }, { role: 'tool', tool_call_id: toolCall.id, content: '{"ok":false,"error":"I could not find an appointment for Ken Mori."}' })
    expect((await ask(messages, [cancelTool])).message.content).toBe("I'm sorry. I could not find an appointment for Ken Mori.")
  })

  it('books in Japanese in one turn, streaming the tool call', async () => {
    const stream = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: '土曜日の午前１０時に予約したいです。山田と申します。' }],
      tools: [bookTool],
      stream: true,
    })
    let name = ''
    let argumentsText = ''
    let finish: string | null | undefined
    for await (const chunk of stream) {
      const call = chunk.choices[0]?.delta.tool_calls?.[0]
      name += call?.function?.name ?? ''
      argumentsText += call?.function?.arguments ?? ''
      finish ??= chunk.choices[0]?.finish_reason
    }
    expect(name).toBe('book_appointment')
    expect(JSON.parse(argumentsText)).toEqual({ date: 'Saturday', time: '10:00', name: '山田' })
    expect(finish).toBe('tool_calls')
  })

  it('replies with the template when the booking tool is not offered', async () => {
    expect((await ask([{ role: 'user', content: 'Book me for Friday at 3pm' }])).message.content).toBe(
      'I can book that for you. What day and time would you like?',
    )
  })
})

describe('the brain over the Bedrock wire format', () => {
  const toolConfig = {
    tools: [{ toolSpec: { name: 'book_appointment', inputSchema: { json: { type: 'object' } } } }],
  }

  for (const [name, handler] of [
    ['HTTP/2', undefined],
    ['HTTP/1.1', new NodeHttpHandler()],
  ] as const) {
    it(`calls the booking tool and confirms (${name})`, async () => {
      const client = new BedrockRuntimeClient({
        region: 'ap-northeast-1',
        endpoint: server.endpoints('bedrock').bedrock,
        token: { token: 'bedrock-api-key' },
        authSchemePreference: ['httpBearerAuth'],
        maxAttempts: 1,
        ...(handler ? { requestHandler: handler } : {}),
      })
      try {
        const messages: Message[] = [{ role: 'user', content: [{ text: 'Can I book a cleaning on 2026-12-04 at 14:30?' }] }]
        const modelId = 'anthropic.claude-3-haiku-20240307-v1:0'
        const first = await client.send(new ConverseCommand({ modelId, messages, toolConfig }))
        expect(first.stopReason).toBe('tool_use')
        const toolUse = first.output!.message!.content![0]!.toolUse!
        expect(toolUse.name).toBe('book_appointment')
        expect(toolUse.input).toEqual({ date: '2026-12-04', time: '14:30', treatment: 'cleaning' })

        messages.push(first.output!.message!, {
          role: 'user',
          content: [{ toolResult: { toolUseId: toolUse.toolUseId!, content: [{ json: { booked: true } }] } }],
        })
        const streamed = await client.send(new ConverseStreamCommand({ modelId, messages, toolConfig }))
        let text = ''
        for await (const event of streamed.stream!) text += event.contentBlockDelta?.delta?.text ?? ''
        expect(text).toBe('Your appointment is booked for 2026-12-04 at 14:30.')
      } finally {
        client.destroy()
      }
    })
  }
})
