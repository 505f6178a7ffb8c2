import { EventSourceParserStream } from 'eventsource-parser/stream'
import { APIError } from 'openai'
import type { ChatCompletionChunk } from 'openai/resources/chat/completions'

/** An SSE `data` event that is not JSON: skipped, its size reported (never its content). */
export interface MalformedSseEvent {
  malformedBytes: number
}

/**
 * Reads a Chat Completions SSE response body event by event (eventsource-parser): JSON
 * chunks until `[DONE]`. An `error` event or an `{"error": …}` chunk throws the openai SDK's
 * `APIError`, as the SDK's own reader does; unlike it, one event whose data is not JSON
 * does not end the stream: it comes out as a `MalformedSseEvent` and reading goes on.
 * Stopping the iteration cancels the body, which closes the connection.
 */
export async function* readOpenAiSse(response: Response): AsyncGenerator<ChatCompletionChunk | MalformedSseEvent> {
  if (response.body === null) return
  const events = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream())
  for await (const event of events) {
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
