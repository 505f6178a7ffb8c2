/**
 * @voxguard/judge throughput on one core (the Node main thread), built-in check only.
 *   cd bench && node --conditions=source judge-throughput.bench.ts [--quick] [--before PATH] [--cpu]
 * 1. checkGrounding on single clinic replies (English and Japanese, clean and hallucinated).
 * 2. judgeCall on whole generated call records (system checks, expectations, loop, grounding).
 * --before PATH: also measures another build of the judge (PATH = its src/index.ts, e.g. a copy of
 * an older commit's packages/judge/src placed inside packages/judge so its imports resolve), in
 * alternating rounds in this same process, and prints after/before ratios.
 * --cpu: also times checkGrounding by CPU time (process.cpuUsage, median of 15 alternating passes
 * over every reply), which a loaded machine disturbs far less than wall-clock rounds.
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as current from '@voxguard/judge'
import { loadKnowledgeBase } from '@voxguard/knowledge'
import { generateJudgedCalls } from './judge-call-generator.ts'

type Judge = Pick<typeof current, 'checkGrounding' | 'judgeCall'>
const quick = process.argv.includes('--quick')
const beforeFlag = process.argv.indexOf('--before')
const beforePath = beforeFlag > 0 ? process.argv[beforeFlag + 1] : undefined
const rounds = quick ? 2 : 6
const roundMs = quick ? 250 : 500
const knowledge = await loadKnowledgeBase(new URL('../examples/clinic-agent/knowledge.yaml', import.meta.url).pathname)
// The current judge reads the clinic's trade words from the knowledge base's vocabulary section; they
// are passed as the option too only so that a --before build older than that section judges with them.
const vocabulary = knowledge.vocabulary ?? {}
const calls = generateJudgedCalls({ knowledge, count: 400, seed: 7 })
const turns = calls.flatMap((call) => call.record.turns.filter((turn) => turn.agent.text !== '').map((turn) => ({ context: turn.caller?.kind === 'text' ? turn.caller.text : '', response: turn.agent.text })))
const builds: Array<[string, Judge]> = [['current', current]]
if (beforePath) builds.push(['before', (await import(pathToFileURL(resolve(beforePath)).href)) as Judge])

interface Totals { groundings: number; groundingMs: number; turns: number; calls: number; judgeMs: number }
const totals = new Map<string, Totals>(builds.map(([name]) => [name, { groundings: 0, groundingMs: 0, turns: 0, calls: 0, judgeMs: 0 }]))

async function round(judge: Judge, into: Totals, warmUp: boolean): Promise<void> {
  let operations = 0
  let started = performance.now()
  while (performance.now() - started < roundMs) {
    for (let batch = 0; batch < 50; batch += 1) {
      const turn = turns[operations++ % turns.length]
      if (turn) judge.checkGrounding({ knowledge, vocabulary, context: turn.context, response: turn.response })
    }
  }
  if (!warmUp) {
    into.groundings += operations
    into.groundingMs += performance.now() - started
  }
  let judgedCalls = 0
  let judgedTurns = 0
  started = performance.now()
  while (performance.now() - started < roundMs) {
    const call = calls[judgedCalls % calls.length]
    if (!call) break
    judgedTurns += (await judge.judgeCall(call.record, { knowledge, vocabulary })).turnsJudged
    judgedCalls += 1
  }
  if (!warmUp) {
    into.calls += judgedCalls
    into.turns += judgedTurns
    into.judgeMs += performance.now() - started
  }
}

for (const [name, judge] of builds) await round(judge, totals.get(name) as Totals, true)
for (let index = 0; index < rounds; index += 1) {
  // Alternate the order so neither build always runs first in a round.
  const order = index % 2 === 0 ? builds : [...builds].reverse()
  for (const [name, judge] of order) await round(judge, totals.get(name) as Totals, false)
}

const perSecond = (count: number, ms: number) => (1000 * count) / ms
console.log(`${turns.length} distinct replies, ${calls.length} distinct calls, ${rounds} rounds × ${roundMs} ms per row and build, Node ${process.version}\n`)
console.log('| build | what | operations | per second | µs each |')
console.log('|---|---|---:|---:|---:|')
for (const [name] of builds) {
  const item = totals.get(name) as Totals
  console.log(`| ${name} | checkGrounding (one reply) | ${item.groundings} | ${perSecond(item.groundings, item.groundingMs).toFixed(0)} | ${((1000 * item.groundingMs) / item.groundings).toFixed(1)} |`)
  console.log(`| ${name} | judgeCall, turns judged | ${item.turns} | ${perSecond(item.turns, item.judgeMs).toFixed(0)} | ${((1000 * item.judgeMs) / item.turns).toFixed(1)} |`)
  console.log(`| ${name} | judgeCall, calls judged | ${item.calls} | ${perSecond(item.calls, item.judgeMs).toFixed(0)} | ${((1000 * item.judgeMs) / item.calls).toFixed(1)} |`)
}
const after = totals.get('current') as Totals
const before = totals.get('before')
if (before) {
  console.log(`| **ratio** current/before | checkGrounding per second | | **${(perSecond(after.groundings, after.groundingMs) / perSecond(before.groundings, before.groundingMs)).toFixed(2)}** | |`)
  console.log(`| **ratio** current/before | judgeCall turns per second | | **${(perSecond(after.turns, after.judgeMs) / perSecond(before.turns, before.judgeMs)).toFixed(2)}** | |`)
}

if (process.argv.includes('--cpu')) {
  /** CPU milliseconds per reply for one pass of `judge` over every reply. */
  const cpuPass = (judge: Judge): number => {
    const start = process.cpuUsage()
    for (const turn of turns) judge.checkGrounding({ knowledge, vocabulary, context: turn.context, response: turn.response })
    const used = process.cpuUsage(start)
    return (used.user + used.system) / 1000 / turns.length
  }
  const passes = new Map<string, number[]>(builds.map(([name]) => [name, []]))
  for (let index = 0; index < 18; index += 1) for (const [name, judge] of index % 2 === 0 ? builds : [...builds].reverse()) if (index >= 3) passes.get(name)?.push(cpuPass(judge))
  const median = (values: number[]): number => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)] ?? Number.NaN
  console.log('\n| build | checkGrounding CPU ms per reply (median of 15 passes) | replies per CPU second |')
  console.log('|---|---:|---:|')
  for (const [name] of builds) console.log(`| ${name} | ${median(passes.get(name) ?? []).toFixed(4)} | ${(1000 / median(passes.get(name) ?? [])).toFixed(0)} |`)
  if (passes.has('before')) console.log(`| **ratio** current/before | | **${(median(passes.get('before') ?? []) / median(passes.get('current') ?? [])).toFixed(2)}** |`)
}
