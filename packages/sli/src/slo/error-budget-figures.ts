import type { SloWindow } from './slo-file.ts'

/** An objective's error budget over the SLO window. */
export interface ErrorBudget {
  window: SloWindow
  /** Runs in the window that measured this objective (this run included). */
  runs: number
  bad: number
  total: number
  /** bad / (allowedBadRatio × total): 1 = the whole budget spent; null with no events. */
  consumedRatio: number | null
  /** 1 − consumedRatio (negative when overspent); null with no events. */
  remainingRatio: number | null
  /** (bad / total) / allowedBadRatio over the window; null with no events. */
  burnRate: number | null
}
