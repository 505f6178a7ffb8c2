import { afterEach, describe, expect, it } from 'vitest'
import { LlmError } from '../../src/llm-error.ts'
import { createProviderAdapter } from '../../src/providers/create-provider-adapter.ts'
import type { ProviderAdapter, ProviderStreamPart } from '../../src/types.ts'
import { doneLine, helloChunk, roleChunk, serverErrorBody, sseHeaders, stopChunk, testApiKey, worldChunk } from './openai-wire-fixtures.ts'
import { startRawServer, within } from './start-raw-server.ts'
import type { RawServer } from './start-raw-server.ts'

let server: RawServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const adapterFor = (url: string): ProviderAdapter => createProviderAdapter('primary', { provider: 'openai', model: 'gpt-4o-mini', apiKey: testApiKey, baseURL: `${url}/v1` })
const messages = [{ role: 'user' as const, content: 'When do you open?' }]

async function readUntilError(parts: AsyncIterable<ProviderStreamPart>, onPart: (part: ProviderStreamPart) => void = () => {}): Promise<{ parts: ProviderStreamPart[]; error: unknown }> {
  const collected: ProviderStreamPart[] = []
  try {
    for await (const part of parts) {
      collected.push(part)
      onPart(part)
    }
  } catch (error) {
    return { parts: collected, error }
  }
  return { parts: collected, error: undefined }
}

describe('OpenAI adapter against a real socket', () => {
  it('maps connection refused to kind network', async () => {
    const closed = await startRawServer(() => {})
    await closed.close()
    const error = await adapterFor(closed.url).chat({ messages, signal: new AbortController().signal }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(LlmError)
    expect(error).toMatchObject({ kind: 'network', target: 'primary' })
    expect((error as LlmError).message).toContain('ECONNREFUSED')
  })

  it('maps a connection reset before the response to kind network', async () => {
    server = await startRawServer((request) => request.socket.destroy())
    await expect(adapterFor(server.url).chat({ messages, signal: new AbortController().signal })).rejects.toMatchObject({ kind: 'network' })
  })

  it('throws kind network when the socket is cut mid-stream, after the first token', async () => {
    server = await startRawServer((request, response) => {
      response.writeHead(200, sseHeaders)
      response.write(roleChunk + helloChunk, () => setTimeout(() => request.socket.destroy(), 20))
    })
    const stream = await adapterFor(server.url).stream({ messages, signal: new AbortController().signal })
    const { parts, error } = await readUntilError(stream.parts)
    expect(parts).toEqual([{ type: 'text-delta', text: 'We open' }])
    expect(error).toBeInstanceOf(LlmError)
    expect(error).toMatchObject({ kind: 'network', target: 'primary' })
  })

  it('on caller abort mid-stream throws kind aborted and closes the socket', async () => {
    server = await startRawServer((_request, response) => {
      response.writeHead(200, sseHeaders)
      response.write(roleChunk + helloChunk) // then hang, as a stalled model would
    })
    const controller = new AbortController()
    const stream = await adapterFor(server.url).stream({ messages, signal: controller.signal })
    const { parts, error } = await readUntilError(stream.parts, (part) => {
      if (part.type === 'text-delta') controller.abort()
    })
    expect(parts).toEqual([{ type: 'text-delta', text: 'We open' }])
    expect(error).toMatchObject({ kind: 'aborted', target: 'primary' })
    expect(await within(server.connectionClosed, 2000)).toBeUndefined()
  })

  it('on caller abort while waiting for headers rejects with kind aborted and closes the socket', async () => {
    server = await startRawServer(() => {}) // never answers
    const controller = new AbortController()
    const pending = adapterFor(server.url).chat({ messages, signal: controller.signal })
    setTimeout(() => controller.abort(), 50).unref()
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' })
    expect(await within(server.connectionClosed, 2000)).toBeUndefined()
  })

  it('closes the socket when the consumer stops reading early', async () => {
    server = await startRawServer((_request, response) => {
      response.writeHead(200, sseHeaders)
      response.write(roleChunk + helloChunk + worldChunk)
    })
    const stream = await adapterFor(server.url).stream({ messages, signal: new AbortController().signal })
    for await (const part of stream.parts) {
      expect(part.type).toBe('text-delta')
      break
    }
    expect(await within(server.connectionClosed, 2000)).toBeUndefined()
  })

  it('sends requests through an injected fetch', async () => {
    server = await startRawServer((_request, response) => {
      response.writeHead(200, sseHeaders)
      response.end(roleChunk + helloChunk + stopChunk + doneLine)
    })
    const seenUrls: string[] = []
    const recordingFetch: typeof fetch = (input, init) => {
      seenUrls.push(String(input))
      return fetch(input, init)
    }
    const adapter = createProviderAdapter('primary', { provider: 'openai', model: 'gpt-4o-mini', apiKey: testApiKey, baseURL: `${server.url}/v1`, fetch: recordingFetch })
    const stream = await adapter.stream({ messages, signal: new AbortController().signal })
    expect((await readUntilError(stream.parts)).parts.at(-1)).toEqual({ type: 'finish', finishReason: 'stop' })
    expect(seenUrls).toEqual([`${server.url}/v1/chat/completions`])
  })

  it('answers an error status from a real server with the mapped kind', async () => {
    server = await startRawServer((_request, response) => {
      response.writeHead(502, { 'content-type': 'application/json' })
      response.end(serverErrorBody)
    })
    await expect(adapterFor(server.url).stream({ messages, signal: new AbortController().signal })).rejects.toMatchObject({ kind: 'server', status: 502 })
  })
})
