import type { Attempt } from './attempt.ts'
import { describeError, type CallContext } from './call-context.ts'
import { recordFallback, stopsTheCall, withAttempts } from './call-outcome.ts'
import type { LlmStreamPart } from './llm-client-types.ts'
import { LlmError } from './llm-error.ts'
import type { FailoverResult } from './failover-result.ts'
import { runFailover } from './run-failover.ts'
import type { TargetRuntime } from './target-runtime.ts'
import type { ChatMessage, FinishReason, ProviderStreamPart, ToolCall, Usage } from './types.ts'

interface OpenStream {
  iterator: AsyncIterator<ProviderStreamPart>
  /** Parts read while waiting for the first token. */
  buffered: ProviderStreamPart[]
  headers: Record<string, string>
  ended: boolean
}

/**
 * Streaming call. Until the first token, any failure (HTTP error, in-stream error event,
 * first-token timeout, cut connection) fails over to the next target. After it, the route's
 * `continueOnMidStreamError` (default on) asks the next target to continue, with the text so
 * far sent as an assistant prefix; a target that rejects the prefix (HTTP 400) is asked once
 * more without it, and the caller gets a `restart` part first (the words already spoken are
 * not part of the new answer). When no target can continue, the caller gets the failure that
 * cut the stream, saying how much text it already has: never a truncated success. A malformed
 * event is skipped (event `stream-event-skipped`) and reading goes on.
 */
export async function* streamWithFailover(call: CallContext, plan: TargetRuntime[], onFirstChunk: () => void): AsyncGenerator<LlmStreamPart> {
  let messages: ChatMessage[] = call.request.messages
  let remaining = plan
  let text = ''
  let toolCalls: ToolCall[] = []
  let usage: Usage | undefined
  let firstChunkSeen = false
  /** The failure that first cut the stream after its first token: what the caller hears if nobody can continue. */
  let cut: LlmError | undefined
  let restarted = false
  for (;;) {
    let opened: FailoverResult<OpenStream>
    try {
      opened = await runFailover(
        call,
        remaining,
        (candidate) => openUntilFirstToken(call, candidate, messages),
        (value, candidate) => {
          candidate.cancel()
          void value.iterator.return?.()
        },
      )
    } catch (error) {
      const failure = error as LlmError
      if (cut === undefined) throw failure
      const rejecter = failure.code === 'request_invalid' && !restarted ? remaining.find((target) => target.name === failure.target) : undefined
      if (rejecter === undefined || call.requestsMade >= call.route.maxAttempts) throw noContinuation(call, cut, text, failure)
      // The target refused the assistant prefix: ask it for the whole answer instead.
      restarted = true
      const reason = `${describeError(failure)}: the continuation (assistant prefix) was rejected; restarted on "${rejecter.name}" without it`
      const record = call.attempts.findLast((attempt) => attempt.target === rejecter.name)
      if (record !== undefined) record.reason = reason
      call.emit({ ...rejecter.eventFields(), type: 'stream-restart', errorCode: failure.code, reason })
      yield { type: 'restart', discardedChars: text.length, reason }
      messages = call.request.messages
      remaining = remaining.slice(remaining.indexOf(rejecter))
      text = ''
      toolCalls = []
      usage = undefined
      continue
    }
    const { value: open, attempt } = opened
    let finishReason: FinishReason | undefined
    try {
      const read = partReader(call, attempt, open)
      for (let part = await read(); part !== undefined; part = await read()) {
        if (part.type === 'event-skipped') {
          call.emit({ ...attempt.target.eventFields(), type: 'stream-event-skipped', attempt: attempt.record.attempt, reason: part.reason })
          continue
        }
        if (!firstChunkSeen) {
          firstChunkSeen = true
          onFirstChunk()
        }
        if (part.type === 'finish') {
          finishReason = part.finishReason
          continue
        }
        if (part.type === 'text-delta') text += part.text
        if (part.type === 'tool-call') toolCalls.push(part.toolCall)
        if (part.type === 'usage') usage = part.usage
        yield part
      }
      if (finishReason === undefined) {
        throw new LlmError('network', `stream from "${attempt.target.name}" ended without a finish part`, { target: attempt.target.name })
      }
      attempt.succeed(usage, open.headers)
      yield { type: 'end', text, toolCalls, usage, finishReason, servedBy: attempt.target.name, attempts: [...call.attempts] }
      return
    } catch (error) {
      const failure = attempt.fail(error)
      if (stopsTheCall(failure)) throw withAttempts(call, failure)
      const rest = remaining.slice(remaining.indexOf(attempt.target) + 1)
      if (call.route.continueOnMidStreamError && rest.length > 0 && call.requestsMade < call.route.maxAttempts) {
        cut ??= failure
        attempt.record.reason = `${describeError(failure)} after the first token; continued on the next target with the text so far`
        recordFallback(call, attempt.target, rest[0], failure)
        messages = [...call.request.messages, { role: 'assistant', content: text }]
        remaining = rest
        continue
      }
      attempt.record.reason = `${describeError(failure)} after the first token; surfaced to the caller`
      if (cut !== undefined) throw noContinuation(call, cut, text, failure)
      const message = `stream from "${attempt.target.name}" failed after the first token (${text.length} characters delivered): ${failure.message}`
      throw withAttempts(call, restate(failure, message, attempt.target.name))
    } finally {
      // The consumer stopped reading early: abort the attempt so its socket closes.
      if (!attempt.settled) {
        attempt.cancel()
        void open.iterator.return?.()
      }
    }
  }
}

