/**
 * @voxguard/judge throughput on one core (the Node main thread), built-in check only.
 *   cd bench && node --conditions=source judge-throughput.bench.ts [--quick]
 * 1. checkGrounding on single clinic replies (English and Japanese, clean and hallucinated).
 * 2. judgeCall on whole generated call records (system checks, expectations, loop, grounding).
 */
import { judgeCall, checkGrounding, loadKnowledgeBase, loadVocabulary } from '@voxguard/judge'
import { generateJudgedCalls } from './judge-call-generator.ts'

const quick = process.argv.includes('--quick')
const durationMs = quick ? 500 : 3000
const knowledge = await loadKnowledgeBase(new URL('../examples/clinic-agent/knowledge.yaml', import.meta.url).pathname)
const vocabulary = await loadVocabulary(new URL('../packages/judge/test/clinic-vocabulary.yaml', import.meta.url).pathname) // the clinic's trade words (クリーニング → cleaning)
const calls = generateJudgedCalls({ knowledge, count: 400, seed: 7 })
const turns = calls.flatMap((call) => call.record.turns.filter((turn) => turn.agent.text !== '').map((turn) => ({ context: turn.caller?.kind === 'text' ? turn.caller.text : '', response: turn.agent.text })))

function measure(run: (index: number) => unknown): { operations: number; elapsedMs: number } {
  for (let index = 0; index < 500; index += 1) run(index) // warm-up
  let operations = 0
  const started = performance.now()
  while (performance.now() - started < durationMs) {
    for (let batch = 0; batch < 50; batch += 1) run(operations++)
  }
  return { operations, elapsedMs: performance.now() - started }
}

const grounding = measure((index) => {
  const turn = turns[index % turns.length]
  if (turn) checkGrounding({ knowledge, vocabulary, context: turn.context, response: turn.response })
})
let judgedTurns = 0
let judgedCalls = 0
const started = performance.now()
while (performance.now() - started < durationMs) {
  const call = calls[judgedCalls % calls.length]
  if (!call) break
  const verdict = await judgeCall(call.record, { knowledge, vocabulary })
  judgedTurns += verdict.turnsJudged
  judgedCalls += 1
}
const judgeMs = performance.now() - started

console.log(`${turns.length} distinct replies, ${calls.length} distinct calls, ${durationMs} ms per row, Node ${process.version}\n`)
console.log('| what | operations | per second | µs each |')
console.log('|---|---:|---:|---:|')
console.log(`| checkGrounding (one reply) | ${grounding.operations} | ${((1000 * grounding.operations) / grounding.elapsedMs).toFixed(0)} | ${((1000 * grounding.elapsedMs) / grounding.operations).toFixed(1)} |`)
console.log(`| judgeCall, turns judged | ${judgedTurns} | ${((1000 * judgedTurns) / judgeMs).toFixed(0)} | ${((1000 * judgeMs) / judgedTurns).toFixed(1)} |`)
console.log(`| judgeCall, calls judged | ${judgedCalls} | ${((1000 * judgedCalls) / judgeMs).toFixed(0)} | ${((1000 * judgeMs) / judgedCalls).toFixed(1)} |`)
