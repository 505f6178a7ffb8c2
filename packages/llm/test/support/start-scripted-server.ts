import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { onTestFinished } from 'vitest'
import { completionJson, jsonHeaders, sseHeaders, streamSse } from './openai-wire.ts'

/** One request as the server saw it. */
export interface SeenRequest {
  path: string
  headers: IncomingHttpHeaders
  body: { messages?: Array<{ role: string; content: string }>; stream?: boolean; [key: string]: unknown }
}

/** Answers one request; may leave the response open (a hang) or destroy the socket (a cut). */
export type ScriptedReply = (request: SeenRequest, response: ServerResponse) => void | Promise<void>

export interface ScriptedServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** `http://127.0.0.1:<port>/v1` (an OpenAI `baseURL`) */
  baseURL: string
  /** Replaced at any time; applies to the next request. */
  reply: ScriptedReply
  readonly requests: SeenRequest[]
  /** Client connections that closed while their response was unfinished (the client aborted or cut it). */
  readonly closedMidRequest: number
  /** Resolves once `count` requests in total have arrived. */
  requestsArrived(count: number): Promise<void>
  /** Resolves once `count` connections closed mid-request. */
  closes(count: number): Promise<void>
  close(): Promise<void>
}

/**
 * A real node:http server on 127.0.0.1:0 whose behaviour a test scripts per request: for
 * what msw cannot model (hangs, socket cuts, asserting that the client closed its socket).
 * Call it inside a test: the server closes when the test finishes.
 */
export async function startScriptedServer(reply: ScriptedReply): Promise<ScriptedServer> {
  const waiters: Array<() => void> = []
  const notify = () => waiters.splice(0).forEach((wake) => wake())
  const requests: SeenRequest[] = []
  let closedMidRequest = 0
  const server = createServer(async (request, response) => {
    let text = ''
    for await (const chunk of request) text += String(chunk)
    const seen: SeenRequest = { path: request.url ?? '', headers: request.headers, body: text === '' ? {} : (JSON.parse(text) as SeenRequest['body']) }
    requests.push(seen)
    // Per response, not per socket: a kept-alive socket serves many requests.
    response.once('close', () => {
      if (!response.writableFinished) closedMidRequest += 1
      notify()
    })
    notify()
    await scripted.reply(seen, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const until = (ready: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (ready() ? resolve() : waiters.push(check))
      check()
    })
  const scripted: ScriptedServer = {
    url: `http://127.0.0.1:${port}`,
    baseURL: `http://127.0.0.1:${port}/v1`,
    reply,
    requests,
    get closedMidRequest() {
      return closedMidRequest
    },
    requestsArrived: (count) => until(() => requests.length >= count),
    closes: (count) => until(() => closedMidRequest >= count),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  onTestFinished(() => scripted.close())
  return scripted
}

/** Writes `body` with a status and headers, after `delayMs` (if the client is still there). */
export function respondWith(status: number, body: string, headers: Record<string, string>, delayMs = 0): ScriptedReply {
  return (_request, response) => {
    const send = () => {
      if (response.destroyed) return
      response.writeHead(status, headers)
      response.end(body)
    }
    if (delayMs === 0) send()
    else setTimeout(send, delayMs).unref()
  }
}

/** Answers `text` as OpenAI would: a completion, or an SSE stream when the request asked for one. */
export function answerOpenAi(text: string, delayMs = 0): ScriptedReply {
  const json = respondWith(200, completionJson(text), jsonHeaders, delayMs)
  const sse = respondWith(200, streamSse(text), sseHeaders, delayMs)
  return (request, response) => (request.body.stream === true ? sse : json)(request, response)
}

/** Never answers: the connection stays open until the client closes it. */
export const hang: ScriptedReply = () => undefined

/** An OpenAI `baseURL` whose port refuses connections: bound, then closed. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}/v1`
}

/** Resolves with `'timeout'` when `promise` has not settled after `ms`; the timer is unref'ed. */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return Promise.race([promise, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref())])
}
