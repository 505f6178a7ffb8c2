import { describe, expect, it } from 'vitest'
import { LlmError, type LlmStreamPart, type RouteConfig } from '@voxguard/llm'
import { doneLine, jsonHeaders, roleChunk, serverErrorBody, sseHeaders, stopChunk, streamSse, textChunk, usageChunk } from './support/openai-wire.ts'
import { respondWith, startScriptedServer, type ScriptedReply } from './support/start-scripted-server.ts'
import { createTwoTargetClient } from './support/two-target-client.ts'

const messages = [
  { role: 'system' as const, content: 'You are the receptionist of a small clinic.' },
  { role: 'user' as const, content: 'When are you open?' },
]
const prefix = 'We are open Monday to Friday'
const continuation = ' from 9 am to 6 pm.'

/** Streams a role chunk and `texts`, then cuts the connection (no finish_reason, no [DONE]). */
const cutAfter = (...texts: string[]): ScriptedReply => (_request, response) => {
  response.writeHead(200, sseHeaders)
  response.write(roleChunk + texts.map(textChunk).join(''))
  setTimeout(() => response.socket?.destroy(), 30).unref()
}

/** Streams a role chunk and `texts`, then stays silent with the connection open (a stall). */
const stallAfter = (...texts: string[]): ScriptedReply => (_request, response) => {
  response.writeHead(200, sseHeaders)
  response.write(roleChunk + texts.map(textChunk).join(''))
}

/** A server that refuses an assistant prefix (last message from the assistant) with HTTP 400, and answers `text` otherwise. */
const rejectingPrefix = (text: string): ScriptedReply => (request, response) => {
  const last = request.body.messages?.at(-1)
  if (last?.role === 'assistant') {
    respondWith(400, '{"error":{"message":"Assistant message prefill is not supported for this model.","type":"invalid_request_error","param":"messages","code":"invalid_prefill"}}', jsonHeaders)(request, response)
  } else {
    respondWith(200, streamSse(text), sseHeaders)(request, response)
  }
}

async function run(primaryReply: ScriptedReply, secondaryReply: ScriptedReply, route: Partial<RouteConfig> = {}) {
  const primary = await startScriptedServer(primaryReply)
  const secondary = await startScriptedServer(secondaryReply)
  const { llm, log } = createTwoTargetClient({ primary: primary.baseURL, secondary: secondary.baseURL, route: { maxRetriesPerTarget: 0, ...route } })
  const parts: LlmStreamPart[] = []
  const error = await (async () => {
    for await (const part of llm.stream({ route: 'answer', messages })) parts.push(part)
  })().catch((caught: unknown) => caught)
  const deltas = parts.flatMap((part) => (part.type === 'text-delta' ? [part.text] : []))
  const end = parts.find((part): part is Extract<LlmStreamPart, { type: 'end' }> => part.type === 'end')
  return { primary, secondary, log, parts, deltas, end, error }
}

const summary = (attempts: Array<{ target: string; outcome: string; errorCode?: string }> | undefined) => attempts?.map(({ target, outcome, errorCode }) => `${target}:${outcome}${errorCode === undefined ? '' : `:${errorCode}`}`)

