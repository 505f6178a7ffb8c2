import { admitAttempt } from './admit-attempt.ts'
import { Attempt } from './attempt.ts'
import type { CallContext } from './call-context.ts'
import type { FailoverResult } from './failover-result.ts'
import type { LlmChatResult } from './llm-client-types.ts'
import { runFailover } from './run-failover.ts'
import type { TargetRuntime } from './target-runtime.ts'
import type { ProviderChatResult } from './types.ts'

/**
 * Non-streaming call: the first target that answers serves it.
 *
 * Fast path: the first target is admitted at once and its answer is returned directly,
 * without the failover machinery. On its first fault (or when the first target cannot be
 * admitted at once, or the route hedges) the general path (`runFailover`) takes over from
 * exactly that point: the failed attempt is retried, or the call falls back, as if the
 * general path had sent it.
 */
export async function chatWithFailover(call: CallContext, plan: TargetRuntime[]): Promise<LlmChatResult> {
  const first = plan[0] as TargetRuntime
  if (call.route.hedgeAfterMs !== undefined && plan.length > 1) return answer(call, await runFailover(call, plan, sendChat, cancelLoser))
  call.setPlan(plan)
  call.markTried(first)
  const admitted = admitAttempt(call, first, undefined)
  if (!(admitted instanceof Attempt)) return answer(call, await runFailover(call, plan, sendChat, cancelLoser, { admitted }))
  let value: ProviderChatResult
  try {
    value = await sendChat(admitted)
  } catch (thrown) {
    return answer(call, await runFailover(call, plan, sendChat, cancelLoser, { failed: { attempt: admitted, thrown } }))
  }
  return answer(call, { value, attempt: admitted })
}

/** Sends one attempt's request, under its `attemptTimeoutMs` timer if the route has one. */
function sendChat(attempt: Attempt): Promise<ProviderChatResult> {
  const { attemptTimeoutMs } = attempt.call.route
  if (attemptTimeoutMs !== undefined) attempt.timers.arm(attemptTimeoutMs, `no answer within attemptTimeoutMs ${attemptTimeoutMs}`)
  return attempt.timers.race(attempt.target.adapter.chat(attempt.providerRequest()))
}

/** A hedged attempt whose answer came after another target's. */
function cancelLoser(_value: ProviderChatResult, attempt: Attempt): void {
  attempt.cancel()
}

function answer(call: CallContext, { value, attempt }: FailoverResult<ProviderChatResult>): LlmChatResult {
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
