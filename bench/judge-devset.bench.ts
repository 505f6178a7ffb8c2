/**
 * @voxguard/judge built-in grounding check on the project's labelled dev sets
 * (packages/judge/bench-data/: phone-agent replies for several businesses, each scored against
 * the business's YAML knowledge base AND its free-text knowledge; replies to the example clinic's
 * knowledge base; knowledge-grounded dialogue) and on the HaluEval QA dev set, side by side with
 * a word-overlap baseline. Hallucinated = positive.
 *   cd bench && node --conditions=source judge-devset.bench.ts [--halueval PATH] [--verbose]
 * HaluEval is read from ../shared/data/halueval-qa-dev.jsonl beside the repository (skipped, with
 * a message, when absent). --verbose lists every case the judge gets wrong, with its claims.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { checkGrounding, type GroundingInput, type GroundingResult } from '@voxguard/judge'
import { readDevsets, type KnowledgeSource } from './judge-devset-data.ts'
import { balancedAccuracy, groupTable, type ScoredCase } from './judge-devset-score.ts'
import { wordOverlapHallucinated } from './word-overlap-baseline.ts'

const haluevalFlag = process.argv.indexOf('--halueval')
const haluevalFile =
  haluevalFlag > 0 ? (process.argv[haluevalFlag + 1] ?? '') : fileURLToPath(new URL('../../shared/data/halueval-qa-dev.jsonl', import.meta.url))
const verbose = process.argv.includes('--verbose')

const cases: ScoredCase[] = []
let checks = 0
let checkMs = 0

/** Runs the judge on one case, times it, and lists it under --verbose when the judge is wrong. */
function judge(input: GroundingInput, scored: Omit<ScoredCase, 'judge' | 'baseline'>, baseline: boolean): void {
  const started = performance.now()
  const result: GroundingResult = checkGrounding(input)
  checkMs += performance.now() - started
  checks += 1
  cases.push({ ...scored, judge: result.hallucinated, baseline })
  if (verbose && result.hallucinated !== scored.hallucinated) {
    const claims = result.claims.map((claim) => `${claim.status} ${claim.type} "${claim.text}"`).join('; ')
    console.log(`${scored.hallucinated ? 'MISSED' : 'FALSE ALARM'} ${scored.id} [${scored.form}] ${input.response}\n    claims: ${claims || 'none'}`)
  }
}

const devsets = readDevsets()
const source = (business: string, form: string): KnowledgeSource => devsets.knowledge.get(`${business}/${form}`)!
for (const [set, rows] of [['phone', devsets.phone], ['clinic', devsets.clinic]] as const) {
  for (const row of rows) {
    for (const form of row.knowledgeForms) {
      const { knowledge, text } = source(row.business, form)
      const scored = { id: row.id, set, form, language: row.language, business: row.business, claimTypes: row.claimTypes, hallucinationType: row.hallucinationType, hallucinated: row.label === 'hallucinated' }
      judge({ knowledge, context: row.callerSaid, response: row.response }, scored, wordOverlapHallucinated(text, [row.callerSaid], row.response))
    }
  }
}
for (const row of devsets.dialogue) {
  const context = row.history.map((turn) => turn.text)
  const scored = { id: row.id, set: 'dialogue', form: 'text', language: 'en', business: row.topic, claimTypes: [], hallucinationType: row.hallucinationType, hallucinated: row.label === 'hallucinated' }
  judge({ knowledge: row.knowledge, context, response: row.response }, scored, wordOverlapHallucinated(row.knowledge, context, row.response))
}
if (existsSync(haluevalFile)) {
  const rows = readFileSync(haluevalFile, 'utf8').split('\n').filter((line) => line.trim() !== '')
  rows.forEach((line, index) => {
    const row = JSON.parse(line) as { knowledge: string; question: string; right_answer: string; hallucinated_answer: string }
    for (const [response, hallucinated] of [[row.right_answer, false], [row.hallucinated_answer, true]] as const) {
      const scored = { id: `halueval-${index + 1}`, set: 'halueval', form: 'text', language: 'en', business: 'halueval', claimTypes: [], hallucinationType: undefined, hallucinated }
      judge({ knowledge: row.knowledge, context: row.question, response }, scored, wordOverlapHallucinated(row.knowledge, [row.question], response))
    }
  })
} else {
  console.log(`HaluEval dev set not found at ${haluevalFile}: skipped (pass --halueval PATH)`)
}

const business = cases.filter((scored) => scored.set === 'phone' || scored.set === 'clinic')
const phone = cases.filter((scored) => scored.set === 'phone')
console.log(`\n${checks} checks (${devsets.phone.length} phone replies, ${devsets.clinic.length} clinic replies, ${devsets.dialogue.length} dialogue rows), ${checkMs.toFixed(0)} ms in checkGrounding`)
console.log('Judge = @voxguard/judge checkGrounding, built-in rules, no model. Baseline = word overlap (word-overlap-baseline.ts).\n')
console.log(groupTable('By set and knowledge form', cases, (scored) => [`${scored.set} / ${scored.form}`, ...(scored.set === 'phone' ? ['phone / both forms'] : [])]))
console.log()
console.log(groupTable('Business replies (phone + clinic) by language and knowledge form', business, (scored) => [`${scored.language} / ${scored.form}`]))
console.log()
console.log(groupTable('Business replies by claim type and knowledge form (a reply counts under each of its types)', business, (scored) => scored.claimTypes.map((type) => `${type} / ${scored.form}`)))
console.log()
console.log(groupTable('Business replies by business and knowledge form', business, (scored) => [`${scored.business} / ${scored.form}`]))
console.log()
console.log(groupTable('Hallucinated business replies by hallucination type and knowledge form (recall only)', business.filter((scored) => scored.hallucinated), (scored) => [`${scored.hallucinationType} / ${scored.form}`], { recallOnly: true }))
const summary = [
  ['phone replies, both forms', phone],
  ['phone replies, free text', phone.filter((scored) => scored.form === 'text')],
  ['clinic knowledge base', cases.filter((scored) => scored.set === 'clinic')],
  ['dialogue', cases.filter((scored) => scored.set === 'dialogue')],
  ['HaluEval QA dev', cases.filter((scored) => scored.set === 'halueval')],
] as const
console.log('\n### Summary: balanced accuracy, judge / baseline (ratio)\n')
console.log('| set | judge | baseline | ratio |')
console.log('|---|---:|---:|---:|')
for (const [label, members] of summary) {
  if (members.length === 0) continue
  const judged = balancedAccuracy(members, (scored) => scored.judge)
  const baseline = balancedAccuracy(members, (scored) => scored.baseline)
  console.log(`| ${label} | ${(100 * judged).toFixed(1)}% | ${(100 * baseline).toFixed(1)}% | ${(judged / baseline).toFixed(2)} |`)
}