/**
 * No target could continue a cut stream: the caller gets the fault that cut it (its kind,
 * status and target), saying how much text it already has and what the continuation met.
 */
function noContinuation(call: CallContext, cut: LlmError, text: string, last: LlmError): LlmError {
  const message = `${text.length} characters were delivered before the stream was cut (${cut.message}) and no target could continue it (last: ${last.message})`
  return withAttempts(call, restate(cut, message, cut.target))
}

/** The same failure (kind, status, headers, attempts) told with more context; the original is the cause. */
function restate(error: LlmError, message: string, target: string | undefined): LlmError {
  return new LlmError(error.code, message, {
    headers: error.headers,
    attempts: error.attempts,
    cause: error,
    ...(target === undefined ? {} : { target }),
    ...(error.status === undefined ? {} : { status: error.status }),
  })
}

/** Opens a stream on one target and reads until the first token (or a finish with no text). */
async function openUntilFirstToken(call: CallContext, attempt: Attempt, messages: ChatMessage[]): Promise<OpenStream> {
  const { firstTokenTimeoutMs } = call.route
  attempt.timers.arm(firstTokenTimeoutMs, `no first token within firstTokenTimeoutMs ${firstTokenTimeoutMs}`)
  const stream = await attempt.timers.race(attempt.target.adapter.stream({ ...call.request, messages, signal: attempt.signal }))
  const iterator = stream.parts[Symbol.asyncIterator]()
  const buffered: ProviderStreamPart[] = []
  try {
    for (;;) {
      const next = await attempt.timers.race(iterator.next())
      if (next.done === true) return { iterator, buffered, headers: stream.headers, ended: true }
      buffered.push(next.value)
      if (next.value.type === 'tool-call' || next.value.type === 'finish' || (next.value.type === 'text-delta' && next.value.text !== '')) {
        attempt.markFirstToken()
        attempt.timers.disarm()
        return { iterator, buffered, headers: stream.headers, ended: false }
      }
    }
  } catch (error) {
    void iterator.return?.()
    throw error
  }
}

/**
 * Reads the buffered parts, then the rest of the stream, each under the inter-chunk timer;
 * `undefined` at the end. A plain function, not a generator: it runs once per chunk.
 */
function partReader(call: CallContext, attempt: Attempt, open: OpenStream): () => Promise<ProviderStreamPart | undefined> {
  const { interChunkTimeoutMs } = call.route
  const timeoutReason = `no stream part within interChunkTimeoutMs ${interChunkTimeoutMs}`
  let buffered = 0
  return async () => {
    if (buffered < open.buffered.length) return open.buffered[buffered++]
    if (open.ended) return undefined
    attempt.timers.arm(interChunkTimeoutMs, timeoutReason)
    const next = await attempt.timers.race(open.iterator.next())
    return next.done === true ? undefined : next.value
  }
}
