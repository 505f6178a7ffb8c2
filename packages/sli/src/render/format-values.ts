import type { ObjectiveResult } from '../slo/evaluate-objectives.ts'

/** An SLI value for people: ratios as percentages, latencies in ms, `no data` for null. */
export function formatSliValue(name: string, value: number | null): string {
  if (value === null) return 'no data'
  return name.endsWith('_ms') ? `${Math.round(value)} ms` : `${(value * 100).toFixed(1)}%`
}

/** `>= 90.0%`, `<= 1500 ms`. */
export function formatObjective(result: Pick<ObjectiveResult, 'sli' | 'comparison' | 'target'>): string {
  return `${result.comparison} ${formatSliValue(result.sli, result.target)}`
}

/** A ratio 0–1 as a whole percentage, `-` for null. */
export function formatPercent(value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined ? '-' : `${(value * 100).toFixed(digits)}%`
}
