import { describe, expect, it } from 'vitest'
import { LlmError } from '../../src/llm-error.ts'
import { createProviderAdapter } from '../../src/providers/create-provider-adapter.ts'
import type { ProviderAdapter } from '../../src/types.ts'
import { eventStreamHeaders, messageStartFrame, textDeltaFrame } from '../support/bedrock-wire.ts'
import { readParts } from '../support/read-stream.ts'
import { closedPortUrl, hang, startScriptedServer, within } from '../support/start-scripted-server.ts'

const adapterFor = (url: string): ProviderAdapter =>
  createProviderAdapter('bedrock-local', { provider: 'bedrock', modelId: 'amazon.nova-micro-v1:0', region: 'us-east-1', endpoint: url, credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } })
const messages = [{ role: 'user' as const, content: 'When do you open?' }]

/** Answers ConverseStream over HTTP/1.1 with messageStart and one text delta, then does `then`. */
const startStream = (then: (destroy: () => void) => void) =>
  startScriptedServer((request, response) => {
    expect(request.path).toBe('/model/amazon.nova-micro-v1%3A0/converse-stream')
    response.writeHead(200, eventStreamHeaders)
    response.write(Buffer.concat([messageStartFrame(), textDeltaFrame('We open')]), () => then(() => response.socket?.destroy()))
  })

describe('Bedrock adapter against a real HTTP/1.1 socket', () => {
  it('maps connection refused to code network', async () => {
    const error = await adapterFor(new URL(await closedPortUrl()).origin).chat({ messages, signal: new AbortController().signal }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(LlmError)
    expect(error).toMatchObject({ code: 'network', target: 'bedrock-local', message: expect.stringContaining('ECONNREFUSED') })
  })

  it('throws code network when the socket is cut mid-stream, after the first token', async () => {
    const server = await startStream((destroy) => setTimeout(destroy, 20))
    const stream = await adapterFor(server.url).stream({ messages, signal: new AbortController().signal })
    const { parts, error } = await readParts(stream.parts)
    expect(parts).toEqual([{ type: 'text-delta', text: 'We open' }])
    expect(error).toBeInstanceOf(LlmError)
    expect(error).toMatchObject({ code: 'network' })
  })

  it('on caller abort mid-stream throws code aborted and closes the socket', async () => {
    const server = await startStream(() => {}) // then hangs
    const controller = new AbortController()
    const stream = await adapterFor(server.url).stream({ messages, signal: controller.signal })
    const { parts, error } = await readParts(stream.parts, () => controller.abort())
    expect(parts).toEqual([{ type: 'text-delta', text: 'We open' }])
    expect(error).toMatchObject({ code: 'aborted', target: 'bedrock-local' })
    expect(await within(server.closes(1), 2000)).toBeUndefined()
  })

  it('on caller abort while waiting for the response rejects with code aborted and closes the socket', async () => {
    const server = await startScriptedServer(hang)
    const controller = new AbortController()
    const pending = adapterFor(server.url).chat({ messages, signal: controller.signal })
    setTimeout(() => controller.abort(), 50).unref()
    await expect(pending).rejects.toMatchObject({ code: 'aborted' })
    expect(await within(server.closes(1), 2000)).toBeUndefined()
  })

  it('closes the socket when the consumer stops reading early', async () => {
    const server = await startStream(() => {})
    const stream = await adapterFor(server.url).stream({ messages, signal: new AbortController().signal })
    for await (const part of stream.parts) {
      expect(part).toEqual({ type: 'text-delta', text: 'We open' })
      break
    }
    expect(await within(server.closes(1), 2000)).toBeUndefined()
  })
})
