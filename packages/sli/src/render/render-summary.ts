import type { RunReport } from '../build-run-report.ts'
import type { SliSet } from '../compute-slis.ts'
import { LATENCY_BUCKETS_SECONDS } from '../latency-histogram.ts'
import { SUMMARY_SCHEMA_ID, type SliSummary } from './summary-schema.ts'

function sliSetJson(set: SliSet): SliSummary['slis']['overall'] {
  const { ratios, latency, ...counts } = set
  return {
    ...counts,
    ratios,
    latency: Object.fromEntries(
      Object.entries(latency).map(([metric, stats]) => [
        metric,
        { turns: stats.turns, p50Ms: stats.p50Ms, p90Ms: stats.p90Ms, p95Ms: stats.p95Ms, p99Ms: stats.p99Ms, buckets: stats.histogram.counts.map((count, index) => ({ leSeconds: LATENCY_BUCKETS_SECONDS[index] ?? null, count })) },
      ]),
    ),
  }
}

const mapValues = (groups: Record<string, SliSet>) => Object.fromEntries(Object.entries(groups).map(([key, set]) => [key, sliSetJson(set)]))

/** summary.json (`voxguard.sli-summary` v1, JSON Schema in `summary.schema.json`): run, objectives with budgets, SLIs overall and per script, tag, protocol, language. */
export function renderSummary(report: RunReport): string {
  const summary: SliSummary = {
    $schema: SUMMARY_SCHEMA_ID,
    schema: 'voxguard.sli-summary',
    version: 1,
    run: report.run,
    ok: report.ok,
    orphans: report.orphans,
    scriptErrors: report.scriptErrors,
    objectives: report.objectives,
    slis: { overall: sliSetJson(report.slis.overall), byScript: mapValues(report.slis.byScript), byTag: mapValues(report.slis.byTag), byProtocol: mapValues(report.slis.byProtocol), byLanguage: mapValues(report.slis.byLanguage) },
  }
  return `${JSON.stringify(summary, null, 2)}\n`
}
