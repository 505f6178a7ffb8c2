import { APIError } from 'openai'
import type { ChatCompletionChunk } from 'openai/resources/chat/completions'

/** An SSE `data` event that is not JSON: skipped, its size reported (never its content). */
export interface MalformedSseEvent {
  malformedBytes: number
}

/** One server-sent event: its `event:` name (if any) and its `data:` lines joined by newlines. */
interface SseEvent {
  event: string | undefined
  data: string
}

/**
 * Reads a Chat Completions SSE response body event by event: JSON chunks until `[DONE]`.
 * An `error` event or an `{"error": …}` chunk throws the openai SDK's `APIError`, as the
 * SDK's own reader does; unlike it, one event whose data is not JSON does not end the
 * stream: it comes out as a `MalformedSseEvent` and reading goes on. Stopping the
 * iteration cancels the body, which closes the connection.
 */
export async function* readOpenAiSse(response: Response): AsyncGenerator<ChatCompletionChunk | MalformedSseEvent> {
  if (response.body === null) return
  for await (const event of parseSse(response.body)) {
    if (event.data === '[DONE]') return
    let data: unknown
    try {
      data = JSON.parse(event.data)
    } catch {
      yield { malformedBytes: Buffer.byteLength(event.data) }
      continue
    }
    const error = typeof data === 'object' && data !== null ? (data as { error?: unknown }).error : undefined
    if (event.event === 'error' || error !== undefined) throw new APIError(undefined, (error ?? data) as object, undefined, response.headers)
    yield data as ChatCompletionChunk
  }
}

/**
 * The event-stream format (WHATWG HTML, "Server-sent events"): lines end in LF, CRLF or CR; a
 * blank line dispatches the event; `data:` lines accumulate, `event:` names it, lines starting
 * with `:` are comments; one space after the colon is dropped. Hand-written (50 lines) rather
 * than eventsource-parser: that package publishes a `source` export condition pointing at
 * TypeScript files, which this workspace's `--conditions=source` (decision 003) would load
 * from node_modules, where Node refuses to strip types.
 */
async function* parseSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder()
  let pending = ''
  let data: string[] = []
  let name: string | undefined
  for await (const bytes of body) {
    pending += decoder.decode(bytes, { stream: true })
    let start = 0
    for (let index = 0; index < pending.length; index += 1) {
      const character = pending.charCodeAt(index)
      if (character !== 10 && character !== 13) continue
      // A CR at the very end may be the first half of a CRLF: wait for the next bytes.
      if (character === 13 && index === pending.length - 1) break
      const line = pending.slice(start, index)
      if (character === 13 && pending.charCodeAt(index + 1) === 10) index += 1
      start = index + 1
      if (line === '') {
        if (data.length > 0) yield { event: name, data: data.join('\n') }
        data = []
        name = undefined
        continue
      }
      if (line.startsWith(':')) continue
      const colon = line.indexOf(':')
      const field = colon === -1 ? line : line.slice(0, colon)
      let value = colon === -1 ? '' : line.slice(colon + 1)
      if (value.startsWith(' ')) value = value.slice(1)
      if (field === 'data') data.push(value)
      else if (field === 'event') name = value
    }
    pending = pending.slice(start)
  }
  // An event without its closing blank line was cut: dropped, as the format says.
}
