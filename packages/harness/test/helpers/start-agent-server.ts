import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import type WebSocket from 'ws'

export interface AgentServer {
  /** `ws://127.0.0.1:<port><path>` */
  url: string
  /** Terminates every connection and stops listening. */
  close(): Promise<void>
}

/** A real WebSocket server on 127.0.0.1:<ephemeral> that hands each connection to `onConnection`. */
export async function startAgentServer(path: string, onConnection: (socket: WebSocket) => void): Promise<AgentServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => server.once('listening', resolve))
  server.on('connection', onConnection)
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    close: () =>
      new Promise((resolve) => {
        for (const client of server.clients) client.terminate()
        server.close(() => resolve())
      }),
  }
}
