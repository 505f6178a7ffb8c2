import { createServer } from 'node:net'
import { describe, expect, it, vi } from 'vitest'
import { MockLlmError, startMockServer } from '@voxguard/mock-llm'
import { postChat } from './support.ts'

describe('server lifecycle and options', () => {
  it('close() ends hanging requests at once and frees the port', async () => {
    const server = await startMockServer({ profile: { targets: { a: { hangRate: 1 } } } })
    const pending = postChat(server.endpoints().openai).catch((caught: unknown) => caught)
    await vi.waitFor(() => expect(server.events).toMatchObject([{ kind: 'hang' }]))
    const startedAt = performance.now()
    await server.close()
    // Without dropping the hanging connection, close() would wait for it forever.
    expect(performance.now() - startedAt).toBeLessThan(2000)
    expect(await pending).toBeInstanceOf(TypeError)
    const again = await startMockServer({ port: server.port })
    expect(again.port).toBe(server.port)
    await again.close()
  })

  it('closes when its signal aborts', async () => {
    const controller = new AbortController()
    const server = await startMockServer({ signal: controller.signal })
    expect((await postChat(server.endpoints().openai)).status).toBe(200)
    controller.abort()
    await server.close()
    await expect(postChat(server.endpoints().openai)).rejects.toThrow(TypeError)
  })

  it('serves unprefixed paths from the default target and 404s unknown paths', async () => {
    const server = await startMockServer({ profile: { defaultTarget: 'b', targets: { a: {}, b: { errors: { rate503: 1 } } } } })
    try {
      expect((await postChat(`${server.url}/v1`)).status).toBe(503)
      expect((await postChat(`${server.url}/a/v1`)).status).toBe(200)
      const unknown = await fetch(`${server.url}/v2/responses`, { method: 'POST', body: '{}' })
      expect(unknown.status).toBe(404)
      expect(() => server.endpoints('nope')).toThrow('target: "nope" is not one of a, b')
    } finally {
      await server.close()
    }
  })

  it('rejects bad options by name, and a taken port as listen-failed', async () => {
    await expect(startMockServer({ port: 70_000 })).rejects.toThrow('port: expected a whole number 0–65535, got 70000')
    await expect(startMockServer({ seed: 1.5 })).rejects.toThrow('seed: expected a whole number, got 1.5')
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    const error = await startMockServer({ port }).catch((caught: unknown) => caught)
    blocker.close()
    expect(error).toBeInstanceOf(MockLlmError)
    expect((error as MockLlmError).code).toBe('listen_failed')
  })
})
