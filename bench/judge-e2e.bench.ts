/**
 * @voxguard/judge end to end: @voxguard/mock-llm (hallucinations + faults + an all-down window)
 * → the example clinic agent (its own agent.yaml chains, `real` mode aimed at the mock) → the
 * harness replaying e2e/scripts/*.yaml over the text protocol → judgeRecords. Scored against
 * ground truth from the mock's records and the agent's deterministic behaviour (definitions in
 * judge-e2e-truth.ts and bench/README.md), never from the judge's own output.
 *   cd bench && node --conditions=source judge-e2e.bench.ts [--repeat N] [--concurrency C] [--rate R]
 *     [--seed S] [--outage FROM_MS-TO_MS] [--calm] [--quick] [--verbose]
 * Attribution accuracy: verdict factor (null | system | dialogue | both) = true factor, over all calls.
 * Hallucination precision / recall: per agent turn, flagged by the judge vs a false claim that reached the caller.
 */
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { runCalls, type CallRecord } from '@voxguard/harness'
import { judgeRecords, type Verdict } from '@voxguard/judge'
import { injectedType, TurnScore } from './judge-turn-score.ts'
import { startMockServer, type GroundTruthRecord } from '@voxguard/mock-llm'
import { e2eChaosProfile, KNOWLEDGE_FILE, startAgentOnMock } from './judge-e2e-setup.ts'
import { callTruth, corroborate, HallucinationIndex, type CallTruth } from './judge-e2e-truth.ts'

const argument = (name: string) => {
  const index = process.argv.indexOf(name)
  return index > 0 ? process.argv[index + 1] : undefined
}
const quick = process.argv.includes('--quick')
const calm = process.argv.includes('--calm')
const verbose = process.argv.includes('--verbose')
const repeat = Number(argument('--repeat') ?? (quick ? 4 : 32))
const concurrency = Number(argument('--concurrency') ?? 16)
const rate = Number(argument('--rate') ?? (calm ? 0 : 0.15))
const seed = Number(argument('--seed') ?? 5)
const [outageFromMs, outageToMs] = (argument('--outage') ?? (quick ? '1200-1700' : '12000-13500')).split('-').map(Number) as [number, number]

const scriptsFolder = fileURLToPath(new URL('../e2e/scripts/', import.meta.url))
const scripts = readdirSync(scriptsFolder).filter((name) => name.endsWith('.yaml')).sort().map((name) => scriptsFolder + name)
const outDir = fileURLToPath(new URL('./out/judge-e2e/', import.meta.url))

const faults: GroundTruthRecord[] = []
const hallucinations = new HallucinationIndex()
let hallucinationRecords = 0
const mock = await startMockServer({
  profile: e2eChaosProfile({ seed, hallucinationRate: rate, outage: { fromMs: outageFromMs, toMs: outageToMs }, faults: !calm }),
  knowledgeBase: KNOWLEDGE_FILE,
  onRecord: (record) => {
    if (record.kind === 'hallucination') {
      hallucinationRecords += 1
      hallucinations.add(record)
    } else faults.push(record)
  },
})
const agent = await startAgentOnMock(mock)
const records: CallRecord[] = []
const started = performance.now()
let runSeconds: number
try {
  await runCalls({ scripts, repeat, agentUrl: agent.url.replace(/^http/, 'ws') + '/text', protocol: 'text', concurrency, outDir, redact: false, onRecord: (record) => records.push(record) })
  runSeconds = (performance.now() - started) / 1000
} finally {
  await agent.close()
  await mock.close()
}
const judgeStarted = performance.now()
const verdicts: Verdict[] = await judgeRecords(records) // each record's knowledge base carries the clinic's trade words (vocabulary section)
const judgeSeconds = (performance.now() - judgeStarted) / 1000

