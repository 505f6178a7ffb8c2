import { describe, expect, it } from 'vitest'
import { LlmError } from '../../src/llm-error.ts'
import { createProviderAdapter } from '../../src/providers/create-provider-adapter.ts'
import type { ProviderAdapter } from '../../src/types.ts'
import { doneLine, roleChunk, serverErrorBody, sseHeaders, stopChunk, testApiKey, textChunk } from '../support/openai-wire.ts'
import { readParts } from '../support/read-stream.ts'
import { closedPortUrl, hang, startScriptedServer, within } from '../support/start-scripted-server.ts'

const adapterFor = (baseURL: string): ProviderAdapter => createProviderAdapter('primary', { provider: 'openai', model: 'gpt-4o-mini', apiKey: testApiKey, baseURL })
const messages = [{ role: 'user' as const, content: 'When do you open?' }]
const helloChunk = textChunk('We open')
const worldChunk = textChunk(' at 8 am.')

describe('OpenAI adapter against a real socket', () => {
  it('maps connection refused to code network', async () => {
    const error = await adapterFor(await closedPortUrl()).chat({ messages, signal: new AbortController().signal }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(LlmError)
    expect(error).toMatchObject({ code: 'network', target: 'primary' })
    expect((error as LlmError).message).toContain('ECONNREFUSED')
  })

  it('maps a connection reset before the response to code network', async () => {
    const server = await startScriptedServer((_request, response) => {
      response.socket?.destroy()
    })
    await expect(adapterFor(server.baseURL).chat({ messages, signal: new AbortController().signal })).rejects.toMatchObject({ code: 'network' })
  })

  it('throws code network when the socket is cut mid-stream, after the first token', async () => {
    const server = await startScriptedServer((_request, response) => {
      response.writeHead(200, sseHeaders)
      response.write(roleChunk + helloChunk, () => setTimeout(() => response.socket?.destroy(), 20))
    })
    const stream = await adapterFor(server.baseURL).stream({ messages, signal: new AbortController().signal })
    const { parts, error } = await readParts(stream.parts)
    expect(parts).toEqual([{ type: 'text-delta', text: 'We open' }])
    expect(error).toBeInstanceOf(LlmError)
    expect(error).toMatchObject({ code: 'network', target: 'primary' })
  })

  it('on caller abort mid-stream throws code aborted and closes the socket', async () => {
    const server = await startScriptedServer((_request, response) => {
      response.writeHead(200, sseHeaders)
      response.write(roleChunk + helloChunk) // then hang, as a stalled model would
    })
    const controller = new AbortController()
    const stream = await adapterFor(server.baseURL).stream({ messages, signal: controller.signal })
    const { parts, error } = await readParts(stream.parts, (part) => {
      if (part.type === 'text-delta') controller.abort()
    })
    expect(parts).toEqual([{ type: 'text-delta', text: 'We open' }])
    expect(error).toMatchObject({ code: 'aborted', target: 'primary' })
    expect(await within(server.closes(1), 2000)).toBeUndefined()
  })

  it('on caller abort while waiting for headers rejects with code aborted and closes the socket', async () => {
    const server = await startScriptedServer(hang)
    const controller = new AbortController()
    const pending = adapterFor(server.baseURL).chat({ messages, signal: controller.signal })
    setTimeout(() => controller.abort(), 50).unref()
    await expect(pending).rejects.toMatchObject({ code: 'aborted' })
    expect(await within(server.closes(1), 2000)).toBeUndefined()
  })

  it('closes the socket when the consumer stops reading early', async () => {
    const server = await startScriptedServer((_request, response) => {
      response.writeHead(200, sseHeaders)
      response.write(roleChunk + helloChunk + worldChunk)
    })
    const stream = await adapterFor(server.baseURL).stream({ messages, signal: new AbortController().signal })
    for await (const part of stream.parts) {
      expect(part.type).toBe('text-delta')
      break
    }
    expect(await within(server.closes(1), 2000)).toBeUndefined()
  })

  it('sends requests through an injected fetch', async () => {
    const server = await startScriptedServer((_request, response) => {
      response.writeHead(200, sseHeaders)
      response.end(roleChunk + helloChunk + stopChunk + doneLine)
    })
    const seenUrls: string[] = []
    const recordingFetch: typeof fetch = (input, init) => {
      seenUrls.push(String(input))
      return fetch(input, init)
    }
    const adapter = createProviderAdapter('primary', { provider: 'openai', model: 'gpt-4o-mini', apiKey: testApiKey, baseURL: server.baseURL, fetch: recordingFetch })
    const stream = await adapter.stream({ messages, signal: new AbortController().signal })
    expect((await readParts(stream.parts)).parts.at(-1)).toEqual({ type: 'finish', finishReason: 'stop' })
    expect(seenUrls).toEqual([`${server.baseURL}/chat/completions`])
  })

  it('answers an error status from a real server with the mapped code', async () => {
    const server = await startScriptedServer((_request, response) => {
      response.writeHead(502, { 'content-type': 'application/json' })
      response.end(serverErrorBody)
    })
    await expect(adapterFor(server.baseURL).stream({ messages, signal: new AbortController().signal })).rejects.toMatchObject({ code: 'server', status: 502 })
  })
})
