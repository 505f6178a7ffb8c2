/**
 * @voxguard/judge attribution and hallucination detection on generated calls with known
 * ground truth (see judge-call-generator.ts).
 *   cd bench && node --conditions=source judge-attribution.bench.ts [--count N] [--seed S] [--verbose]
 * Attribution accuracy: verdict factor (null | system | dialogue | both) equals the truth.
 * Hallucination precision/recall: per agent turn, flagged by the built-in check vs injected.
 */
import { judgeCall } from '@voxguard/judge'
import { loadKnowledgeBase } from '@voxguard/knowledge'
import { generateJudgedCalls } from './judge-call-generator.ts'

const flag = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name)
  return index > 0 ? Number(process.argv[index + 1]) : fallback
}
const count = flag('--count', process.argv.includes('--quick') ? 300 : 2000)
const seed = flag('--seed', 42)
const verbose = process.argv.includes('--verbose')
const knowledge = await loadKnowledgeBase(new URL('../examples/clinic-agent/knowledge.yaml', import.meta.url).pathname) // its vocabulary section carries the clinic's trade words
const calls = generateJudgedCalls({ knowledge, count, seed })

let attributed = 0
let truePositive = 0
let falsePositive = 0
let falseNegative = 0
const byScenario = new Map<string, { calls: number; correct: number }>()
const byClaimType = new Map<string, { injected: number; found: number }>()
const started = performance.now()
for (const call of calls) {
  const verdict = await judgeCall(call.record, { knowledge })
  const correct = verdict.factor === call.truth.factor
  if (correct) attributed += 1
  else if (verbose) console.log(`attribution ${call.record.callId} ${call.truth.scenario}: expected ${call.truth.factor}, got ${verdict.factor} (${verdict.reasons.map((reason) => reason.message).join(' | ')})`)
  const scenario = byScenario.get(call.truth.scenario) ?? { calls: 0, correct: 0 }
  scenario.calls += 1
  if (correct) scenario.correct += 1
  byScenario.set(call.truth.scenario, scenario)
  const flagged = new Set(verdict.hallucinations.map((turn) => turn.turn))
  const injected = new Set(call.truth.hallucinatedTurns)
  for (const turn of flagged) {
    if (injected.has(turn)) truePositive += 1
    else {
      falsePositive += 1
      if (verbose) console.log(`false alarm ${call.record.callId} turn ${turn}: ${verdict.hallucinations.find((item) => item.turn === turn)?.findings.map((finding) => `${finding.status} ${finding.type} ${finding.text}`).join('; ')}`)
    }
  }
  for (const item of call.truth.injected) {
    const type = byClaimType.get(item.claimType) ?? { injected: 0, found: 0 }
    type.injected += 1
    if (flagged.has(item.turn)) type.found += 1
    else if (verbose) console.log(`missed ${call.record.callId} turn ${item.turn} ${item.claimType}: ${item.original} → ${item.injected}`)
    byClaimType.set(item.claimType, type)
  }
  for (const turn of injected) if (!flagged.has(turn)) falseNegative += 1
}
const elapsedMs = performance.now() - started
const pct = (value: number) => `${(100 * value).toFixed(2)}%`
const precision = truePositive / (truePositive + falsePositive || 1)
const recall = truePositive / (truePositive + falseNegative || 1)

console.log(`${calls.length} generated calls (seed ${seed}), judged in ${elapsedMs.toFixed(0)} ms\n`)
console.log('| metric | measured | goal |')
console.log('|---|---:|---:|')
console.log(`| attribution accuracy (factor equals truth) | ${pct(attributed / calls.length)} | ≥ 99% |`)
console.log(`| hallucination precision (turns) | ${pct(precision)} | ≥ 95% |`)
console.log(`| hallucination recall (turns) | ${pct(recall)} | ≥ 95% |`)
console.log(`\nturns: TP ${truePositive}  FP ${falsePositive}  FN ${falseNegative}\n`)
console.log('| scenario | calls | attribution correct |')
console.log('|---|---:|---:|')
for (const [name, item] of [...byScenario].sort()) console.log(`| ${name} | ${item.calls} | ${pct(item.correct / item.calls)} |`)
console.log('\n| injected claim type | injected | found (recall) |')
console.log('|---|---:|---:|')
for (const [name, item] of [...byClaimType].sort()) console.log(`| ${name} | ${item.injected} | ${pct(item.found / item.injected)} |`)