// Score.
const pct = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(2)}%`)
const FACTORS = ['pass', 'system', 'dialogue', 'both'] as const
const label = (factor: CallTruth['factor'] | Verdict['factor']) => factor ?? 'pass'
const confusion = new Map<string, number>()
const mismatches: string[] = []
const falseAlarms: string[] = []
const missed: string[] = []
const score = new TurnScore()
const systemCauses = new Map<string, number>()
let attributed = 0
let turns = 0
let failedTurns = 0
let corroborated = 0
for (const [position, record] of records.entries()) {
  const verdict = verdicts[position]!
  const truth = callTruth(record, hallucinations)
  turns += record.turns.filter((turn) => turn.index > 0).length
  const key = `${label(truth.factor)}→${label(verdict.factor)}`
  confusion.set(key, (confusion.get(key) ?? 0) + 1)
  const describe = () => `${record.callId}: truth ${label(truth.factor)} (${[...truth.system].map(([turn, causes]) => `turn ${turn} ${causes.join('+')}`).concat([...truth.hallucinated.keys()].map((turn) => `turn ${turn} hallucination`)).join(', ')}), judge ${label(verdict.factor)}: ${verdict.reasons.map((reason) => `[${reason.code}] ${reason.message}`).join(' | ')}`
  if (truth.factor === verdict.factor) attributed += 1
  else mismatches.push(describe())
  for (const [turn, causes] of truth.system) {
    for (const cause of causes) systemCauses.set(cause, (systemCauses.get(cause) ?? 0) + 1)
    for (const cause of causes.filter((item) => item.endsWith('_failed'))) {
      failedTurns += 1
      if (corroborate(record, turn, cause, faults)) corroborated += 1
      else if (verbose) console.log(`not backed by mock faults: ${record.callId} turn ${turn} ${cause}`)
    }
  }
  const scored = score.add(verdict.hallucinations, truth.hallucinated)
  for (const item of scored.falseAlarms) falseAlarms.push(`${record.callId} turn ${item.turn}: "${item.reply}" → ${item.findings.map((finding) => `${finding.status} ${finding.type} "${finding.text}"`).join('; ')}`)
  for (const [turn, injected] of scored.missed) {
    missed.push(`${record.callId} turn ${turn} ${injectedType(injected)}: ${injected.original} → ${injected.injected} in "${record.turns.find((item) => item.index === turn)?.agent.text}" (judge: ${verdict.reasons.filter((reason) => reason.turn === turn).map((reason) => reason.code).join(', ') || 'no reason on this turn'})`)
  }
}

// Report.
const reachedCaller = [...score.byType.values()].reduce((sum, entry) => sum + entry.injected, 0)
const faultKinds = new Map<string, number>()
for (const fault of faults) faultKinds.set(fault.kind, (faultKinds.get(fault.kind) ?? 0) + 1)
const { truePositive, falsePositive, falseNegative } = score
const precision = score.precision()
const recall = score.recall() // F1 only; the table prints '-' when undefined
console.log(`${records.length} calls (${scripts.length} scripts × ${repeat}, concurrency ${concurrency}), ${turns} caller turns; hallucinationRate ${rate} on every target, seed ${seed}, ${calm ? 'no faults (calm baseline)' : `random faults + every target down ${outageFromMs}-${outageToMs} ms`}`)
console.log(`calls ran in ${runSeconds.toFixed(1)} s, judged in ${judgeSeconds.toFixed(2)} s; mock ground truth: ${hallucinationRecords} hallucinated replies (${reachedCaller} reached a caller), ${[...faultKinds].map(([kind, count]) => `${kind} ${count}`).join(', ') || 'no faults'}`)
console.log(`system turns: ${[...systemCauses].map(([cause, count]) => `${cause} ${count}`).join(', ') || 'none'}; failed steps backed by mock faults on every target of the step's chain: ${corroborated}/${failedTurns}\n`)
console.log('| metric | measured | goal |')
console.log('|---|---:|---:|')
console.log(`| attribution accuracy (verdict factor = true factor, ${records.length} calls) | ${pct(attributed, records.length)} | ≥ 99% |`)
console.log(`| hallucination precision (agent turns) | ${pct(truePositive, truePositive + falsePositive)} | ≥ 95% |`)
console.log(`| hallucination recall (agent turns) | ${pct(truePositive, truePositive + falseNegative)} | ≥ 95% |`)
console.log(`| hallucination F1 | ${truePositive === 0 ? '-' : pct((2 * precision * recall) / (precision + recall), 1)} | |`)
console.log(`\nturns: TP ${truePositive}  FP ${falsePositive}  FN ${falseNegative}\n`)
console.log(`| true factor ↓ / judge → | ${FACTORS.join(' | ')} | calls | correct |`)
console.log(`|---|${FACTORS.map(() => '---:').join('|')}|---:|---:|`)
for (const truth of FACTORS) {
  const row = FACTORS.map((judged) => confusion.get(`${truth}→${judged}`) ?? 0)
  const total = row.reduce((sum, count) => sum + count, 0)
  console.log(`| ${truth} | ${row.join(' | ')} | ${total} | ${pct(confusion.get(`${truth}→${truth}`) ?? 0, total)} |`)
}
console.log('\n| claim type (reached the caller) | turns | found |')
console.log('|---|---:|---:|')
for (const [type, entry] of [...score.byType].sort()) console.log(`| ${type} | ${entry.injected} | ${pct(entry.found, entry.injected)} |`)
const show = (title: string, lines: string[]) => {
  if (lines.length === 0) return
  console.log(`\n${title} (${lines.length}${verbose || lines.length <= 5 ? '' : ', first 5; --verbose for all'}):`)
  for (const line of verbose ? lines : lines.slice(0, 5)) console.log(`- ${line}`)
}
show('attribution mismatches', mismatches)
show('false alarms', falseAlarms)
show('missed hallucinations', missed)
