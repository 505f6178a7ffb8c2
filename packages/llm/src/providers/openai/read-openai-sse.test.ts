import { APIError } from 'openai'
import { describe, expect, it } from 'vitest'
import { readOpenAiSse } from './read-openai-sse.ts'

/** A response whose body arrives in exactly these pieces (to split lines, CRLFs and UTF-8 characters). */
function responseOf(...pieces: string[]): Response {
  const encoder = new TextEncoder()
  const bytes = pieces.map((piece) => encoder.encode(piece))
  const body = new ReadableStream<Uint8Array>({
    pull: (controller) => {
      const next = bytes.shift()
      if (next === undefined) controller.close()
      else controller.enqueue(next)
    },
  })
  return new Response(body, { headers: { 'x-request-id': 'req_1' } })
}

async function read(response: Response) {
  const events: unknown[] = []
  try {
    for await (const event of readOpenAiSse(response)) events.push(event)
  } catch (error) {
    return { events, error }
  }
  return { events, error: undefined }
}

describe('readOpenAiSse', () => {
  it('reads JSON events split anywhere, with LF, CRLF or CR line ends, comments and multi-line data, until [DONE]', async () => {
    const { events, error } = await read(
      responseOf(': keep-alive\n\ndata: {"a":', '1}\r', '\n\r\ndata: {"b":"é', '"}\r\rdata: {"c":\ndata: 3}\n\nevent: message\ndata: {"d":4}\n\ndata: [DONE]\n\ndata: {"after":true}\n\n'),
    )
    expect(error).toBeUndefined()
    expect(events).toEqual([{ a: 1 }, { b: 'é' }, { c: 3 }, { d: 4 }])
  })

  it('reports a malformed event by its size and keeps reading', async () => {
    const { events } = await read(responseOf('data: {"a":1}\n\ndata: {"broken\n\ndata: {"b":2}\n\n'))
    expect(events).toEqual([{ a: 1 }, { malformedBytes: 8 }, { b: 2 }])
  })

  it('throws the SDK APIError for an error event or an error chunk, as the SDK reader does', async () => {
    const named = await read(responseOf('data: {"a":1}\n\nevent: error\ndata: {"error":{"message":"overloaded","type":"server_error"}}\n\n'))
    expect(named.events).toEqual([{ a: 1 }])
    expect(named.error).toBeInstanceOf(APIError)
    const chunk = await read(responseOf('data: {"error":{"message":"overloaded","type":"server_error"}}\n\n'))
    expect(chunk.error).toBeInstanceOf(APIError)
    expect((chunk.error as APIError).status).toBeUndefined()
  })

  it('drops an event cut before its closing blank line (the stream was cut)', async () => {
    const { events } = await read(responseOf('data: {"a":1}\n\ndata: {"b":2}'))
    expect(events).toEqual([{ a: 1 }])
  })
})
