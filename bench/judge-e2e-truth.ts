/**
 * Ground truth of the end-to-end judge bench (judge-e2e.bench.ts), per turn and per call,
 * built from @voxguard/mock-llm's ground-truth records and the example agent's deterministic
 * behaviour — never from the judge's output.
 *
 * Hallucinated turn: the caller received a mock hallucination record's `replyText` from its
 * start through the LAST occurrence of its `injected` text (so the false value itself, not only
 * a true prefix, reached the caller; a stream cut before it does not count). Joined by text:
 * every other part of a mock reply is a fixed template or a knowledge-base value, so that prefix
 * is said by no fault-free reply — except booking confirmations, whose values come from the
 * call's own tool call ("booked for Tuesday at 10:00" is true in another call): for those
 * (`claimType` `date`) the turn's tool call must also carry the `original` value.
 * Classifications never carry hallucinations (the brain does not inject into them) and are not
 * shown to the caller anyway.
 *
 * System turn (the agent could not answer because every target of a step failed):
 *  - `answer_failed`: the reply contains the agent's canned apology, which it says only when the
 *    `answer` (or a half-said `confirm`) step failed on every target or hit the turn deadline;
 *  - `confirm_failed`: a turn with a model tool call whose text after the tool has none of the
 *    mock brain's confirmation sentences — the agent then says the tool's own result sentence
 *    (or nothing, for a hand-off), which it does only when the `confirm` step failed on every target.
 *    Recorded and cross-checked, but NOT a system failure of the call: the tool ran and the caller
 *    heard its result, and the agent reports it as `llm.degraded` (evidence only, docs/protocol.md);
 *  - `classify_failed`: in a call whose script expects the agent to end it (`agentEndsCall`),
 *    the agent said the goodbye reply but did not hang up — it hangs up after the goodbye intent,
 *    which it misses only when the `classify` step failed on every target (it then answers
 *    without an intent, and reports nothing). Elsewhere the missed hang-up goes unnoticed (the
 *    caller hangs up) and is not a failure;
 *  - `latency`: the harness measured the first byte later than the script's `replyWithinMs`;
 *  - `transport`: the harness recorded a transport failure (`record.failure`).
 * Each `*_failed` turn is cross-checked against the mock's fault records (see `corroborate`).
 *
 * Call factor: `system` when it has a system turn, `dialogue` when a hallucination reached the
 * caller, `both` when both, null (pass) otherwise.
 */
import type { CallRecord, TurnRecord } from '@voxguard/harness'
import type { GroundTruthRecord, HallucinationRecord } from '@voxguard/mock-llm'

/** Part of the agent's canned apology (examples/clinic-agent/src/prompts.ts `CANNED_LINES.apology`). */
export const AGENT_APOLOGY = "I'm having trouble answering right now"
/**
 * Where the agent's canned apology starts in a reply, English (`CANNED_LINES.apology`, "I'm sorry, "
 * before the part above) or Japanese (`CANNED_LINES_JA.apology`); -1 when the reply has none.
 */
export function apologyStart(text: string): number {
  const english = text.indexOf(AGENT_APOLOGY)
  if (english >= 0) return Math.max(0, english - "I'm sorry, ".length)
  return text.indexOf('申し訳ありません、ただいまお答えできません')
}
/** The agent's canned hand-off line (keypad 0, "yes" after an apology): no model involved. */
const AGENT_HANDOFF = 'I will connect you to our receptionist now'
/** How the mock brain words every reply after a tool result (packages/mock-llm brain, rule 5). */
const BRAIN_CONFIRMATIONS = ['Your appointment is booked for', 'Your appointment has been cancelled.', 'Please hold while I connect you', 'Done.', "I'm sorry"]
/** The end of the goodbye intent's reply (knowledge.yaml); hallucinations change its name, not this. */
const GOODBYE_REPLY_END = 'Goodbye.'
/** Targets of the agent's chains (examples/clinic-agent/agent.yaml): `answer` and `confirm`, `classify`. */
export const ANSWER_CHAIN = ['azure-japaneast', 'azure-swedencentral', 'bedrock-tokyo']
export const CLASSIFY_CHAIN = ['openai-mini', 'azure-japaneast']
/** Circuit breakers stay open this long after failures (@voxguard/llm default) + slack. */
const BREAKER_MEMORY_MS = 11_000

export type SystemCause = 'answer_failed' | 'confirm_failed' | 'classify_failed' | 'latency' | 'transport'
export type TrueFactor = 'system' | 'dialogue' | 'both' | null

export interface CallTruth {
  factor: TrueFactor
  /** Turn index → the hallucination that reached the caller in it. */
  hallucinated: Map<number, HallucinationRecord>
  /** Turn index → why it failed for a system reason (`-1` for a call-level transport failure). */
  system: Map<number, SystemCause[]>
}

/** A booking confirmation's date or time: the value came from the call's tool call, not the knowledge base. */
const fromToolCall = (record: HallucinationRecord) => record.claimType === 'date' || record.factPath?.startsWith('appointment.') === true

/** The brain's Japanese confirmation says the tool's English weekday in Japanese (Monday → 月曜日). */
const JAPANESE_WEEKDAYS: Record<string, string> = { Monday: '月曜日', Tuesday: '火曜日', Wednesday: '水曜日', Thursday: '木曜日', Friday: '金曜日', Saturday: '土曜日', Sunday: '日曜日', tomorrow: '明日', today: '今日' }

