import type { CallRecord } from '@voxguard/harness'

/** The latencies voxguard measures per caller turn. */
export type LatencyMetric = 'turn_first_byte' | 'turn_complete' | 'first_audio'

export const LATENCY_METRICS: readonly LatencyMetric[] = ['turn_first_byte', 'turn_complete', 'first_audio']

/**
 * One call's latencies in ms for a metric, caller turns only (the greeting, turn 0, answers
 * no one). `turn_first_byte`: caller message sent → first reply byte; `turn_complete`: → the
 * reply's end; `first_audio` (Twilio calls): end of the caller's audio → the agent's first
 * media frame. A turn that never got a reply (timed out) has no latency: it is a
 * `turn_timeout` failure instead.
 */
export function callLatenciesMs(record: CallRecord, metric: LatencyMetric): number[] {
  const values: number[] = []
  for (const turn of record.turns) {
    if (turn.index === 0) continue
    const value = metric === 'turn_first_byte' ? turn.agent.firstByteMs : metric === 'turn_complete' ? turn.agent.completeMs : turn.agent.audio?.firstMediaMs
    if (value !== undefined && Number.isFinite(value)) values.push(value)
  }
  return values
}
