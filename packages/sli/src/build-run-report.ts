import type { CallRecord } from '@voxguard/harness'
import type { Verdict } from '@voxguard/judge'
import { computeRunSlis, type RunSlis } from './compute-slis.ts'
import { HISTORY_SCHEMA, HISTORY_VERSION, type HistoryEntry } from './history/run-history.ts'
import { metricSeries, sumMetricSeries, type MetricSeries } from './history/metric-series.ts'
import { joinCalls, type JudgedCall, type Orphans } from './join-calls.ts'
import { attachErrorBudgets, entriesInWindow } from './slo/error-budget.ts'
import { evaluateObjectives, type ObjectiveResult } from './slo/evaluate-objectives.ts'
import type { SloFile, SloWindow } from './slo/slo-file.ts'

/** What identifies a run in every report. */
export interface RunInfo {
  runId: string
  startedAt: string
  endedAt: string
  gitCommit: string | null
  options: Record<string, unknown>
}

/** Everything the exporters render: computed once per run. */
export interface RunReport {
  run: RunInfo
  calls: JudgedCall[]
  orphans: Orphans
  scriptErrors: string[]
  slis: RunSlis
  objectives: ObjectiveResult[]
  window: SloWindow | null
  /** This run as a history entry (what `upsertRunHistory` stores). */
  historyEntry: HistoryEntry
  /** Counts of every run in the history up to this one (this run included): what counters export. */
  cumulative: MetricSeries[]
  /** Every objective met (none broken, none without data; one for a protocol the run did not use is `not_run`), every script valid, every call both recorded and judged. */
  ok: boolean
}

export interface BuildRunReportInput {
  records: readonly CallRecord[]
  verdicts: readonly Verdict[]
  /** The SLO file; without one there are no objectives and `ok` only checks scripts and orphans. */
  slo?: SloFile
  /** Earlier runs (`readRunHistory`); this run's entry, if already there, is replaced. Default: none. */
  history?: readonly HistoryEntry[]
  /** Run id, times, commit, options (e.g. from run.json); missing fields come from the records. */
  run?: Partial<RunInfo>
  scriptErrors?: readonly string[]
}

/**
 * Joins records and verdicts, computes every SLI, evaluates the objectives with their error
 * budgets over the window, and gathers what the exporters need. Pure: the same input gives
 * the same report (times come from the records, never from the clock).
 *
 * @example
 * const report = buildRunReport({ records, verdicts, slo: await loadSloFile('e2e/slo.yaml'), history: await readRunHistory('reports/slo-history.jsonl') })
 */
export function buildRunReport(input: BuildRunReportInput): RunReport {
  const { calls, orphans } = joinCalls(input.records, input.verdicts)
  const starts = input.records.map((record) => record.startedAt).filter(Boolean).sort()
  const ends = input.records.map((record) => record.endedAt).filter(Boolean).sort()
  const runIds = [...new Set(input.records.map((record) => record.runId).filter(Boolean))].sort()
  const epoch = new Date(0).toISOString()
  const run: RunInfo = {
    runId: input.run?.runId ?? (runIds.join('+') || 'unknown'),
    startedAt: input.run?.startedAt ?? starts[0] ?? epoch,
    endedAt: input.run?.endedAt ?? ends.at(-1) ?? starts[0] ?? epoch,
    gitCommit: input.run?.gitCommit ?? null,
    options: input.run?.options ?? {},
  }
  const slis = computeRunSlis(calls)
  const history = input.history ?? []
  let objectives = input.slo ? evaluateObjectives(input.slo.objectives, calls, slis.overall) : []
  if (input.slo) objectives = attachErrorBudgets(objectives, history, run, input.slo.window)
  const series = metricSeries(calls)
  const historyEntry: HistoryEntry = {
    schema: HISTORY_SCHEMA,
    version: HISTORY_VERSION,
    runId: run.runId,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    calls: calls.length,
    objectives: objectives.map((objective) => ({ name: objective.name, sli: objective.sli, comparison: objective.comparison, target: objective.target, ...objective.events })),
    series,
  }
  const earlier = entriesInWindow(history.filter((entry) => entry.runId !== run.runId), run, { days: Number.POSITIVE_INFINITY })
  const cumulative = sumMetricSeries([...earlier.map((entry) => entry.series), series])
  const scriptErrors = [...(input.scriptErrors ?? [])]
  const orphaned = orphans.recordsWithoutVerdict.length + orphans.verdictsWithoutRecord.length + orphans.duplicateCallIds.length > 0
  const ok = objectives.every((objective) => objective.status === 'met' || objective.status === 'not_run') && scriptErrors.length === 0 && !orphaned
  return { run, calls, orphans, scriptErrors, slis, objectives, window: input.slo?.window ?? null, historyEntry, cumulative, ok }
}
