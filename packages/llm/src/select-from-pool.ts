import type { PoolConfig } from './route-config.ts'

/** What least-latency selection knows about one member. */
export interface MemberLatency {
  /** Smoothed (EWMA) latency of successful attempts; time to first token for streams. */
  ewmaMs: number
  /** When the last sample was taken (`performance.now()` clock). */
  measuredAtMs: number
}

/** Selection state of one pool, kept per client for the client's lifetime. */
interface PoolCursor {
  /** Calls ordered so far. */
  calls: number
  /** Smooth weighted round-robin: each member's current weight. */
  currentWeights: Map<string, number>
}

/** What pool selection needs from the client. */
export interface PoolSelectionState {
  /** One cursor per pool object of the client's routes. */
  cursors: Map<PoolConfig, PoolCursor>
  /** Latency of a target, `undefined` while it was never measured. */
  latencyOf: (target: string) => MemberLatency | undefined
}

/** `probeEveryCalls` when a least-latency pool does not set it. */
export const defaultProbeEveryCalls = 10

/**
 * Orders a pool's members for one call: the first is the pick, the rest are its fallbacks
 * (a member that fails or is skipped falls back to the next one, then to the next chain entry).
 *
 * - `round-robin`: the start member rotates on every call; over N×k calls each member starts k times.
 * - `weighted`: smooth weighted round-robin (as nginx): deterministic, interleaved, and over
 *   a cycle of `sum(weights)` calls each member starts exactly `weight` times; fallbacks follow
 *   by weight, heaviest first.
 * - `least-latency`: members never measured go first (warm-up), then ascending smoothed
 *   latency. Every `probeEveryCalls`-th call starts with the member measured longest ago, so a
 *   slower region is re-measured and wins back traffic once it is faster.
 */
export function selectFromPool(pool: PoolConfig, state: PoolSelectionState): string[] {
  const members = pool.pool
  if (members.length <= 1) return [...members]
  let cursor = state.cursors.get(pool)
  if (cursor === undefined) {
    cursor = { calls: 0, currentWeights: new Map() }
    state.cursors.set(pool, cursor)
  }
  cursor.calls += 1
  const strategy = pool.strategy ?? 'round-robin'
  if (strategy === 'round-robin') {
    const start = (cursor.calls - 1) % members.length
    return members.map((_, index) => members[(start + index) % members.length] as string)
  }
  if (strategy === 'weighted') return pickWeighted(members, pool.weights ?? {}, cursor)
  const probeEveryCalls = pool.probeEveryCalls ?? defaultProbeEveryCalls
  return orderByLatency(members, state, probeEveryCalls > 0 && cursor.calls % probeEveryCalls === 0)
}

function pickWeighted(members: string[], weights: Record<string, number>, cursor: PoolCursor): string[] {
  const weightOf = (name: string) => weights[name] ?? 1
  const total = members.reduce((sum, name) => sum + weightOf(name), 0)
  let pick = members[0] as string
  for (const name of members) {
    const current = (cursor.currentWeights.get(name) ?? 0) + weightOf(name)
    cursor.currentWeights.set(name, current)
    if (current > (cursor.currentWeights.get(pick) as number)) pick = name
  }
  cursor.currentWeights.set(pick, (cursor.currentWeights.get(pick) as number) - total)
  const rest = members.filter((name) => name !== pick).sort((a, b) => weightOf(b) - weightOf(a))
  return [pick, ...rest]
}

function orderByLatency(members: string[], state: PoolSelectionState, probe: boolean): string[] {
  const latency = new Map(members.map((name) => [name, state.latencyOf(name)]))
  const unmeasured = members.filter((name) => latency.get(name) === undefined)
  const measured = members.filter((name) => latency.get(name) !== undefined).sort((a, b) => (latency.get(a) as MemberLatency).ewmaMs - (latency.get(b) as MemberLatency).ewmaMs)
  const ordered = [...unmeasured, ...measured]
  if (!probe || unmeasured.length > 0) return ordered
  const stalest = measured.reduce((oldest, name) => ((latency.get(name) as MemberLatency).measuredAtMs < (latency.get(oldest) as MemberLatency).measuredAtMs ? name : oldest))
  return [stalest, ...ordered.filter((name) => name !== stalest)]
}

/** Exponentially weighted moving average; `smoothingRatio` is the weight of the new sample. */
export function updateEwma(previous: number | undefined, sample: number, smoothingRatio = 0.3): number {
  return previous === undefined ? sample : previous + smoothingRatio * (sample - previous)
}
