import { AGENT_EVENTS } from '@voxguard/harness'
import type { CallRecord } from '@voxguard/harness'
import { spokenForm, wordErrorRate } from '@voxguard/harness/speech'

/** A caller turn the agent's recogniser got wrong: what the script said and what the agent heard. */
export interface AsrMisrecognition {
  turn: number
  callerSaid: string
  agentHeard: string
  werRatio: number
}

/**
 * Turns whose `asr.result` (what the agent's recogniser heard, from its event log) is far
 * from the caller's scripted words: word error rate at least `minWerRatio`, both sides in
 * spoken form so "10:30" and "ten thirty" agree.
 */
export function findAsrMisrecognitions(record: CallRecord, minWerRatio: number): AsrMisrecognition[] {
  const found: AsrMisrecognition[] = []
  for (const turn of record.turns) {
    const caller = turn.caller
    if (!caller || (caller.kind !== 'text' && caller.kind !== 'barge-in')) continue
    const heard = record.events.filter((event) => event.name === AGENT_EVENTS.asrResult && event.turn === turn.index && typeof event.data?.['text'] === 'string').map((event) => String(event.data?.['text']))
    if (heard.length === 0) continue
    const agentHeard = heard.join(' ')
    const werRatio = Math.round(wordErrorRate(spokenForm(caller.text), spokenForm(agentHeard)) * 1000) / 1000
    if (werRatio >= minWerRatio) found.push({ turn: turn.index, callerSaid: caller.text, agentHeard, werRatio })
  }
  return found
}
