import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startClinicAgent, type ClinicAgent } from '@voxguard/example-clinic-agent'
import { runCalls, type CallRecord } from '@voxguard/harness'
import { systemBinary } from '@voxguard/harness/testing'
import { judgeRecords } from '@voxguard/judge'

const knowledgeBase = fileURLToPath(new URL('../../examples/clinic-agent/knowledge.yaml', import.meta.url))

// Each missing binary is named with its Debian package; under CI=true a missing one fails the run.
const audioTools = [systemBinary('espeak-ng', 'espeak-ng'), systemBinary('sox', 'sox'), systemBinary('pocketsphinx_continuous', 'pocketsphinx pocketsphinx-en-us')]
const describeAudio = audioTools.every(Boolean) ? describe : describe.skip

/** The answer route's first target puts a false value in every reply; classification stays right. */
const HALLUCINATING_PROFILE = `version: 1
seed: 5
knowledgeBase: ${JSON.stringify(knowledgeBase)}
targets:
  openai-mini: { ttftMs: 20, tokensPerSecond: 400 }
  azure-japaneast: { ttftMs: 50, tokensPerSecond: 400, hallucinationRate: 1 }
  azure-swedencentral: { ttftMs: 50, tokensPerSecond: 400 }
  bedrock-tokyo: { ttftMs: 50, tokensPerSecond: 400 }
`

describeAudio('a Twilio call against the clinic agent, transcribed and judged', () => {
  let agent: ClinicAgent
  let folder: string
  let eventLog: string
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'voxguard-audio-'))
    eventLog = join(folder, 'agent-events.jsonl')
    await writeFile(join(folder, 'hallucinating.yaml'), HALLUCINATING_PROFILE)
    agent = await startClinicAgent({ port: 0, profile: join(folder, 'hallucinating.yaml'), logLevel: 'error', logWrite: () => {}, eventLog, appointmentBook: 'per-call' })
  }, 30_000)
  afterAll(() => agent?.close())

  /** Both calls run at once (one real-time wait for the two). */
  let records: CallRecord[] = []
  beforeAll(async () => {
    const price = join(folder, 'price.yaml')
    await writeFile(price, `id: price-by-phone\nknowledgeBase: ${JSON.stringify(knowledgeBase)}\ngreeting: false\nturns:\n  - say: how much does a cleaning cost\n`)
    // Outside the agent's grammar: its recogniser hears one of the clinic's phrases instead.
    const english = join(folder, 'english.yaml')
    await writeFile(english, `id: english-speaking-dentist\nknowledgeBase: ${JSON.stringify(knowledgeBase)}\ngreeting: false\nturns:\n  - say: does any of your dentists speak english\n    expect:\n      saysAny: [English]\n`)
    await runCalls({ scripts: [price, english], agentUrl: `${agent.url.replace('http', 'ws')}/twilio`, protocol: 'twilio', outDir: join(folder, 'out'), agentEventLog: eventLog, endGraceMs: 100, onRecord: (record) => records.push(record) })
    records = [...records].sort((left, right) => left.scriptId.localeCompare(right.scriptId))
  }, 40_000)

  it('catches the price the mock made up in what the caller heard (heardText) and blames the dialogue, with both the heard and the meant words', async () => {
    const record = records.find((candidate) => candidate.scriptId === 'price-by-phone')!
    expect(record.failure).toBeUndefined()
    const reply = record.turns[1]!
    const meant = record.events.find((event) => event.name === 'reply.text' && event.turn === 1)?.data?.['text'] as string
    // The mock replaced one of the three true prices (5000, 3000, 30000) with a false one.
    expect(meant).toMatch(/^A cleaning is \d+ yen, a checkup is \d+ yen and whitening is \d+ yen\.$/)
    expect(record.events.find((event) => event.name === 'asr.result' && event.turn === 1)?.data).toMatchObject({ text: 'how much does a cleaning cost' })
    expect(reply.agent.audio).toMatchObject({ heardBy: 'pocketsphinx', heardText: expect.stringMatching(/thousand yen/) })
    const [verdict] = await judgeRecords([record])
    expect(verdict).toMatchObject({ outcome: 'fail', factor: 'dialogue' })
    const hallucination = verdict!.reasons.find((reason) => reason.code === 'hallucination')
    expect(hallucination).toMatchObject({ factor: 'dialogue', turn: 1, evidence: { heard: reply.agent.audio!.heardText, knowledge: { path: expect.stringMatching(/^facts\.prices_yen\./) } } })
  })

  it('a caller utterance the agent’s recogniser gets wrong: the failed call is asr_misrecognition (system) with both texts', async () => {
    const record = records.find((candidate) => candidate.scriptId === 'english-speaking-dentist')!
    expect(record.failure).toBeUndefined()
    const agentHeard = record.events.find((event) => event.name === 'asr.result' && event.turn === 1)?.data?.['text'] as string
    expect(agentHeard).not.toBe('does any of your dentists speak english')
    const [verdict] = await judgeRecords([record])
    expect(verdict!.reasons[0]).toMatchObject({ code: 'asr_misrecognition', factor: 'system', turn: 1, evidence: { callerSaid: 'does any of your dentists speak english', agentHeard } })
    // Not answering about English follows from the mishearing; the false hours the mock made up
    // in that answer (this agent's answers all hallucinate) stay the dialogue's own failure.
    expect(verdict!.reasons.find((reason) => reason.code === 'expectation_unmet')).toMatchObject({ factor: 'system', consequenceOf: { code: 'asr_misrecognition', turn: 1 } })
    expect(verdict!.reasons.filter((reason) => reason.factor === 'dialogue').map((reason) => reason.code)).toEqual(['hallucination'])
  })
})
