/**
 * The one percentile of @voxguard/sli: nearest rank over values sorted ascending
 * (`fraction` 0–1). `null` when there are no values: no data is not a zero.
 *
 * @example
 * percentile([100, 200, 300, 400], 0.5) // 200
 */
export function percentile(sortedValues: readonly number[], fraction: number): number | null {
  if (sortedValues.length === 0) return null
  const rank = Math.min(sortedValues.length, Math.max(1, Math.ceil(fraction * sortedValues.length)))
  return sortedValues[rank - 1]!
}
