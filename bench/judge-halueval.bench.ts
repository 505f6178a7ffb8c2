/**
 * @voxguard/judge built-in grounding check on HaluEval QA (dev set: 100 rows, 200 labelled cases).
 *   cd bench && node --conditions=source judge-halueval.bench.ts [--file PATH] [--verbose]
 * Each row gives a grounded answer (label: not hallucinated) and a hallucinated one; the check
 * sees the knowledge text, the question as context and the answer. No model is called.
 * Compared with ChatGPT's published 62.59% accuracy on HaluEval QA (HaluEval paper, Table 5).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { checkGrounding } from '@voxguard/judge'

const fileFlag = process.argv.indexOf('--file')
const file = fileFlag > 0 ? (process.argv[fileFlag + 1] ?? '') : fileURLToPath(new URL('../../shared/data/halueval-qa-dev.jsonl', import.meta.url))
const verbose = process.argv.includes('--verbose')
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { knowledge: string; question: string; right_answer: string; hallucinated_answer: string })

interface Score { truePositive: number; falsePositive: number; trueNegative: number; falseNegative: number }

/** Scores the built-in check on rows (each row: its grounded and its hallucinated answer). */
function score(subset: typeof rows): Score {
  const counts: Score = { truePositive: 0, falsePositive: 0, trueNegative: 0, falseNegative: 0 }
  for (const row of subset) {
    for (const [answer, hallucinated] of [
      [row.right_answer, false],
      [row.hallucinated_answer, true],
    ] as const) {
      const result = checkGrounding({ knowledge: row.knowledge, context: row.question, response: answer })
      if (result.hallucinated && hallucinated) counts.truePositive += 1
      else if (result.hallucinated) counts.falsePositive += 1
      else if (hallucinated) counts.falseNegative += 1
      else counts.trueNegative += 1
      if (verbose && result.hallucinated !== hallucinated) console.log(`${hallucinated ? 'missed' : 'false alarm'}: ${row.question} → ${answer}`)
    }
  }
  return counts
}

const pct = (value: number) => `${(100 * value).toFixed(2)}%`
function metrics(counts: Score): { accuracy: number; cells: string } {
  const cases = counts.truePositive + counts.falsePositive + counts.trueNegative + counts.falseNegative
  const accuracy = (counts.truePositive + counts.trueNegative) / cases
  const precision = counts.truePositive / (counts.truePositive + counts.falsePositive || 1)
  const recall = counts.truePositive / (counts.truePositive + counts.falseNegative || 1)
  const f1 = (2 * precision * recall) / (precision + recall || 1)
  return { accuracy, cells: `${pct(accuracy)} | ${pct(precision)} | ${pct(recall)} | ${pct(f1)}` }
}

const started = performance.now()
const all = score(rows)
const elapsedMs = performance.now() - started
// Generalisation check: the same method on each half of the rows separately (a large gap
// between halves would suggest rules fitted to particular rows).
const half = Math.ceil(rows.length / 2)
const halves = [
  [`rows 1-${half}`, score(rows.slice(0, half))],
  [`rows ${half + 1}-${rows.length}`, score(rows.slice(half))],
] as const
const cases = 2 * rows.length
const overall = metrics(all)

console.log(`HaluEval QA dev: ${rows.length} rows, ${cases} cases, ${elapsedMs.toFixed(0)} ms (${((1000 * cases) / elapsedMs).toFixed(0)} cases/s)\n`)
console.log('| check | rows | accuracy | precision | recall | F1 |')
console.log('|---|---|---:|---:|---:|---:|')
console.log(`| voxguard built-in (no model) | all ${rows.length} | ${overall.cells} |`)
for (const [label, counts] of halves) console.log(`| voxguard built-in (no model) | ${label} | ${metrics(counts).cells} |`)
console.log('| ChatGPT as judge (published) | HaluEval QA | 62.59% | - | - | - |')
console.log(`| **ratio** (built-in / ChatGPT accuracy) | all ${rows.length} | **${(overall.accuracy / 0.6259).toFixed(3)}** | | | |`)
const { truePositive, falsePositive, trueNegative, falseNegative } = all
console.log(`\nconfusion: TP ${truePositive}  FP ${falsePositive}  TN ${trueNegative}  FN ${falseNegative}`)