/** Whether a tool call carried the value a hallucination replaced, as the call's argument or its Japanese rendering. */
const carries = (argument: unknown, original: string | null) => argument === original || (typeof argument === 'string' && JAPANESE_WEEKDAYS[argument] === original)

/** Finds which mock hallucination, if any, reached the caller in a reply. */
export class HallucinationIndex {
  readonly #byPrefix = new Map<string, HallucinationRecord[]>()
  add(record: GroundTruthRecord): void {
    if (record.kind !== 'hallucination') return
    const end = record.replyText.lastIndexOf(record.injected)
    if (end < 0) throw new Error(`mock ground truth ${record.requestId}: injected text not in replyText`)
    const prefix = record.replyText.slice(0, end + record.injected.length)
    this.#byPrefix.set(prefix, [...(this.#byPrefix.get(prefix) ?? []), record])
  }
  find(turn: TurnRecord): HallucinationRecord | undefined {
    for (const [prefix, records] of this.#byPrefix) {
      if (!turn.agent.text.includes(prefix)) continue
      const found = records.find((record) => !fromToolCall(record) || turn.agent.toolCalls.some((call) => Object.values(call.arguments).some((argument) => carries(argument, record.original))))
      if (found) return found
    }
    return undefined
  }
}

function budgetOf(record: CallRecord, turn: TurnRecord): number | undefined {
  return turn.expectations?.replyWithinMs ?? record.expectations?.replyWithinMs
}

function systemCauses(record: CallRecord, turn: TurnRecord): SystemCause[] {
  const causes: SystemCause[] = []
  const text = turn.agent.text
  if (apologyStart(text) >= 0) causes.push('answer_failed')
  else if (turn.agent.toolCalls.length > 0 && !text.includes(AGENT_HANDOFF) && !BRAIN_CONFIRMATIONS.some((sentence) => text.includes(sentence))) causes.push('confirm_failed')
  const lastTurn = record.turns.at(-1)
  if (record.expectations?.agentEndsCall === true && turn === lastTurn && text.trim().endsWith(GOODBYE_REPLY_END) && record.endedBy !== 'agent' && !record.failure) causes.push('classify_failed')
  const budget = budgetOf(record, turn)
  if (budget !== undefined && turn.agent.firstByteMs !== undefined && turn.agent.firstByteMs > budget) causes.push('latency')
  return causes
}

export function callTruth(record: CallRecord, hallucinations: HallucinationIndex): CallTruth {
  const hallucinated = new Map<number, HallucinationRecord>()
  const system = new Map<number, SystemCause[]>()
  if (record.failure) system.set(-1, ['transport'])
  for (const turn of record.turns) {
    const found = turn.index > 0 ? hallucinations.find(turn) : undefined
    if (found) hallucinated.set(turn.index, found)
    const causes = systemCauses(record, turn)
    if (causes.length > 0) system.set(turn.index, causes)
  }
  // A confirm step that failed after its tool ran still served the caller (llm.degraded): not a system failure.
  const failed = [...system.values()].some((causes) => causes.some((cause) => cause !== 'confirm_failed'))
  const factor: TrueFactor = failed ? (hallucinated.size > 0 ? 'both' : 'system') : hallucinated.size > 0 ? 'dialogue' : null
  return { factor, hallucinated, system }
}

/**
 * Mock evidence for a `*_failed` turn, logged between BREAKER_MEMORY_MS before the turn and its
 * end (a target whose breaker was open got no request in the turn itself, but failed just
 * before). A reply broken off half-said (text before the apology) needs one mid-stream fault
 * (a cut, or an error after HTTP 200) on a target of the chain: the agent cannot fall back once
 * it has spoken. Otherwise every target of the step's chain must have logged a fault (error,
 * hang, cut, outage or rate limit).
 */
export function corroborate(record: CallRecord, turnIndex: number, cause: SystemCause, faults: readonly GroundTruthRecord[]): boolean {
  const turn = record.turns.find((item) => item.index === turnIndex)
  if (!turn) return false
  const startMs = Date.parse(record.startedAt) + turn.sentAtMs
  const endMs = startMs + (turn.agent.completeMs ?? turn.agent.firstByteMs ?? 0) + 50
  const chain = cause === 'classify_failed' ? CLASSIFY_CHAIN : ANSWER_CHAIN
  const inWindow = (fault: GroundTruthRecord, fromMs: number) => fault.kind !== 'hallucination' && chain.includes(fault.target) && Date.parse(fault.at) >= fromMs && Date.parse(fault.at) <= endMs
  const apologyAt = apologyStart(turn.agent.text)
  if (cause === 'answer_failed' && /[\p{L}\p{N}]/u.test(turn.agent.text.slice(0, Math.max(0, apologyAt)))) {
    return faults.some((fault) => inWindow(fault, startMs) && (fault.kind === 'cut' || (fault.kind === 'error' && fault.status === 200)))
  }
  return chain.every((target) => faults.some((fault) => fault.target === target && inWindow(fault, startMs - BREAKER_MEMORY_MS)))
}
