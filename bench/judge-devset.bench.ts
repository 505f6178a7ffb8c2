/**
 * @voxguard/judge built-in grounding check on the project's labelled dev sets
 * (packages/judge/bench-data/: phone-agent replies for several businesses, each scored against
 * the business's YAML knowledge base AND its free-text knowledge; replies to the example clinic's
 * knowledge base; knowledge-grounded dialogue) and on the HaluEval QA dev set, side by side with
 * a word-overlap baseline. Hallucinated = positive. After them, the same tables for the held-out
 * sets (packages/judge/bench-data/holdout/: other businesses, other wordings, never tuned on).
 *   cd bench && node --conditions=source judge-devset.bench.ts [--halueval PATH] [--verbose] [--why]
 *     [--businesses NAME,NAME,...] [--dialogue-from dialogue-NNN]
 * --businesses keeps only the dev phone and clinic replies of those businesses (`clinic` names the
 * clinic set); --dialogue-from keeps only the dev dialogue rows numbered NNN and up (`dialogue-151`
 * keeps dialogue-151-faithful, dialogue-152-…). With either flag the dev tables hold only what the
 * flags select (a set no flag names is left out), so one round of rows can be scored alone
 * (`--businesses drycleaner,campsite,ramen,cowork --dialogue-from dialogue-151`: round 4). The
 * held-out tables and HaluEval are unchanged.
 * HaluEval is read from shared/data/halueval-qa-dev.jsonl in the nearest folder above the
 * repository that has one (beside a clone or a git worktree; skipped, with a message, when absent). --verbose lists every dev-set case the judge gets wrong, with its
 * claims (held-out misses are never listed: only their aggregate figures are printed). --why adds,
 * for the dev and the held-out sets, counts of the wrong verdicts by what caused them (the kind and
 * status of the claims that flagged a grounded reply; what the judge found in a hallucinated reply
 * it passed): aggregates only, so they say where to look on the dev sets without showing a row.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkGrounding, type GroundingInput, type GroundingResult } from '@voxguard/judge'
import { HOLDOUT_FOLDER, readDevsets, type Devsets, type KnowledgeSource } from './judge-devset-data.ts'
import { balancedAccuracy, groupTable, type ScoredCase } from './judge-devset-score.ts'
import { wordOverlapHallucinated } from './word-overlap-baseline.ts'

const haluevalFlag = process.argv.indexOf('--halueval')
const haluevalFile = haluevalFlag > 0 ? (process.argv[haluevalFlag + 1] ?? '') : findSharedHalueval(dirname(fileURLToPath(new URL('..', import.meta.url))))

/** `shared/data/halueval-qa-dev.jsonl` in `folder` or the nearest folder above it that has one. */
function findSharedHalueval(folder: string): string {
  const candidate = join(folder, 'shared/data/halueval-qa-dev.jsonl')
  const parent = dirname(folder)
  return existsSync(candidate) || parent === folder ? candidate : findSharedHalueval(parent)
}
const verbose = process.argv.includes('--verbose')
const why = process.argv.includes('--why')

const businessesFlag = process.argv.indexOf('--businesses')
const dialogueFromFlag = process.argv.indexOf('--dialogue-from')

/** The number of a dialogue row id (`dialogue-151-faithful` → 151), or NaN. */
function dialogueNumber(id: string): number {
  return Number(/^dialogue-(\d+)/.exec(id)?.[1] ?? Number.NaN)
}

/** The dev sets cut down to what --businesses and --dialogue-from select (all of them without either flag). */
function restrictDevsets(sets: Devsets): Devsets {
  if (businessesFlag < 0 && dialogueFromFlag < 0) return sets
  const names = new Set(businessesFlag > 0 ? (process.argv[businessesFlag + 1] ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '') : [])
  const known = new Set([...sets.phone, ...sets.clinic].map((row) => row.business))
  const unknown = [...names].filter((name) => !known.has(name))
  if (businessesFlag > 0 && (names.size === 0 || unknown.length > 0)) throw new Error(`--businesses: expected a comma-separated list of dev businesses (${[...known].join(', ')}), got "${process.argv[businessesFlag + 1] ?? ''}"`)
  const from = dialogueFromFlag > 0 ? dialogueNumber(process.argv[dialogueFromFlag + 1] ?? '') : Number.POSITIVE_INFINITY
  if (Number.isNaN(from)) throw new Error(`--dialogue-from: expected a dialogue row id such as dialogue-151, got "${process.argv[dialogueFromFlag + 1] ?? ''}"`)
  return {
    ...sets,
    phone: sets.phone.filter((row) => names.has(row.business)),
    clinic: sets.clinic.filter((row) => names.has(row.business)),
    dialogue: sets.dialogue.filter((row) => dialogueNumber(row.id) >= from),
  }
}

let checks = 0
let checkMs = 0

