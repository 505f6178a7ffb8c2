import type { CallContext } from './call-context.ts'
import type { LlmChatResult } from './llm-client-types.ts'
import { runFailover } from './run-failover.ts'
import type { TargetRuntime } from './target-runtime.ts'
import type { ProviderChatResult } from './types.ts'

/** Non-streaming call: the first target that answers serves it. */
export async function chatWithFailover(call: CallContext, plan: TargetRuntime[]): Promise<LlmChatResult> {
  const { value, attempt } = await runFailover<ProviderChatResult>(
    call,
    plan,
    (attempt) => {
      const { attemptTimeoutMs } = call.route
      if (attemptTimeoutMs !== undefined) attempt.timers.arm(attemptTimeoutMs, `no answer within attemptTimeoutMs ${attemptTimeoutMs}`)
      return attempt.timers.race(attempt.target.adapter.chat(attempt.providerRequest()))
    },
    (_value, attempt) => attempt.cancel(),
  )
  attempt.succeed(value.usage, value.headers)
  return {
    text: value.text,
    toolCalls: value.toolCalls,
    finishReason: value.finishReason,
    usage: value.usage,
    servedBy: attempt.target.name,
    attempts: [...call.attempts],
  }
}
