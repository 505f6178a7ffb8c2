/** A shard of a run: `index` is 1-based, `1 <= index <= total` (as in `--shard 2/4`). */
export interface Shard {
  index: number
  total: number
}

/** Parses `"i/n"` (1-based), naming the option in the error. */
export function parseShard(text: string, optionName = 'shard'): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim())
  const index = Number(match?.[1])
  const total = Number(match?.[2])
  if (!match || total < 1 || index < 1 || index > total) throw new RangeError(`${optionName} must look like "i/n" with 1 <= i <= n (e.g. "2/4"), got "${text}"`)
  return { index, total }
}

/**
 * Whether the call `scriptId` × `repeat` belongs to `shard`. Deterministic (FNV-1a hash
 * of `scriptId#repeat`), independent of file order and of the machine, so the shards of
 * a run are disjoint and together cover every call.
 */
export function isInShard(scriptId: string, repeat: number, shard: Shard): boolean {
  return (fnv1a(`${scriptId}#${repeat}`) % shard.total) + 1 === shard.index
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash >>> 0
}
