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

let truePositive = 0
let falsePositive = 0
let trueNegative = 0
let falseNegative = 0
const started = performance.now()
for (const row of rows) {
  for (const [answer, hallucinated] of [
    [row.right_answer, false],
    [row.hallucinated_answer, true],
  ] as const) {
    const result = checkGrounding({ knowledge: row.knowledge, context: row.question, response: answer })
    if (result.hallucinated && hallucinated) truePositive += 1
    else if (result.hallucinated) falsePositive += 1
    else if (hallucinated) falseNegative += 1
    else trueNegative += 1
    if (verbose && result.hallucinated !== hallucinated) console.log(`${hallucinated ? 'missed' : 'false alarm'}: ${row.question} → ${answer}`)
  }
}
const elapsedMs = performance.now() - started
const cases = truePositive + falsePositive + trueNegative + falseNegative
const accuracy = (truePositive + trueNegative) / cases
const precision = truePositive / (truePositive + falsePositive || 1)
const recall = truePositive / (truePositive + falseNegative || 1)
const f1 = (2 * precision * recall) / (precision + recall || 1)
const pct = (value: number) => `${(100 * value).toFixed(2)}%`

console.log(`HaluEval QA dev: ${rows.length} rows, ${cases} cases, ${elapsedMs.toFixed(0)} ms (${((1000 * cases) / elapsedMs).toFixed(0)} cases/s)\n`)
console.log('| check | accuracy | precision | recall | F1 |')
console.log('|---|---:|---:|---:|---:|')
console.log(`| voxguard built-in (no model) | ${pct(accuracy)} | ${pct(precision)} | ${pct(recall)} | ${pct(f1)} |`)
console.log('| ChatGPT as judge (published) | 62.59% | - | - | - |')
console.log(`| **ratio** (built-in / ChatGPT accuracy) | **${(accuracy / 0.6259).toFixed(3)}** | | | |`)
console.log(`\nconfusion: TP ${truePositive}  FP ${falsePositive}  TN ${trueNegative}  FN ${falseNegative}`)
