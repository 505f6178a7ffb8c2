import type { CallRecord } from '@voxguard/harness'
import { REASON_FACTORS, SYSTEM_EVENTS, type SystemReasonCode } from './reason-codes.ts'
import type { Reason } from './verdict.ts'

/** System faults of a call, and what they take out of dialogue judging. */
export interface SystemFindings {
  reasons: Reason[]
  /** Turns at or after this index are not judged for dialogue (the transport failed there). */
  cutoffTurn: number
  /** Turns whose reply a system fault produced or disrupted (timeout, LLM/ASR/TTS failure). */
  blockedTurns: Set<number>
  /** True when a fault other than slowness touched the call: goal and call-level checks are skipped. */
  disrupted: boolean
}

const FAILURE_CODES: Record<string, SystemReasonCode> = {
  connect_failed: 'agent_unreachable',
  socket_dropped: 'socket_dropped',
  turn_timeout: 'turn_timeout',
  call_timeout: 'turn_timeout',
  protocol_error: 'protocol_error',
  harness_error: 'harness_error',
}

function reason(code: SystemReasonCode, message: string, evidence: Reason['evidence'], turn?: number): Reason {
  return { code, factor: REASON_FACTORS[code] as 'system', ...(turn !== undefined ? { turn } : {}), message, evidence }
}

/**
 * Finds the system faults of a call: the transport failure (`record.failure`), turns that
 * timed out, agent events that report LLM/ASR/TTS failures, and replies whose first byte
 * came after the latency budget.
 */
export function systemReasons(record: CallRecord): SystemFindings {
  const reasons: Reason[] = []
  const blockedTurns = new Set<number>()
  let cutoffTurn = Number.POSITIVE_INFINITY
  const failure = record.failure
  if (failure) {
    const code = FAILURE_CODES[failure.kind] ?? 'harness_error'
    cutoffTurn = code === 'agent_unreachable' ? 0 : (failure.turn ?? record.turns.length)
    const closeCode = failure.closeCode ?? record.transport.closeCode
    const closeReason = failure.closeReason ?? record.transport.closeReason
    reasons.push(
      reason(
        code,
        `${failure.kind}: ${failure.message}`,
        { event: failure.kind, timingMs: failure.atMs, ...(closeCode !== undefined ? { closeCode } : {}), ...(closeReason ? { closeReason } : {}), ...(failure.lastMessage ? { quote: failure.lastMessage.slice(0, 200) } : {}) },
        code === 'agent_unreachable' ? undefined : failure.turn,
      ),
    )
  }
  // Audio calls: a reply due but never heard is silence, not slowness.
  const silentTurn = (turn: CallRecord['turns'][number]) => record.protocol === 'twilio' && turn.agent.text === '' && (turn.agent.audio?.silent === true || (turn.agent.audio?.mediaFrames ?? 0) === 0)
  if (failure?.kind === 'turn_timeout' && reasons[0] && failure.turn !== undefined) {
    const turn = record.turns.find((candidate) => candidate.index === failure.turn)
    if (turn && silentTurn(turn)) reasons[0] = { ...reasons[0], code: 'audio_silence', message: `turn ${turn.index}: silence where a reply was due (${reasons[0].message})` }
  }
  for (const turn of record.turns) {
    if (turn.index >= cutoffTurn) continue
    const unplayable = turn.agent.audio?.unplayable
    if (unplayable) {
      blockedTurns.add(turn.index)
      reasons.push(reason('audio_unplayable', `turn ${turn.index}: the agent's audio cannot be played: ${unplayable}`, { event: 'media' }, turn.index))
      continue
    }
    // A reply the caller cut short (barge-in, `clear`) may have been silent so far: that is no fault.
    if (turn.agent.audio?.silent && !turn.agent.interrupted && !turn.timedOut && !turn.expectations?.noReply) {
      blockedTurns.add(turn.index)
      reasons.push(reason('audio_silence', `turn ${turn.index}: the agent's reply was silent audio`, { event: 'media' }, turn.index))
      continue
    }
    if (turn.timedOut) {
      blockedTurns.add(turn.index)
      if (!(failure && FAILURE_CODES[failure.kind] === 'turn_timeout' && failure.turn === turn.index)) {
        reasons.push(reason(silentTurn(turn) ? 'audio_silence' : 'turn_timeout', `turn ${turn.index}: the agent did not complete its reply in time`, { event: 'turn_timeout', ...(turn.agent.firstByteMs !== undefined ? { timingMs: turn.agent.firstByteMs } : {}) }, turn.index))
      }
      continue
    }
    const budgetMs = turn.expectations?.replyWithinMs ?? record.expectations?.replyWithinMs
    const firstByteMs = turn.agent.firstByteMs ?? turn.agent.audio?.firstMediaMs
    if (budgetMs !== undefined && firstByteMs !== undefined && firstByteMs > budgetMs) {
      reasons.push(reason('latency_over_budget', `turn ${turn.index}: first byte after ${Math.round(firstByteMs)} ms, budget ${budgetMs} ms`, { timingMs: firstByteMs, budgetMs }, turn.index))
    }
  }
  const seen = new Set<string>()
  for (const event of record.events) {
    const code = SYSTEM_EVENTS[event.name]
    if (!code || event.turn >= cutoffTurn) continue
    blockedTurns.add(event.turn)
    const key = `${code}#${event.turn}`
    if (seen.has(key)) continue
    seen.add(key)
    const detail = typeof event.data?.message === 'string' ? `: ${event.data.message.slice(0, 120)}` : ''
    reasons.push(reason(code, `turn ${event.turn}: agent reported ${event.name}${detail}`, { event: event.name, timingMs: event.atMs }, event.turn))
  }
  const disrupted = reasons.some((item) => item.code !== 'latency_over_budget')
  return { reasons, cutoffTurn, blockedTurns, disrupted }
}