/** Runs the judge on one case into `cases`, times it; under --verbose lists a miss (dev sets only, never a held-out row). */
function judge(cases: ScoredCase[], input: GroundingInput, scored: Omit<ScoredCase, 'judge' | 'baseline'>, baseline: boolean, list: boolean): void {
  const started = performance.now()
  const result: GroundingResult = checkGrounding(input)
  checkMs += performance.now() - started
  checks += 1
  cases.push({ ...scored, judge: result.hallucinated, baseline, ...(result.hallucinated !== scored.hallucinated ? { cause: causeOf(result) } : {}) })
  if (list && verbose && result.hallucinated !== scored.hallucinated) {
    const claims = result.claims.map((claim) => `${claim.status} ${claim.type} "${claim.text}"`).join('; ')
    console.log(`${scored.hallucinated ? 'MISSED' : 'FALSE ALARM'} ${scored.id} [${scored.form}] ${input.response}\n    claims: ${claims || 'none'}`)
  }
}

/** Why a verdict went the way it did, in a few words: the flagged claims' status and type, or what a passed reply held. */
function causeOf(result: GroundingResult): string {
  const flagged = [...new Set(result.claims.filter((claim) => claim.status === 'contradicted' || claim.status === 'unsupported').map((claim) => `${claim.status} ${claim.type}`))].sort()
  if (flagged.length > 0) return flagged.join(' + ')
  if (result.claims.length === 0) return 'no claim read'
  const unsettled = result.claims.some((claim) => claim.status === 'unsettled')
  const types = [...new Set(result.claims.filter((claim) => claim.status === 'supported').map((claim) => claim.type))].sort()
  return `${types.length > 0 ? `supported ${types.join(', ')}` : 'nothing supported'}${unsettled ? ' (+ unsettled)' : ''}`
}

/** Scores every row of one folder's sets (phone, clinic, dialogue), each reply against each knowledge form its row names. */
function scoreSets(sets: Devsets, list: boolean): ScoredCase[] {
  const cases: ScoredCase[] = []
  const source = (business: string, form: string): KnowledgeSource => sets.knowledge.get(`${business}/${form}`)!
  for (const [set, rows] of [['phone', sets.phone], ['clinic', sets.clinic]] as const) {
    for (const row of rows) {
      for (const form of row.knowledgeForms) {
        const { knowledge, text } = source(row.business, form)
        const scored = { id: row.id, set, form, language: row.language, business: row.business, claimTypes: row.claimTypes, hallucinationType: row.hallucinationType, hallucinated: row.label === 'hallucinated' }
        judge(cases, { knowledge, context: row.callerSaid, response: row.response }, scored, wordOverlapHallucinated(text, [row.callerSaid], row.response), list)
      }
    }
  }
  for (const row of sets.dialogue) {
    const context = row.history.map((turn) => turn.text)
    const scored = { id: row.id, set: 'dialogue', form: 'text', language: 'en', business: row.topic, claimTypes: [], hallucinationType: row.hallucinationType, hallucinated: row.label === 'hallucinated' }
    judge(cases, { knowledge: row.knowledge, context, response: row.response }, scored, wordOverlapHallucinated(row.knowledge, context, row.response), list)
  }
  return cases
}

const devsets = restrictDevsets(readDevsets())
const holdout = readDevsets(HOLDOUT_FOLDER)
const cases = scoreSets(devsets, true)
const heldOut = scoreSets(holdout, false)
if (existsSync(haluevalFile)) {
  const rows = readFileSync(haluevalFile, 'utf8').split('\n').filter((line) => line.trim() !== '')
  rows.forEach((line, index) => {
    const row = JSON.parse(line) as { knowledge: string; question: string; right_answer: string; hallucinated_answer: string }
    for (const [response, hallucinated] of [[row.right_answer, false], [row.hallucinated_answer, true]] as const) {
      const scored = { id: `halueval-${index + 1}`, set: 'halueval', form: 'text', language: 'en', business: 'halueval', claimTypes: [], hallucinationType: undefined, hallucinated }
      judge(cases, { knowledge: row.knowledge, context: row.question, response }, scored, wordOverlapHallucinated(row.knowledge, [row.question], response), true)
    }
  })
} else {
  console.log(`HaluEval dev set not found at ${haluevalFile}: skipped (pass --halueval PATH)`)
}

