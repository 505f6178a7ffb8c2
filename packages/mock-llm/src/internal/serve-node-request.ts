import type { IncomingMessage, ServerResponse } from 'node:http'
import { constants, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2'
import type { MockEngine } from './mock-engine.ts'

const maxBodyBytes = 10 * 1024 * 1024
const encoder = new TextEncoder()

type NodeRequest = IncomingMessage | Http2ServerRequest
type NodeResponse = ServerResponse | Http2ServerResponse

/**
 * Bridges a Node HTTP/1.1 or HTTP/2 (compat API) request to the engine and writes the
 * engine's web `Response` back. `Response.error()` drops the connection (HTTP/1.1) or
 * refuses the stream (HTTP/2); a body stream that errors cuts the connection mid-answer.
 */
export async function serveNodeRequest(engine: MockEngine, request: NodeRequest, response: NodeResponse): Promise<void> {
  const abort = new AbortController()
  response.on('close', () => {
    if (!response.writableFinished) abort.abort(new Error('client went away'))
  })
  try {
    const body = await readBody(request)
    if (body === undefined) return writeSimple(response, 413, '{"error":{"message":"Request body too large."}}')
    const authority = request.headers[':authority'] ?? request.headers.host ?? '127.0.0.1'
    const headers = new Headers()
    for (const [name, value] of Object.entries(request.headers)) {
      if (name.startsWith(':') || value === undefined) continue
      headers.set(name, Array.isArray(value) ? value.join(', ') : value)
    }
    const webRequest = new Request(`http://${String(authority)}${request.url ?? '/'}`, {
      method: request.method ?? 'GET',
      headers,
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : body,
    })
    const match = engine.route(webRequest)
    if (match === undefined) {
      return writeSimple(response, 404, JSON.stringify({ error: { message: `mock-llm does not serve ${request.method} ${request.url}`, type: 'invalid_request_error', param: null, code: 'unknown_url' } }))
    }
    const webResponse = await engine.handle(webRequest, match, abort.signal)
    if (abort.signal.aborted) return
    if (webResponse.type === 'error') return dropConnection(response, constants.NGHTTP2_REFUSED_STREAM)
    await writeWebResponse(webResponse, response, abort.signal)
  } catch (error) {
    if (abort.signal.aborted) return
    if (!response.headersSent) {
      writeSimple(response, 500, JSON.stringify({ error: { message: `mock-llm internal error: ${(error as Error).message}`, type: 'server_error', param: null, code: null } }))
    } else dropConnection(response, constants.NGHTTP2_INTERNAL_ERROR)
  }
}

async function readBody(request: NodeRequest): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBodyBytes) return undefined
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

async function writeWebResponse(webResponse: Response, response: NodeResponse, signal: AbortSignal): Promise<void> {
  const headers: Record<string, string> = {}
  webResponse.headers.forEach((value, name) => {
    headers[name] = value
  })
  ;(response as ServerResponse).writeHead(webResponse.status, headers)
  if (webResponse.body === null) {
    response.end()
    return
  }
  const reader = webResponse.body.getReader()
  const cancel = () => void reader.cancel().catch(() => undefined)
  signal.addEventListener('abort', cancel, { once: true })
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      // Wait until each chunk is handed to the socket, so a later cut drops only what follows.
      await new Promise<void>((resolve) => (response as ServerResponse).write(value, () => resolve()))
    }
    response.end()
  } catch {
    // The engine broke the body on purpose (a cut) or the client left: drop the connection.
    if (!signal.aborted) dropConnection(response, constants.NGHTTP2_INTERNAL_ERROR)
  } finally {
    signal.removeEventListener('abort', cancel)
  }
}

function writeSimple(response: NodeResponse, status: number, body: string): void {
  const bytes = encoder.encode(body)
  ;(response as ServerResponse).writeHead(status, { 'content-type': 'application/json', 'content-length': String(bytes.length) })
  response.end(bytes)
}

function dropConnection(response: NodeResponse, http2Code: number): void {
  if ('stream' in response) response.stream.close(http2Code)
  else response.socket?.destroy()
}
