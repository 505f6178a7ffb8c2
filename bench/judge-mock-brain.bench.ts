/**
 * @voxguard/judge hallucination detection on replies from @voxguard/mock-llm's brain, which
 * injects one false claim into a share of its replies and logs each as ground truth
 * (`voxguard.mock-ground-truth`, matched to the reply by its x-request-id). The mutations are
 * the mock-llm's, not the judge's: an independent check of the built-in grounding rules.
 *   cd bench && node --conditions=source judge-mock-brain.bench.ts [--calls N] [--rate R] [--seed S] [--verbose]
 */
import type { TurnRecord } from '@voxguard/harness'
import { callRecord } from '@voxguard/harness/testing'
import { judgeCall } from '@voxguard/judge'
import { loadKnowledgeBase } from '@voxguard/knowledge'
import { startMockServer, type GroundTruthRecord, type HallucinationRecord } from '@voxguard/mock-llm'
import { injectedType, TurnScore } from './judge-turn-score.ts'

const flag = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name)
  return index > 0 ? Number(process.argv[index + 1]) : fallback
}
const callCount = flag('--calls', process.argv.includes('--quick') ? 60 : 400)
const rate = flag('--rate', 0.3)
const seed = flag('--seed', 11)
const verbose = process.argv.includes('--verbose')
const knowledgeFile = new URL('../examples/clinic-agent/knowledge.yaml', import.meta.url).pathname
const knowledge = await loadKnowledgeBase(knowledgeFile) // its vocabulary section carries the clinic's trade words (クリーニング → cleaning)

const QUESTIONS = [
  'What time do you open on Saturday?', 'What are your opening hours?', 'How much is a cleaning?', 'How much does whitening cost?',
  'Where are you located?', 'Is whitening covered by insurance?', 'I need to cancel my appointment.', 'Do you take insurance?',
  '診療時間を教えてください', 'クリーニングの料金はいくらですか', '住所はどこですか', '保険は使えますか', '予約をキャンセルしたいです',
  'Can I speak to a receptionist?', 'I want to book an appointment.', 'Thank you, goodbye.', 'スタッフと話したいです',
]
const truths = new Map<string, GroundTruthRecord>()
const server = await startMockServer({ profile: { version: 1, seed, targets: { brain: { hallucinationRate: rate } } }, knowledgeBase: knowledgeFile, onRecord: (record) => truths.set(record.requestId, record) })
const endpoint = `${server.endpoints('brain').openai}/chat/completions`

async function ask(question: string): Promise<{ text: string; requestId: string }> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench-key' },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'You are the receptionist of Sakura Dental Clinic.' }, { role: 'user', content: question }] }),
  })
  const body = (await response.json()) as { choices: Array<{ message: { content: string } }> }
  return { text: body.choices[0]?.message.content ?? '', requestId: response.headers.get('x-request-id') ?? '' }
}

const score = new TurnScore()
let attributed = 0
let next = seed
const random = () => ((next = (next * 1103515245 + 12345) % 2147483648) / 2147483648)
for (let number = 0; number < callCount; number += 1) {
  const turns: TurnRecord[] = [{ index: 0, sentAtMs: 0, agent: { text: 'Thank you for calling Sakura Dental Clinic. How can I help?', deltaCount: 1, firstByteMs: 300, toolCalls: [] }, timedOut: false }]
  const injected = new Map<number, HallucinationRecord>()
  for (let index = 1; index <= 3; index += 1) {
    const question = QUESTIONS[Math.floor(random() * QUESTIONS.length)] ?? ''
    const reply = await ask(question)
    const truth = truths.get(reply.requestId)
    if (truth?.kind === 'hallucination') injected.set(index, truth)
    turns.push({ index, caller: { kind: 'text', text: question }, sentAtMs: index * 2000, agent: { text: reply.text, deltaCount: 3, firstByteMs: 400, toolCalls: [] }, timedOut: false })
  }
  const record = callRecord({ callId: `brain-${number}`, runId: 'bench', scriptId: 'brain', scriptFile: '/bench/brain.yaml', agentUrl: 'ws://127.0.0.1:8080', durationMs: 8000, turns })
  const verdict = await judgeCall(record, { knowledge })
  if (verdict.factor === (injected.size > 0 ? 'dialogue' : null)) attributed += 1
  else if (verbose) console.log(`attribution ${record.callId}: ${verdict.factor} ${verdict.reasons.map((reason) => reason.message).join(' | ')}`)
  const { falseAlarms, missed } = score.add(verdict.hallucinations, injected)
  if (verbose) for (const item of falseAlarms) console.log(`false alarm: ${item.reply} | ${item.findings.map((finding) => `${finding.status} ${finding.type} ${finding.text}`).join('; ')}`)
  if (verbose) for (const [, truth] of missed) console.log(`missed ${injectedType(truth)}: ${truth.original} → ${truth.injected} | ${truth.replyText}`)
}
await server.close()

const pct = (value: number) => `${(100 * value).toFixed(2)}%`
console.log(`${callCount} calls × 3 replies from the mock-llm brain (hallucinationRate ${rate}, seed ${seed})\n`)
console.log('| metric | measured | goal |')
console.log('|---|---:|---:|')
console.log(`| attribution (dialogue when a reply was falsified, else pass) | ${pct(attributed / callCount)} | ≥ 99% |`)
console.log(`| hallucination precision (turns) | ${pct(score.precision())} | ≥ 95% |`)
console.log(`| hallucination recall (turns) | ${pct(score.recall())} | ≥ 95% |`)
console.log(`\nturns: TP ${score.truePositive}  FP ${score.falsePositive}  FN ${score.falseNegative}\n`)
console.log('| injected claim type | injected | found |')
console.log('|---|---:|---:|')
for (const [name, item] of [...score.byType].sort()) console.log(`| ${name} | ${item.injected} | ${pct(item.found / item.injected)} |`)