describe('stream faults after the first token, over real sockets (continuation on by default)', () => {
  it('a cut after two tokens: the next target continues with the text so far as an assistant prefix; the caller sees one stream', async () => {
    const { primary, secondary, log, deltas, end, error } = await run(cutAfter('We are open', ' Monday to Friday'), respondWith(200, streamSse(continuation), sseHeaders))
    expect(error).toBeUndefined()
    expect(deltas).toEqual(['We are open', ' Monday to Friday', continuation])
    expect(end).toMatchObject({ text: prefix + continuation, servedBy: 'secondary', finishReason: 'stop', usage: { inputTokens: 19, outputTokens: 5, totalTokens: 24 } })
    expect(primary.requests).toHaveLength(1)
    expect(secondary.requests).toHaveLength(1)
    expect(secondary.requests[0]?.body).toMatchObject({ stream: true, messages: [...messages, { role: 'assistant', content: prefix }] })
    expect(summary(end?.attempts)).toEqual(['primary:error:network', 'secondary:success'])
    expect(end?.attempts[0]?.reason).toBe('network after the first token; continued on the next target with the text so far')
    expect(end?.attempts[0]?.timeToFirstTokenMs).toBeTypeOf('number')
    expect(log.of('fallback', 'primary')).toEqual([expect.objectContaining({ nextTarget: 'secondary', errorCode: 'network' })])
  })

  it('a stall mid-answer: after interChunkTimeoutMs the next target continues, and the stalled socket is closed', async () => {
    const { primary, secondary, deltas, end, error } = await run(stallAfter('We are open', ' Monday to Friday'), respondWith(200, streamSse(continuation), sseHeaders), { interChunkTimeoutMs: 200 })
    expect(error).toBeUndefined()
    expect(deltas.join('')).toBe(prefix + continuation)
    expect(end).toMatchObject({ text: prefix + continuation, servedBy: 'secondary' })
    expect(summary(end?.attempts)).toEqual(['primary:error:timeout', 'secondary:success'])
    expect(secondary.requests[0]?.body.messages?.at(-1)).toEqual({ role: 'assistant', content: prefix })
    await primary.closes(1)
    expect(primary.closedMidRequest).toBe(1)
  })

  it('one malformed SSE event mid-stream is skipped (event stream-event-skipped) and the same target finishes the answer', async () => {
    const malformed = 'data: {"id":"chatcmpl-B9MHD","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Mon\n\n'
    const body = roleChunk + textChunk('We are open') + malformed + textChunk(' Monday to Friday') + stopChunk + usageChunk + doneLine
    const { secondary, log, deltas, end, error } = await run(respondWith(200, body, sseHeaders), respondWith(200, streamSse(continuation), sseHeaders))
    expect(error).toBeUndefined()
    expect(deltas).toEqual(['We are open', ' Monday to Friday'])
    expect(end).toMatchObject({ text: prefix, servedBy: 'primary', finishReason: 'stop' })
    expect(summary(end?.attempts)).toEqual(['primary:success'])
    expect(secondary.requests).toHaveLength(0)
    const skipped = log.of('stream-event-skipped', 'primary')
    expect(skipped).toHaveLength(1)
    expect(skipped[0]?.reason).toMatch(/^malformed SSE event \(\d+ bytes of data that is not JSON\); skipped, reading on$/)
    // The event says what was skipped, never the text it carried.
    expect(JSON.stringify(skipped)).not.toContain('Mon')
  })

  it('a fallback rejecting the assistant prefix (HTTP 400) restarts on that target without it, marked as a restart', async () => {
    const whole = 'We are open weekdays from 9 am to 6 pm.'
    const { secondary, log, parts, end, error } = await run(cutAfter('We are open', ' Monday to Friday'), rejectingPrefix(whole))
    expect(error).toBeUndefined()
    expect(parts.map((part) => (part.type === 'text-delta' ? part.text : part.type))).toEqual(['We are open', ' Monday to Friday', 'restart', whole, 'usage', 'end'])
    expect(parts[2]).toMatchObject({ type: 'restart', discardedChars: prefix.length })
    expect(end).toMatchObject({ text: whole, servedBy: 'secondary' })
    expect(summary(end?.attempts)).toEqual(['primary:error:network', 'secondary:error:request_invalid', 'secondary:success'])
    expect(end?.attempts[1]?.reason).toBe('request_invalid 400: the continuation (assistant prefix) was rejected; restarted on "secondary" without it')
    expect(secondary.requests.map((request) => request.body.messages)).toEqual([[...messages, { role: 'assistant', content: prefix }], messages])
    expect(log.of('stream-restart', 'secondary')).toHaveLength(1)
  })

  it('no target can continue: the caller gets the ORIGINAL fault (the cut), saying how much text it already has; never a truncated success', async () => {
    const { secondary, deltas, end, error } = await run(cutAfter('We are open', ' Monday to Friday'), respondWith(503, serverErrorBody, jsonHeaders))
    expect(deltas.join('')).toBe(prefix)
    expect(end).toBeUndefined()
    expect(secondary.requests).toHaveLength(1)
    expect(error).toBeInstanceOf(LlmError)
    const failure = error as LlmError
    expect([failure.code, failure.target]).toEqual(['network', 'primary'])
    expect(failure.message).toMatch(`${prefix.length} characters were delivered before the stream was cut`)
    expect(failure.message).toMatch(/no target could continue it \(last: .*secondary \(server 503\)\)/)
    expect(summary(failure.attempts)).toEqual(['primary:error:network', 'secondary:error:server'])
  })

  it('a prefix rejected and the restart rejected too: the original fault, not the 400', async () => {
    const { deltas, end, error } = await run(cutAfter('We are open', ' Monday to Friday'), respondWith(400, '{"error":{"message":"Assistant message prefill is not supported for this model.","type":"invalid_request_error","param":"messages","code":"invalid_prefill"}}', jsonHeaders))
    expect(deltas.join('')).toBe(prefix)
    expect(end).toBeUndefined()
    expect(LlmError.isInstance(error) && [error.code, error.target]).toEqual(['network', 'primary'])
    expect(summary((error as LlmError).attempts)).toEqual(['primary:error:network', 'secondary:error:request_invalid', 'secondary:error:request_invalid'])
  })

  it('continueOnMidStreamError false: the cut is thrown to the caller and the next target gets no request', async () => {
    const { secondary, deltas, error } = await run(cutAfter('We are open', ' Monday to Friday'), respondWith(200, streamSse(continuation), sseHeaders), { continueOnMidStreamError: false })
    expect(deltas).toEqual(['We are open', ' Monday to Friday'])
    expect(LlmError.isInstance(error) && error.code).toBe('network')
    expect((error as LlmError).message).toMatch(`failed after the first token (${prefix.length} characters delivered)`)
    expect(secondary.requests).toHaveLength(0)
  })
})
