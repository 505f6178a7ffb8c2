import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { completionJson, streamSse } from './openai-wire.ts'

export type Behaviour = 'answer' | 'hang' | { delayMs: number }

export interface OpenAiTestServer {
  /** `http://127.0.0.1:<port>/v1` */
  baseURL: string
  requests: number
  /** Client connections that closed while their request was unanswered or in flight. */
  closedMidRequest: number
  /** Resolves once `count` requests have arrived. */
  requestsArrived(count: number): Promise<void>
  /** Resolves once `count` connections closed mid-request. */
  closes(count: number): Promise<void>
  close(): Promise<void>
}

/** A real node:http OpenAI-compatible server on 127.0.0.1:0 that streams SSE, hangs, or answers late. */
export async function startOpenAiServer(behaviour: Behaviour, text = 'We open at 9.'): Promise<OpenAiTestServer> {
  const waiters: Array<() => void> = []
  const notify = () => waiters.splice(0).forEach((wake) => wake())
  const state = { requests: 0, closedMidRequest: 0 }
  const answer = (response: ServerResponse, streaming: boolean) => {
    response.writeHead(200, { 'content-type': streaming ? 'text/event-stream; charset=utf-8' : 'application/json' })
    response.end(streaming ? streamSse(text) : completionJson(text))
  }
  const server = createServer(async (request, response) => {
    let body = ''
    for await (const chunk of request) body += String(chunk)
    const streaming = (JSON.parse(body) as { stream?: boolean }).stream === true
    state.requests += 1
    notify()
    let finished = false
    response.on('finish', () => (finished = true))
    request.socket.once('close', () => {
      if (!finished) state.closedMidRequest += 1
      notify()
    })
    if (behaviour === 'answer') answer(response, streaming)
    else if (behaviour !== 'hang') setTimeout(() => !response.destroyed && answer(response, streaming), behaviour.delayMs).unref()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const until = (ready: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (ready() ? resolve() : waiters.push(check))
      check()
    })
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    get requests() {
      return state.requests
    },
    get closedMidRequest() {
      return state.closedMidRequest
    },
    requestsArrived: (count) => until(() => state.requests >= count),
    closes: (count) => until(() => state.closedMidRequest >= count),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A port that refuses connections: bound, then closed. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}/v1`
}
