import { LlmError } from '@voxguard/llm'
import type { ProviderAdapter, ProviderChatResult, ProviderRequest, ProviderStream, ProviderStreamPart } from '@voxguard/llm'

/** One scripted behaviour of a fake target, consumed per request. */
export type FakeStep =
  | { answer: string; delayMs?: number; headers?: Record<string, string> }
  | { error: LlmError; delayMs?: number }
  | { hang: true }
  | { parts: Array<ProviderStreamPart | { fail: LlmError } | { waitMs: number }> }

/**
 * An in-memory ProviderAdapter for router unit tests: follows a script per request and
 * honours the request signal like a real adapter (a hang rejects when aborted).
 */
export function fakeAdapter(targetName: string, steps: FakeStep[], fallbackStep?: FakeStep) {
  const requests: ProviderRequest[] = []
  const next = (): FakeStep => steps.shift() ?? fallbackStep ?? { answer: `from ${targetName}` }
  const wait = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(new LlmError('aborted', 'aborted', { target: targetName }))
      const onAbort = () => {
        clearTimeout(timer)
        reject(new LlmError('aborted', 'aborted', { target: targetName }))
      }
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      signal.addEventListener('abort', onAbort, { once: true })
    })
  /** Records the request and takes its step; a `hang` step waits until the request is aborted. */
  const take = async (request: ProviderRequest): Promise<Exclude<FakeStep, { hang: true }>> => {
    requests.push(request)
    const step = next()
    if (!('hang' in step)) return step
    await wait(60_000, request.signal)
    throw new Error('unreachable')
  }
  const adapter: ProviderAdapter & { requests: ProviderRequest[] } = {
    provider: 'openai',
    targetName,
    model: `${targetName}-model`,
    requests,
    async chat(request): Promise<ProviderChatResult> {
      const step = await take(request)
      if ('parts' in step) throw new Error('parts step used for chat')
      await wait(step.delayMs ?? 0, request.signal)
      if ('error' in step) throw step.error
      return { text: step.answer, toolCalls: [], finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 }, headers: step.headers ?? {} }
    },
    async stream(request): Promise<ProviderStream> {
      const step = await take(request)
      if ('error' in step) {
        await wait(step.delayMs ?? 0, request.signal)
        throw step.error
      }
      const parts = 'parts' in step ? step.parts : [{ type: 'text-delta' as const, text: step.answer }, { type: 'finish' as const, finishReason: 'stop' as const }]
      return {
        headers: {},
        parts: (async function* () {
          for (const part of parts) {
            if ('fail' in part) throw part.fail
            if ('waitMs' in part) await wait(part.waitMs, request.signal)
            else yield part
          }
        })(),
      }
    },
  }
  return adapter
}