/** The per-set, per-language / knowledge form, per-claim-type, per-business and per-hallucination-type tables of one group of sets. */
function printTables(label: string, scored: readonly ScoredCase[]): void {
  const business = scored.filter((one) => one.set === 'phone' || one.set === 'clinic')
  console.log(groupTable(`${label}By set and knowledge form`, scored, (one) => [`${one.set} / ${one.form}`, ...(one.set === 'phone' ? ['phone / both forms'] : [])]))
  console.log()
  console.log(groupTable(`${label}Business replies (phone + clinic) by language and knowledge form`, business, (one) => [`${one.language} / ${one.form}`]))
  console.log()
  console.log(groupTable(`${label}Business replies by claim type and knowledge form (a reply counts under each of its types)`, business, (one) => one.claimTypes.map((type) => `${type} / ${one.form}`)))
  console.log()
  console.log(groupTable(`${label}Business replies by business and knowledge form`, business, (one) => [`${one.business} / ${one.form}`]))
  console.log()
  console.log(groupTable(`${label}Hallucinated business replies by hallucination type and knowledge form (recall only)`, business.filter((one) => one.hallucinated), (one) => [`${one.hallucinationType} / ${one.form}`], { recallOnly: true }))
}

console.log(`\n${checks} checks (dev: ${devsets.phone.length} phone replies, ${devsets.clinic.length} clinic replies, ${devsets.dialogue.length} dialogue rows; held out: ${holdout.phone.length} / ${holdout.clinic.length} / ${holdout.dialogue.length}), ${checkMs.toFixed(0)} ms in checkGrounding`)
console.log('Judge = @voxguard/judge checkGrounding, built-in rules, no model. Baseline = word overlap (word-overlap-baseline.ts).\n')
printTables('', cases)
console.log('\n## Held-out (not tuned on): packages/judge/bench-data/holdout\n')
console.log('Read only these aggregate figures: never the held-out rows, to write a rule (--verbose lists dev-set misses only).\n')
printTables('Held out: ', heldOut)
const phone = cases.filter((scored) => scored.set === 'phone')
const heldOutPhone = heldOut.filter((scored) => scored.set === 'phone')
const summary = [
  ['phone replies, both forms', phone],
  ['phone replies, free text', phone.filter((scored) => scored.form === 'text')],
  ['clinic knowledge base', cases.filter((scored) => scored.set === 'clinic')],
  ['dialogue', cases.filter((scored) => scored.set === 'dialogue')],
  ['HaluEval QA dev', cases.filter((scored) => scored.set === 'halueval')],
  ['held out: phone replies, both forms', heldOutPhone],
  ['held out: phone replies, free text', heldOutPhone.filter((scored) => scored.form === 'text')],
  ['held out: phone replies, English', heldOutPhone.filter((scored) => scored.language === 'en')],
  ['held out: phone replies, Japanese', heldOutPhone.filter((scored) => scored.language === 'ja')],
  ['held out: clinic knowledge base', heldOut.filter((scored) => scored.set === 'clinic')],
  ['held out: dialogue', heldOut.filter((scored) => scored.set === 'dialogue')],
] as const
if (why) {
  for (const [label, scored] of [['', cases], ['Held out: ', heldOut]] as const) {
    for (const [kind, hallucinated] of [['False alarms (grounded replies flagged)', false], ['Misses (hallucinated replies passed)', true]] as const) {
      const counts = new Map<string, Map<string, number>>()
      for (const one of scored) {
        if (one.cause === undefined || one.hallucinated !== hallucinated) continue
        const bySet = counts.get(one.cause) ?? new Map<string, number>()
        const set = one.set === 'phone' ? `phone/${one.form}` : one.set
        bySet.set(set, (bySet.get(set) ?? 0) + 1)
        counts.set(one.cause, bySet)
      }
      const sets = ['phone/yaml', 'phone/text', 'clinic', 'dialogue', 'halueval']
      console.log(`\n### ${label}${kind}, by cause\n`)
      console.log(`| cause | ${sets.join(' | ')} | all |`)
      console.log(`|---|${sets.map(() => '---:|').join('')}---:|`)
      const rows = [...counts].map(([cause, bySet]) => [cause, bySet, [...bySet.values()].reduce((sum, count) => sum + count, 0)] as const).sort((left, right) => right[2] - left[2])
      for (const [cause, bySet, total] of rows.slice(0, 25)) console.log(`| ${cause} | ${sets.map((set) => bySet.get(set) ?? 0).join(' | ')} | ${total} |`)
      if (rows.length > 25) console.log(`| (${rows.length - 25} other causes) | | | | | | ${rows.slice(25).reduce((sum, row) => sum + row[2], 0)} |`)
    }
  }
}
console.log('\n### Summary: balanced accuracy, judge / baseline (ratio)\n')
console.log('| set | judge | baseline | ratio |')
console.log('|---|---:|---:|---:|')
for (const [label, members] of summary) {
  if (members.length === 0) continue
  const judged = balancedAccuracy(members, (scored) => scored.judge)
  const baseline = balancedAccuracy(members, (scored) => scored.baseline)
  console.log(`| ${label} | ${(100 * judged).toFixed(1)}% | ${(100 * baseline).toFixed(1)}% | ${(judged / baseline).toFixed(2)} |`)
}
