import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RawServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** Resolves when the server has seen a client connection close (after a request arrived). */
  connectionClosed: Promise<void>
  close(): Promise<void>
}

/**
 * A real HTTP/1.1 server on 127.0.0.1 with an ephemeral port, for what msw cannot model:
 * socket cuts, hangs, and asserting that the client closed its connection.
 */
export async function startRawServer(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<RawServer> {
  let markClosed = (): void => {}
  const connectionClosed = new Promise<void>((resolve) => {
    markClosed = resolve
  })
  const server = createServer((request, response) => {
    request.socket.once('close', () => markClosed())
    handler(request, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    connectionClosed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Resolves with `'timeout'` when `promise` has not settled after `ms`; the timer is unref'ed. */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return Promise.race([promise, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref())])
}
