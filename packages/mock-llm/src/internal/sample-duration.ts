import type { RandomSource } from './seeded-random.ts'

/**
 * A latency distribution in milliseconds, as written in a chaos profile. A bare number
 * is a fixed duration. `maxMs` caps any kind; results are never negative.
 */
export type DurationDistribution =
  | number
  | { kind: 'fixed'; ms: number; maxMs?: number | undefined }
  | { kind: 'uniform'; minMs: number; maxMs: number }
  | { kind: 'normal'; meanMs: number; stdDevMs: number; maxMs?: number | undefined }
  | { kind: 'lognormal'; medianMs: number; sigma: number; maxMs?: number | undefined }

/** Draws one duration (ms, rounded to an integer, clamped to [0, maxMs]). */
export function sampleDuration(distribution: DurationDistribution, random: RandomSource): number {
  if (typeof distribution === 'number') return Math.max(0, Math.round(distribution))
  let value: number
  switch (distribution.kind) {
    case 'fixed':
      value = distribution.ms
      break
    case 'uniform':
      value = distribution.minMs + random() * (distribution.maxMs - distribution.minMs)
      break
    case 'normal':
      value = distribution.meanMs + distribution.stdDevMs * standardNormal(random)
      break
    case 'lognormal':
      value = distribution.medianMs * Math.exp(distribution.sigma * standardNormal(random))
      break
  }
  const capped = distribution.maxMs === undefined ? value : Math.min(value, distribution.maxMs)
  return Math.max(0, Math.round(capped))
}

/** Box–Muller transform: one standard normal variate from two uniforms. */
function standardNormal(random: RandomSource): number {
  const first = 1 - random() // (0, 1]: log(0) never happens
  const second = random()
  return Math.sqrt(-2 * Math.log(first)) * Math.cos(2 * Math.PI * second)
}
