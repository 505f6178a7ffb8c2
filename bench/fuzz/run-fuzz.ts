// `npm run fuzz`: the robustness figures of bench/README.md, side by side in one run.
//   node --conditions=source bench/fuzz/run-fuzz.ts [--scripts N] [--sessions N] [--twilio-sessions N] [--kills N] [--soak N] [--seed S]
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { fuzzCallScripts, fuzzChaosProfiles, fuzzKnowledgeBases, fuzzRecords, fuzzSloFiles, type FuzzFigures } from './fuzz-inputs.ts'
import { runHostileAgentSessions } from './hostile-agent-sessions.ts'
import { runHostileTwilioSessions } from './hostile-twilio-sessions.ts'
import type { HostileFigures } from './run-hostile-sessions.ts'
import { runSigkillRuns } from './sigkill-runs.ts'
import { voxguardReportProblem } from './voxguard-report-accepts.ts'

const { values } = parseArgs({ options: { scripts: { type: 'string', default: '10000' }, sessions: { type: 'string', default: '1008' }, 'twilio-sessions': { type: 'string', default: '1008' }, kills: { type: 'string', default: '20' }, soak: { type: 'string', default: '100000' }, seed: { type: 'string', default: '42' } } })
const seed = Number(values.seed)
const line = (text: string) => process.stdout.write(`${text}\n`)
const row = (name: string, figures: FuzzFigures) => line(`| ${name} | ${figures.inputs} | ${figures.loaded} | ${figures.locatedErrors} | ${figures.crashes.length} | ${figures.hangs} | ${Math.round(figures.slowestMs)} |`)
let bad = 0

line('| input | generated | loaded | located errors | crashes | hangs (> 5 s) | slowest ms |\n|---|---|---|---|---|---|---|')
for (const [name, figures] of [
  ['call scripts', await fuzzCallScripts(Number(values.scripts), seed)],
  ['knowledge bases', fuzzKnowledgeBases(2000, seed)],
  ['chaos profiles', fuzzChaosProfiles(2000, seed)],
  ['SLO files', fuzzSloFiles(2000, seed)],
  ['records', fuzzRecords(2000, seed)],
] as const) {
  row(name, figures)
  for (const crash of figures.crashes.slice(0, 5)) line(`  crash: ${crash}`)
  bad += figures.crashes.length + figures.hangs
}

for (const [name, count, run] of [['hostile text agent', Number(values.sessions), runHostileAgentSessions], ['hostile Twilio app', Number(values['twilio-sessions']), runHostileTwilioSessions]] as const) {
  if (count <= 0) continue
  const hostile: HostileFigures = await run(count)
  line(`\n${name}: ${hostile.sessions} sessions, ${hostile.recorded} recorded, ${hostile.hangs} hangs, ${hostile.unnamedFailures} failures not naming the offending frame, ${hostile.unexpected.length} unexpected outcomes, ${Math.round(hostile.elapsedMs / 1000)} s`)
  for (const [key, calls] of Object.entries(hostile.failures)) line(`  ${key}: ${calls}`)
  for (const unexpected of hostile.unexpected.slice(0, 5)) line(`  unexpected: ${unexpected}`)
  bad += hostile.sessions - hostile.recorded + hostile.hangs + hostile.unnamedFailures + hostile.unexpected.length
}

const kills = await runSigkillRuns(Number(values.kills), seed, async (runDirectory, records) => {
  const problem = await voxguardReportProblem(runDirectory, records)
  if (problem) line(`  report refused: ${problem}`)
  return problem === undefined
})
line(`\nSIGKILL: ${kills.runs} runs, ${kills.reportedFinished} calls reported finished, ${kills.recorded} recorded, ${kills.lostCalls} lost, ${kills.tornLines} torn last lines, accepted by merge ${kills.mergeAccepted}/${kills.runs}, judge ${kills.judgeAccepted}/${kills.runs}, report ${kills.reportAccepted}/${kills.runs}`)
bad += kills.lostCalls + (kills.runs - kills.mergeAccepted) + (kills.runs - kills.judgeAccepted) + (kills.runs - kills.reportAccepted)

const soakStarted = performance.now()
const soak = await new Promise<{ output: string; exitedAfterMs: number; code: number | null }>((resolve) => {
  const child = spawn(process.execPath, ['--conditions=source', '--expose-gc', fileURLToPath(new URL('llm-soak.ts', import.meta.url)), values.soak], { stdio: ['ignore', 'pipe', 'inherit'] })
  let output = ''
  let printedAt = 0
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    printedAt = performance.now()
  })
  const watchdog = setTimeout(() => child.kill('SIGKILL'), 30 * 60_000)
  child.on('exit', (code) => {
    clearTimeout(watchdog)
    resolve({ output, exitedAfterMs: performance.now() - (printedAt || soakStarted), code })
  })
})
line(`\nLLM soak: ${soak.output.trim()}\n  exit code ${soak.code}, exited ${Math.round(soak.exitedAfterMs)} ms after its last output (no process.exit: no handle left open)`)
if (soak.code !== 0 || soak.exitedAfterMs > 5000) bad += 1
line(`\n${bad === 0 ? 'OK' : `FAILED: ${bad} problems`}`)
process.exitCode = bad === 0 ? 0 : 1
