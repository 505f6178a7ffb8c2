import type { PoolConfig } from './route-config.ts'

/** What pool selection needs to know about the targets (kept per client). */
export interface PoolSelectionState {
  /** Round-robin cursor per pool (keyed by the pool's member list). */
  cursors: Map<string, number>
  /** Smoothed latency per target; targets without data count as 0 (tried first). */
  latencyMsOf: (target: string) => number | undefined
  /** A number in [0, 1); injectable for tests. Default Math.random. */
  random: () => number
}

/**
 * Orders a pool's members for one call: the first is the pick, the rest are fallbacks.
 * - `round-robin`: rotates the start member on every call.
 * - `weighted`: picks the first member at random in proportion to `weights`, then the rest by weight.
 * - `least-latency`: ascending smoothed (EWMA) latency; members never measured go first.
 */
export function selectFromPool(pool: PoolConfig, state: PoolSelectionState): string[] {
  const members = pool.pool
  const strategy = pool.strategy ?? 'round-robin'
  if (members.length <= 1) return [...members]
  if (strategy === 'round-robin') {
    const key = members.join('\u0000')
    const cursor = state.cursors.get(key) ?? 0
    state.cursors.set(key, (cursor + 1) % members.length)
    return members.map((_, index) => members[(cursor + index) % members.length] as string)
  }
  if (strategy === 'least-latency') {
    return [...members].sort((a, b) => (state.latencyMsOf(a) ?? 0) - (state.latencyMsOf(b) ?? 0))
  }
  const remaining = [...members]
  const ordered: string[] = []
  while (remaining.length > 0) {
    const weights = remaining.map((name) => pool.weights?.[name] ?? 1)
    const total = weights.reduce((sum, weight) => sum + weight, 0)
    let point = state.random() * total
    let index = 0
    while (index < remaining.length - 1 && point >= (weights[index] as number)) {
      point -= weights[index] as number
      index += 1
    }
    ordered.push(...remaining.splice(index, 1))
  }
  return ordered
}

/** Exponentially weighted moving average; `smoothingRatio` is the weight of the new sample. */
export function updateEwma(previous: number | undefined, sample: number, smoothingRatio = 0.3): number {
  return previous === undefined ? sample : previous + smoothingRatio * (sample - previous)
}
