import { callLatenciesMs } from '../call-latencies.ts'
import type { JudgedCall } from '../join-calls.ts'
import { computeSliSet, type SliSet } from '../compute-slis.ts'
import { RATIO_SLIS, isRatioSliName } from '../sli-definitions.ts'
import type { ErrorBudget } from './error-budget-figures.ts'
import type { Objective } from './slo-file.ts'

/** Bad events and all events of an objective in one run. */
export interface ObjectiveEvents {
  bad: number
  total: number
}

/** One objective against one run. */
export interface ObjectiveResult extends Objective {
  /** The SLI's value in this run (ratio 0–1 or ms); null with no data. */
  actual: number | null
  /**
   * `no_data` (nothing to measure, e.g. 0 calls) is not a pass: `ok` is false. `not_run`: the
   * objective holds for one protocol and the run made no call of it (e.g. the nightly without
   * its audio pass): listed, never met, and it does not fail the run.
   */
  status: 'met' | 'broken' | 'no_data' | 'not_run'
  events: ObjectiveEvents
  /** This run's bad-event ratio / allowed bad ratio (1 = spending the budget exactly as fast as it allows); null with no data. */
  burnRate: number | null
  /** The error budget over the SLO file's window (this run included); set by `attachErrorBudgets`. */
  budget?: ErrorBudget
}

/**
 * Bad and total events of an objective over calls. Ratio SLIs count calls or turns (a
 * higher-is-better SLI's bad events are the rest); a latency objective "p% within T ms"
 * counts the turns slower than T.
 */
export function objectiveEvents(objective: Objective, calls: readonly JudgedCall[], slis: SliSet): ObjectiveEvents {
  if (objective.latency) {
    const { metric, thresholdMs } = objective.latency
    const values = calls.flatMap((call) => callLatenciesMs(call.record, metric))
    return { bad: values.filter((value) => value > thresholdMs).length, total: values.length }
  }
  if (!isRatioSliName(objective.sli)) throw new Error(`not a ratio SLI: ${objective.sli}`)
  const definition = RATIO_SLIS[objective.sli]
  const { numerator, denominator } = definition.events(slis)
  return { bad: definition.better === 'higher' ? denominator - numerator : numerator, total: denominator }
}

/** The SLI value an objective compares (ms for latency), null without data. */
function actualValue(objective: Objective, slis: SliSet): number | null {
  if (objective.latency) {
    const stats = slis.latency[objective.latency.metric]
    return { 50: stats.p50Ms, 90: stats.p90Ms, 95: stats.p95Ms, 99: stats.p99Ms }[objective.latency.percentile]
  }
  return isRatioSliName(objective.sli) ? slis.ratios[objective.sli] : null
}

/**
 * Compares each objective with one run. With nothing to measure the status is `no_data`,
 * never `met`: 0 calls do not meet a latency objective.
 *
 * @example
 * const results = evaluateObjectives(slo.objectives, calls, computeSliSet(calls))
 */
export function evaluateObjectives(objectives: readonly Objective[], calls: readonly JudgedCall[], slis: SliSet): ObjectiveResult[] {
  return objectives.map((objective) => {
    const scoped = objective.protocol ? calls.filter((call) => call.record.protocol === objective.protocol) : calls
    const scopedSlis = objective.protocol ? computeSliSet(scoped) : slis
    const actual = actualValue(objective, scopedSlis)
    const events = objectiveEvents(objective, scoped, scopedSlis)
    const notRun = objective.protocol !== undefined && scoped.length === 0 && calls.length > 0
    const status = notRun ? 'not_run' : actual === null || events.total === 0 ? 'no_data' : (objective.comparison === '>=' ? actual >= objective.target : actual <= objective.target) ? 'met' : 'broken'
    const burnRate = events.total === 0 ? null : events.bad / events.total / objective.allowedBadRatio
    return { ...objective, actual, status, events, burnRate }
  })
}
