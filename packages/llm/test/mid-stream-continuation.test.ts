import { describe, expect, it } from 'vitest'
import { LlmError, type LlmStreamPart } from '@voxguard/llm'
import { jsonHeaders, roleChunk, serverErrorBody, sseHeaders, streamSse, textChunk } from './support/openai-wire.ts'
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

async function setup(secondaryReply: ScriptedReply, continueOnMidStreamError = true) {
  const primary = await startScriptedServer(cutAfter('We are open', ' Monday to Friday'))
  const secondary = await startScriptedServer(secondaryReply)
  const { llm, log } = createTwoTargetClient({
    primary: primary.baseURL,
    secondary: secondary.baseURL,
    route: { continueOnMidStreamError, maxRetriesPerTarget: 0 },
  })
  const parts: LlmStreamPart[] = []
  const error = await (async () => {
    for await (const part of llm.stream({ route: 'answer', messages })) parts.push(part)
  })().catch((caught: unknown) => caught)
  const deltas = parts.flatMap((part) => (part.type === 'text-delta' ? [part.text] : []))
  const end = parts.find((part): part is Extract<LlmStreamPart, { type: 'end' }> => part.type === 'end')
  return { primary, secondary, log, deltas, end, error }
}

describe('mid-stream continuation over real sockets', () => {
  it('continues on the next target with the text so far as an assistant prefix; the caller sees one stream', async () => {
    const { primary, secondary, log, deltas, end, error } = await setup(respondWith(200, streamSse(continuation), sseHeaders))
    expect(error).toBeUndefined()
    expect(deltas).toEqual(['We are open', ' Monday to Friday', continuation])
    expect(end).toMatchObject({ text: prefix + continuation, servedBy: 'secondary', finishReason: 'stop', usage: { inputTokens: 19, outputTokens: 5, totalTokens: 24 } })
    expect(primary.requests).toHaveLength(1)
    expect(secondary.requests).toHaveLength(1)
    expect(secondary.requests[0]?.body).toMatchObject({ stream: true, messages: [...messages, { role: 'assistant', content: prefix }] })
    expect(end?.attempts.map(({ target, outcome, errorCode }) => ({ target, outcome, errorCode }))).toEqual([
      { target: 'primary', outcome: 'error', errorCode: 'network' },
      { target: 'secondary', outcome: 'success', errorCode: undefined },
    ])
    expect(end?.attempts[0]?.reason).toBe('network after the first token; continued on the next target with the text so far')
    expect(end?.attempts[0]?.timeToFirstTokenMs).toBeTypeOf('number')
    expect(log.of('fallback', 'primary')).toEqual([expect.objectContaining({ nextTarget: 'secondary', errorCode: 'network' })])
  })

  it('without continueOnMidStreamError the cut is thrown to the caller and the next target gets no request', async () => {
    const { secondary, deltas, error } = await setup(respondWith(200, streamSse(continuation), sseHeaders), false)
    expect(deltas).toEqual(['We are open', ' Monday to Friday'])
    expect(error).toBeInstanceOf(LlmError)
    expect((error as LlmError).code).toBe('network')
    expect((error as LlmError).message).toMatch(`failed after the first token (${prefix.length} characters delivered)`)
    expect(secondary.requests).toHaveLength(0)
  })

  it('when the continuation fails too, the error says how much text the caller already has', async () => {
    const { secondary, deltas, error } = await setup(respondWith(503, serverErrorBody, jsonHeaders))
    expect(deltas.join('')).toBe(prefix)
    expect(secondary.requests).toHaveLength(1)
    expect(error).toBeInstanceOf(LlmError)
    expect((error as LlmError).code).toBe('all_failed')
    expect((error as LlmError).message).toMatch(`${prefix.length} characters were delivered before no target could continue`)
    expect((error as LlmError).attempts.map(({ target, errorCode }) => `${target}:${errorCode}`)).toEqual(['primary:network', 'secondary:server'])
  })
})
