/**
 * Confusion counts and the figures the dev-set bench prints (hallucinated = positive), grouped
 * by any key of the scored cases, as markdown table rows.
 */

/** One labelled case as the judge and the baseline saw it. */
export interface ScoredCase {
  id: string
  set: string
  form: string
  language: string
  business: string
  claimTypes: readonly string[]
  hallucinationType: string | undefined
  /** The label: true when the response is hallucinated. */
  hallucinated: boolean
  judge: boolean
  baseline: boolean
  /** Why the judge got it wrong (set only when it did): see `--why` in judge-devset.bench.ts. */
  cause?: string
}

interface Confusion { truePositive: number; falsePositive: number; trueNegative: number; falseNegative: number }

function confusion(cases: readonly ScoredCase[], verdict: (scored: ScoredCase) => boolean): Confusion {
  const counts: Confusion = { truePositive: 0, falsePositive: 0, trueNegative: 0, falseNegative: 0 }
  for (const scored of cases) {
    const said = verdict(scored)
    if (scored.hallucinated) counts[said ? 'truePositive' : 'falseNegative'] += 1
    else counts[said ? 'falsePositive' : 'trueNegative'] += 1
  }
  return counts
}

const percent = (part: number, whole: number): string => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`)

/** Balanced accuracy, precision and recall of one verdict over cases, as three table cells. */
function cells(counts: Confusion): string[] {
  const positives = counts.truePositive + counts.falseNegative
  const negatives = counts.trueNegative + counts.falsePositive
  const balanced =
    positives === 0 || negatives === 0 ? '-' : `${(50 * (counts.truePositive / positives + counts.trueNegative / negatives)).toFixed(1)}%`
  return [balanced, percent(counts.truePositive, counts.truePositive + counts.falsePositive), percent(counts.truePositive, positives)]
}

/** Balanced accuracy of the judge's verdict over cases (0–1), for summaries. */
export function balancedAccuracy(cases: readonly ScoredCase[], verdict: (scored: ScoredCase) => boolean): number {
  const counts = confusion(cases, verdict)
  return (counts.truePositive / (counts.truePositive + counts.falseNegative || 1) + counts.trueNegative / (counts.trueNegative + counts.falsePositive || 1)) / 2
}

/**
 * A markdown table: one row per key (a case may have several keys), judge and baseline side by
 * side. With `recallOnly` (groups of hallucinated cases only), the share each found.
 */
export function groupTable(title: string, cases: readonly ScoredCase[], keysOf: (scored: ScoredCase) => readonly string[], { recallOnly = false } = {}): string {
  const groups = new Map<string, ScoredCase[]>()
  for (const scored of cases) for (const key of keysOf(scored)) groups.set(key, [...(groups.get(key) ?? []), scored])
  if (recallOnly) {
    const rows = [...groups].map(([key, members]) => {
      const found = (verdict: (scored: ScoredCase) => boolean) => percent(members.filter(verdict).length, members.length)
      return `| ${key} | ${members.length} | ${found((scored) => scored.judge)} | ${found((scored) => scored.baseline)} |`
    })
    return [`### ${title}`, '', '| group | hallucinated | judge recall | baseline recall |', '|---|---:|---:|---:|', ...rows].join('\n')
  }
  const lines = [
    `### ${title}`,
    '',
    '| group | grounded | hallucinated | judge balanced acc. | judge precision | judge recall | baseline balanced acc. | baseline precision | baseline recall |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ]
  for (const [key, members] of groups) {
    const hallucinated = members.filter((scored) => scored.hallucinated).length
    const row = [key, String(members.length - hallucinated), String(hallucinated), ...cells(confusion(members, (scored) => scored.judge)), ...cells(confusion(members, (scored) => scored.baseline))]
    lines.push(`| ${row.join(' | ')} |`)
  }
  return lines.join('\n')
}
