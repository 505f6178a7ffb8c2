import type { LatencyMetric } from './call-latencies.ts'
import type { SliCounts } from './sli-counts.ts'

/** A ratio SLI: `numerator / denominator` over a group of calls or turns. */
export interface RatioSliDefinition {
  /** The formula, as the README and the HTML report show it. */
  formula: string
  /** `higher`: the SLI counts good events (an objective says `atLeast`); `lower`: bad events (`atMost`). */
  better: 'higher' | 'lower'
  events(counts: SliCounts): { numerator: number; denominator: number }
  /** One line for people. */
  description: string
}

/** Every ratio SLI, defined once (README "SLIs" lists the same formulas). */
export const RATIO_SLIS = {
  call_success_ratio: {
    formula: 'calls passed / calls',
    better: 'higher',
    description: 'Calls the judge passed',
    events: (counts) => ({ numerator: counts.passed, denominator: counts.calls }),
  },
  availability_ratio: {
    formula: 'calls without a system failure / calls',
    better: 'higher',
    description: 'Calls the infrastructure did not fail (agent reachable, no drops, timeouts or LLM outages)',
    events: (counts) => ({ numerator: counts.calls - counts.failedFor.system, denominator: counts.calls }),
  },
  dialogue_quality_ratio: {
    formula: 'calls passed / calls without a system failure',
    better: 'higher',
    description: 'Calls the AI handled well, among those the infrastructure did not fail',
    events: (counts) => ({ numerator: counts.passed, denominator: counts.calls - counts.failedFor.system }),
  },
  hallucinated_turn_ratio: {
    formula: 'agent turns with a contradicted or unsupported claim / agent turns judged',
    better: 'lower',
    description: 'Agent turns that stated something the knowledge base does not back',
    events: (counts) => ({ numerator: counts.hallucinatedTurns, denominator: counts.turnsJudged }),
  },
  hallucinated_call_ratio: {
    formula: 'calls with at least one hallucinated turn / calls',
    better: 'lower',
    description: 'Calls in which the agent hallucinated at least once',
    events: (counts) => ({ numerator: counts.hallucinatedCalls, denominator: counts.calls }),
  },
  fallback_call_ratio: {
    formula: 'calls with an llm.fallback event / calls',
    better: 'lower',
    description: 'Calls in which the primary LLM target failed and another served',
    events: (counts) => ({ numerator: counts.fallbackCalls, denominator: counts.calls }),
  },
} as const satisfies Record<string, RatioSliDefinition>

export type RatioSliName = keyof typeof RATIO_SLIS

/** Percentiles reported for each latency metric. */
export const LATENCY_PERCENTILES = [50, 90, 95, 99] as const

export type LatencyPercentile = (typeof LATENCY_PERCENTILES)[number]

/** `turn_first_byte_p95_ms` and the like. */
export type LatencySliName = `${LatencyMetric}_p${LatencyPercentile}_ms`

export type SliName = RatioSliName | LatencySliName

/** What each latency metric measures (README and HTML report). */
export const LATENCY_DESCRIPTIONS: Readonly<Record<LatencyMetric, string>> = {
  turn_first_byte: 'caller message sent → first byte of the reply',
  turn_complete: 'caller message sent → end of the reply',
  first_audio: 'Twilio calls: end of the caller\'s audio → first agent media frame',
}

/** Splits a latency SLI name (`turn_first_byte_p95_ms` → metric and 95), or undefined for other names. */
export function parseLatencySliName(name: string): { metric: LatencyMetric; percentile: LatencyPercentile } | undefined {
  const match = /^(turn_first_byte|turn_complete|first_audio)_p(50|90|95|99)_ms$/.exec(name)
  return match ? { metric: match[1] as LatencyMetric, percentile: Number(match[2]) as LatencyPercentile } : undefined
}

/** True for the name of a ratio SLI. */
export function isRatioSliName(name: string): name is RatioSliName {
  return Object.hasOwn(RATIO_SLIS, name)
}
