import type { HistoryEntry } from '../history/run-history.ts'
import type { ObjectiveResult } from './evaluate-objectives.ts'
import type { ErrorBudget } from './error-budget-figures.ts'
import type { SloWindow } from './slo-file.ts'

export type { ErrorBudget } from './error-budget-figures.ts'

const dayMs = 86_400_000

/**
 * The history entries in a run's window: entries that started no later than the run (so a
 * report rebuilt later gives the same numbers), the last `runs` of them, or those that
 * started within `days` days before the run ended.
 */
export function entriesInWindow(history: readonly HistoryEntry[], run: { runId: string; startedAt: string; endedAt: string }, window: SloWindow): HistoryEntry[] {
  const upToRun = history.filter((entry) => entry.runId === run.runId || entry.startedAt <= run.startedAt).sort((left, right) => (left.startedAt < right.startedAt ? -1 : left.startedAt > right.startedAt ? 1 : 0))
  if ('runs' in window) return upToRun.slice(-window.runs)
  const from = Date.parse(run.endedAt) - window.days * dayMs
  return upToRun.filter((entry) => Date.parse(entry.startedAt) >= from)
}

/**
 * Adds each objective's error budget over the window (history entries of earlier runs plus
 * this run's events, which the history may or may not hold yet).
 */
export function attachErrorBudgets(results: readonly ObjectiveResult[], history: readonly HistoryEntry[], run: { runId: string; startedAt: string; endedAt: string }, window: SloWindow): ObjectiveResult[] {
  const others = entriesInWindow(history.filter((entry) => entry.runId !== run.runId), run, 'runs' in window ? { runs: Math.max(0, window.runs - 1) } : window)
  const earlier = 'runs' in window && window.runs === 1 ? [] : others
  return results.map((result) => {
    let bad = result.events.bad
    let total = result.events.total
    let runs = total > 0 ? 1 : 0
    for (const entry of earlier) {
      const events = entry.objectives.find((objective) => (objective.name ?? objective.sli) === result.name && objective.comparison === result.comparison && objective.target === result.target)
      if (!events || events.total === 0) continue
      bad += events.bad
      total += events.total
      runs += 1
    }
    const consumedRatio = total === 0 ? null : bad / (result.allowedBadRatio * total)
    const budget: ErrorBudget = { window, runs, bad, total, consumedRatio, remainingRatio: consumedRatio === null ? null : 1 - consumedRatio, burnRate: consumedRatio }
    return { ...result, budget }
  })
}
