/** A source of uniform numbers in [0, 1). */
export type RandomSource = () => number

/**
 * FNV-1a hash of a string to an unsigned 32-bit integer: turns (seed, target, request
 * number) into the seed of one request's own random stream.
 */
export function hashToSeed(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/**
 * mulberry32: a small, fast, seedable PRNG (period 2^32), good enough for chaos draws.
 * The same seed always yields the same sequence.
 */
export function createSeededRandom(seed: number): RandomSource {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = state
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296
  }
}

/**
 * The random stream of the `requestNumber`-th request (1-based) to `target` under `seed`.
 * Each request has its own stream, so its fate does not depend on how many numbers earlier
 * requests drew, nor on traffic to other targets.
 */
export function requestRandom(seed: number, target: string, requestNumber: number): RandomSource {
  return createSeededRandom(hashToSeed(`${seed}\u0000${target}\u0000${requestNumber}`))
}
