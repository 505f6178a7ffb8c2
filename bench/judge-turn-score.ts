/**
 * Turn-level hallucination score of the judge against @voxguard/mock-llm's ground truth, shared
 * by judge-mock-brain.bench.ts and judge-e2e.bench.ts: a flagged turn is a true positive when the
 * mock falsified that turn's reply, a false alarm otherwise; a falsified turn not flagged is a
 * miss. Also counts, per injected claim type, how many were found.
 */
import type { TurnHallucinations } from '@voxguard/judge'
import type { HallucinationRecord } from '@voxguard/mock-llm'

/** `price`, or `policy (added sentence)` when the mock added a false sentence instead of changing one. */
export function injectedType(truth: HallucinationRecord): string {
  return `${truth.claimType}${truth.original === null ? ' (added sentence)' : ''}`
}

export class TurnScore {
  truePositive = 0
  falsePositive = 0
  falseNegative = 0
  /** Per injected claim type: falsified turns and how many of them the judge flagged. */
  readonly byType = new Map<string, { injected: number; found: number }>()

  /** Scores one call; returns its false alarms and misses for the bench to report. */
  add(flagged: TurnHallucinations[], truth: ReadonlyMap<number, HallucinationRecord>): { falseAlarms: TurnHallucinations[]; missed: Array<[number, HallucinationRecord]> } {
    const flaggedTurns = new Set(flagged.map((item) => item.turn))
    const falseAlarms = flagged.filter((item) => !truth.has(item.turn))
    this.truePositive += flagged.length - falseAlarms.length
    this.falsePositive += falseAlarms.length
    const missed: Array<[number, HallucinationRecord]> = []
    for (const [turn, injected] of truth) {
      const type = injectedType(injected)
      const entry = this.byType.get(type) ?? { injected: 0, found: 0 }
      entry.injected += 1
      this.byType.set(type, entry)
      if (flaggedTurns.has(turn)) entry.found += 1
      else missed.push([turn, injected])
    }
    this.falseNegative += missed.length
    return { falseAlarms, missed }
  }

  precision(): number {
    return this.truePositive / (this.truePositive + this.falsePositive || 1)
  }

  recall(): number {
    return this.truePositive / (this.truePositive + this.falseNegative || 1)
  }
}
