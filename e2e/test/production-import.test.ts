// Production transcripts: a day of calls the clinic agent logged (its event log on, under the
// stormy profile) imported, judged and turned into SLIs equals the same calls judged from the
// harness's own records.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startClinicAgent } from '@voxguard/example-clinic-agent'
import { readTranscripts, runCalls, transcriptToCallRecord, type CallRecord } from '@voxguard/harness'
import { judgeRecords } from '@voxguard/judge'
import { main } from 'voxguard'
import { describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { computeSliSet, joinCalls } from '@voxguard/sli'

const e2e = fileURLToPath(new URL('..', import.meta.url))
const knowledgeBase = join(e2e, '../examples/clinic-agent/knowledge.yaml')
const script = (name: string) => join(e2e, 'scripts', `${name}.yaml`)

/** A production call has no script: both sides are judged on what the call itself shows. */
const withoutExpectations = (record: CallRecord): CallRecord => {
  const { expectations: _call, ...rest } = record
  return { ...rest, turns: record.turns.map(({ expectations: _turn, ...turn }) => turn) }
}

describe.concurrent('production transcripts (the two runs overlap: they mostly wait)', () => {
  it('a stormy day imported from the agent event log gives the SLIs of the harness records', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'production-day-'))
    const eventLog = join(dir, 'agent-events.jsonl')
    const agent = await startClinicAgent({ port: 0, profile: join(e2e, 'profiles/stormy.yaml'), llmMode: 'mock', speech: 'none', logLevel: 'warn', logWrite: () => {}, appointmentBook: 'per-call', eventLog })
    const records: CallRecord[] = []
    try {
      const names = ['booking', 'prices', 'hours-monday', 'insurance', 'barge-in', 'dtmf-menu', 'human-handoff', 'several-requests', 'unknown-payment', 'hangup-mid-answer', 'ja-prices', 'cancel']
      await runCalls({ scripts: names.map(script), agentUrl: agent.url.replace(/^http/, 'ws') + '/text', protocol: 'text', outDir: join(dir, 'harness'), concurrency: 12, onRecord: (record) => records.push(record) })
    } finally {
      await agent.close()
    }
    const calls = await readTranscripts([eventLog])
    const imported = calls.map((call) => transcriptToCallRecord(call, { runId: 'production', knowledgeBase }))
    expect(imported.length).toBe(records.length)

    const harnessRecords = records.map(withoutExpectations)
    const fromHarness = await judgeRecords(harnessRecords, { knowledgeFile: knowledgeBase })
    const fromImport = await judgeRecords(imported, { knowledgeFile: knowledgeBase })
    const byId = new Map(fromImport.map((verdict) => [verdict.callId, verdict]))
    for (const verdict of fromHarness) {
      const other = byId.get(verdict.callId)
      expect({ callId: verdict.callId, outcome: other?.outcome, factor: other?.factor, codes: other?.reasons.map((reason) => reason.code), turnsJudged: other?.turnsJudged }).toEqual({ callId: verdict.callId, outcome: verdict.outcome, factor: verdict.factor, codes: verdict.reasons.map((reason) => reason.code), turnsJudged: verdict.turnsJudged })
    }
    const harnessSlis = computeSliSet(joinCalls(harnessRecords, fromHarness).calls)
    const importSlis = computeSliSet(joinCalls(imported, fromImport).calls)
    // The day had failures of both kinds and fallbacks: the comparison is not of empty sets.
    expect(harnessSlis.failedFor.system + harnessSlis.failedFor.dialogue).toBeGreaterThan(0)
    expect(harnessSlis.ratios.fallback_call_ratio).toBeGreaterThan(0)
    const ratios = (slis: typeof harnessSlis) => ({ calls: slis.calls, failedFor: slis.failedFor, failuresByReason: slis.failuresByReason, ratios: slis.ratios })
    expect(ratios(importSlis)).toEqual(ratios(harnessSlis))
    // Latencies: the agent times a turn from the caller's words reaching it to its first word
    // leaving it; the harness adds the trip both ways (here: one busy event loop). So each
    // production latency is at most the harness's (1 ms: the log's times are whole ms).
    const harnessTurns = new Map(harnessRecords.flatMap((record) => record.turns.map((turn) => [`${record.callId}/${turn.index}`, turn] as const)))
    let compared = 0
    for (const record of imported) {
      for (const turn of record.turns) {
        const twin = harnessTurns.get(`${record.callId}/${turn.index}`)
        expect(twin, `${record.callId} turn ${turn.index}`).toBeDefined()
        if (turn.index === 0 || turn.agent.firstByteMs === undefined) continue
        expect(twin!.agent.firstByteMs).toBeDefined()
        expect(turn.agent.firstByteMs).toBeLessThanOrEqual(twin!.agent.firstByteMs! + 1)
        compared++
      }
    }
    expect(compared).toBeGreaterThan(20)
    for (const [metric, key] of [['turn_first_byte', 'p50Ms'], ['turn_first_byte', 'p95Ms'], ['turn_first_byte', 'p99Ms'], ['turn_complete', 'p95Ms']] as const) {
      expect(importSlis.latency[metric][key]).toBeLessThanOrEqual(harnessSlis.latency[metric][key]! + 1)
      expect(importSlis.latency[metric][key]).toBeGreaterThan(0)
    }
  }, 90_000)

  it('a production call in which the agent hallucinated becomes a script: replayed with the hallucination still injected the script fails on that claim; against the calm profile it passes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'production-regression-'))
    // "Production": an agent whose model lies in every answer (the hallucinating profile at rate 1).
    const lying = parse(await readFile(join(e2e, 'profiles/hallucinating.yaml'), 'utf8')) as { knowledgeBase: string; targets: Record<string, { hallucinationRate?: number }> }
    lying.knowledgeBase = knowledgeBase
    for (const target of Object.values(lying.targets)) target.hallucinationRate = 1
    const lyingProfile = join(dir, 'lying.yaml')
    await writeFile(lyingProfile, stringify(lying))
    const eventLog = join(dir, 'agent-events.jsonl')
    await callAgent(lyingProfile, [script('prices')], join(dir, 'production-run'), eventLog)

    // voxguard import: records, verdicts, and a script for the failed call.
    const scriptsDir = join(dir, 'scripts')
    const { io, out } = capture()
    expect(await main(['import', eventLog, '--knowledge', knowledgeBase, '--out', join(dir, 'imported'), '--scripts', scriptsDir, '--only-failed'], io)).toBe(0)
    expect(out.join('')).toContain('scripts: 1 in')
    const [file, ...more] = (await readdir(scriptsDir)).filter((name) => name.endsWith('.yaml'))
    expect(more).toEqual([])
    const written = parse(await readFile(join(scriptsDir, file!), 'utf8')) as { tags: string[]; metadata: { sourceCallId: string }; expect: { neverSays: string[] } }
    expect(written.tags).toEqual(['production'])
    expect(written.metadata.sourceCallId).toMatch(/^prices#1-/)
    const claims = written.expect.neverSays
    expect(claims.length).toBeGreaterThan(0)

    // Replayed against the agent with the same lie injected: it fails on that claim.
    const replayed = await judgeRecords(await callAgent(lyingProfile, [join(scriptsDir, file!)], join(dir, 'replay-lying')), {})
    expect(replayed[0]!.outcome).toBe('fail')
    const unmet = replayed[0]!.reasons.filter((reason) => reason.code === 'expectation_unmet' && reason.evidence.expectation === 'neverSays')
    expect(unmet.length).toBeGreaterThan(0)
    expect(claims.some((claim) => unmet.some((reason) => reason.message.includes(JSON.stringify(claim))))).toBe(true)

    // Against the calm profile (the fixed agent): it passes.
    const calm = await judgeRecords(await callAgent(join(e2e, 'profiles/calm.yaml'), [join(scriptsDir, file!)], join(dir, 'replay-calm')), {})
    expect(calm.map((verdict) => [verdict.outcome, verdict.reasons.map((reason) => reason.message)])).toEqual([['pass', []]])
  }, 60_000)
})

async function callAgent(profile: string, scripts: string[], outDir: string, eventLog?: string): Promise<CallRecord[]> {
  const agent = await startClinicAgent({ port: 0, profile, llmMode: 'mock', speech: 'none', logLevel: 'warn', logWrite: () => {}, appointmentBook: 'per-call', ...(eventLog ? { eventLog } : {}) })
  const records: CallRecord[] = []
  try {
    await runCalls({ scripts, agentUrl: agent.url.replace(/^http/, 'ws') + '/text', protocol: 'text', outDir, concurrency: 1, onRecord: (record) => records.push(record) })
  } finally {
    await agent.close()
  }
  return records
}

function capture() {
  const out: string[] = []
  const stream = (sink: string[]) => ({ write: (text: string) => sink.push(text) > 0 }) as unknown as NodeJS.WritableStream
  return { io: { stdout: stream(out), stderr: stream([]), env: {}, signal: new AbortController().signal }, out }
}
