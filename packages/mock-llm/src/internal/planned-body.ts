import { ConnectionCut, type ResponsePlan } from './response-plan.ts'
import { sleep } from './sleep.ts'

const encoder = new TextEncoder()

/** How one wire format writes a streamed answer (SSE chunks or event-stream frames). */
export interface StreamFrames {
  /** Frames before the first token (role chunk, `messageStart`...). */
  head: () => string[] | Uint8Array[]
  /** The frame carrying one token (the `index`-th). */
  token: (token: string, index: number) => string | Uint8Array
  /** The frame of an error after HTTP 200 (the stream ends after it). */
  inStreamError: () => string | Uint8Array
  /** Frames after the last token (finish, usage, `[DONE]`...). */
  tail: () => string[] | Uint8Array[]
}

/**
 * A streamed answer paced as planned: head, one frame per token with the planned gaps,
 * tail. At the planned break it sends the in-stream error frame and ends, or, for a cut,
 * errors the body so the server drops the connection. A content-filter ending sends no token.
 */
export function plannedStreamBody(plan: ResponsePlan, signal: AbortSignal, frames: StreamFrames): ReadableStream<Uint8Array> {
  async function* bytes(): AsyncGenerator<Uint8Array> {
    for (const frame of frames.head()) yield asBytes(frame)
    const tokens = plan.ending === 'content-filter' ? [] : plan.tokens
    for (const [index, token] of tokens.entries()) {
      if (index > 0) await sleep(plan.interTokenMs[index] ?? 0, signal)
      if (index === plan.breakAfterTokens && plan.ending === 'cut') throw new ConnectionCut()
      if (index === plan.breakAfterTokens && plan.ending === 'in-stream-error') {
        yield asBytes(frames.inStreamError())
        return
      }
      yield asBytes(frames.token(token, index))
    }
    for (const frame of frames.tail()) yield asBytes(frame)
  }
  return ReadableStream.from(bytes())
}

/**
 * A whole-body (JSON) answer: waits as long as streaming the tokens would take, then sends
 * `body()`. A cut, or an in-stream failure (which JSON cannot carry), sends half the body
 * and drops the connection.
 */
export async function plannedJsonResponse(
  plan: ResponsePlan,
  signal: AbortSignal,
  headers: Record<string, string>,
  body: () => object,
): Promise<Response> {
  for (const waitMs of plan.interTokenMs.slice(1)) await sleep(waitMs, signal)
  const bytes = encoder.encode(JSON.stringify(body()))
  const allHeaders = { ...headers, 'content-type': 'application/json', 'content-length': String(bytes.length) }
  if (plan.ending !== 'cut' && plan.ending !== 'in-stream-error') return new Response(bytes, { status: 200, headers: allHeaders })
  const half = bytes.subarray(0, Math.floor(bytes.length / 2))
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(half)
      controller.error(new ConnectionCut())
    },
  })
  return new Response(stream, { status: 200, headers: allHeaders })
}

function asBytes(frame: string | Uint8Array): Uint8Array {
  return typeof frame === 'string' ? encoder.encode(frame) : frame
}
