import { LlmError } from '@voxguard/llm'

/**
 * Reads a stream of parts to its end or its first error. An error that is not an `LlmError`
 * is rethrown (adapters and the client throw only `LlmError`). `onPart` runs after each part.
 */
export async function readParts<T>(parts: AsyncIterable<T>, onPart: (part: T) => void = () => {}): Promise<{ parts: T[]; error: LlmError | undefined }> {
  const collected: T[] = []
  try {
    for await (const part of parts) {
      collected.push(part)
      onPart(part)
    }
  } catch (error) {
    if (!(error instanceof LlmError)) throw error
    return { parts: collected, error }
  }
  return { parts: collected, error: undefined }
}

/** A response body that delivers `chunks` (SSE text or event-stream frames) one by one, then ends. */
export function streamBody(chunks: ReadonlyArray<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk)
      controller.close()
    },
  })
}
