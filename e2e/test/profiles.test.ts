// The chaos profiles' expected outcomes (written at the top of each e2e/profiles/*.yaml),
// checked on short runs: few calls, the real profiles (outage with an earlier, shorter window).
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CallRecord } from '@voxguard/harness'
import { describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { runNightly } from '../src/run-nightly.ts'

const e2e = fileURLToPath(new URL('..', import.meta.url))
const script = (name: string) => join(e2e, 'scripts', `${name}.yaml`)
const hasFallback = (record: CallRecord, turn?: number) => record.events.some((event) => event.name === 'llm.fallback' && (turn === undefined || event.turn === turn))

async function nightly(profile: string, scripts: string[], options: { repeat?: number; concurrency?: number } = {}) {
  const outDir = await mkdtemp(join(tmpdir(), 'nightly-profile-'))
  const result = await runNightly({ scripts: scripts.map(script), profile, sloFile: join(e2e, 'slo.yaml'), outDir, log: () => {}, audio: false, ...options })
  return { ...result, outDir }
}

describe.concurrent('chaos profiles with known outcomes (the three runs overlap: they mostly wait)', () => {
  it('outage: calls pass through the fallback; the fallback ratio rises during the window and falls once the primary is back', async () => {
    // outage.yaml with the window moved to 4.0–7.5 s, so the breaker (open, then a half-open
    // probe 10 s later) lets the primary serve again within a ~25 s test.
    const profile = parse(await readFile(join(e2e, 'profiles/outage.yaml'), 'utf8')) as { knowledgeBase: string; targets: Record<string, { outages?: unknown[] }> }
    const window = { fromMs: 4000, toMs: 7500 }
    profile.knowledgeBase = join(e2e, '../examples/clinic-agent/knowledge.yaml')
    profile.targets['azure-japaneast']!.outages = [{ ...window, mode: 503 }]
    const profileFile = join(await mkdtemp(join(tmpdir(), 'outage-')), 'outage-short.yaml')
    await writeFile(profileFile, stringify(profile))
    const result = await nightly(profileFile, ['several-requests-call', 'hours-monday', 'prices'], { repeat: 5, concurrency: 2 })

    // Every call passes (latency objectives are for benchmarks: a loaded machine moves them).
    expect(result.verdicts.filter((verdict) => verdict.outcome !== 'pass')).toEqual([])
    expect(result.report.slis.overall.ratios.availability_ratio).toBe(1)
    // Each caller turn placed on the mock's outage clock: the ground truth logs every request the
    // outage refused with its wall time and the mock's elapsed time, which gives the mock's start.
    const refused = (await readFile(join(result.outDir, 'ground-truth.jsonl'), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { kind: string; at: string; elapsedMs: number })
      .filter((line) => line.kind === 'outage')
    expect(refused.length).toBeGreaterThan(0)
    const mockStart = Date.parse(refused[0]!.at) - refused[0]!.elapsedMs
    const turns = result.records.flatMap((record) =>
      record.turns
        .filter((turn) => turn.index > 0 && turn.caller?.kind === 'text')
        .map((turn) => {
          const atMs = Date.parse(record.startedAt) - mockStart + turn.sentAtMs
          return { atMs, doneMs: atMs + (turn.agent.completeMs ?? 0), fellBack: hasFallback(record, turn.index) }
        }),
    )
    const ratio = (inside: typeof turns) => ({ turns: inside.length, ratio: inside.filter((turn) => turn.fellBack).length / Math.max(1, inside.length) })
    // After the window, the breaker (if the failures opened it) probes the primary again 10 s after it opened.
    const before = ratio(turns.filter((turn) => turn.doneMs < window.fromMs))
    const during = ratio(turns.filter((turn) => turn.atMs >= window.fromMs && turn.doneMs <= window.toMs))
    const after = ratio(turns.filter((turn) => turn.atMs >= window.toMs + 11_000))
    expect(before.turns).toBeGreaterThan(0)
    expect(during.turns).toBeGreaterThan(0)
    expect(after.turns).toBeGreaterThan(0)
    expect(before.ratio).toBe(0)
    expect(during.ratio).toBe(1)
    expect(after.ratio).toBe(0)
  }, 90_000)

  it('hallucinating: failures are the dialogue\'s, each quotes a wrong claim the mock logged as injected', async () => {
    const result = await nightly(join(e2e, 'profiles/hallucinating.yaml'), ['hours-monday', 'hours-friday', 'prices', 'insurance', 'directions', 'several-requests', 'whitening-insurance', 'hours-sunday'], { repeat: 2, concurrency: 4 })
    const injections = (await readFile(join(result.outDir, 'ground-truth.jsonl'), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { kind: string; injected: string; replyText: string })
      .filter((line) => line.kind === 'hallucination')
    expect(injections.length).toBeGreaterThan(0)
    expect(result.ok).toBe(false)
    expect(result.report.objectives.find((objective) => objective.sli === 'hallucinated_turn_ratio')).toMatchObject({ status: 'broken' })

    const failed = result.verdicts.filter((verdict) => verdict.outcome === 'fail')
    expect(failed.length).toBeGreaterThan(0)
    for (const verdict of failed) expect(verdict.factor).toBe('dialogue')
    const records = new Map(result.records.map((record) => [record.callId, record]))
    for (const verdict of failed) {
      const record = records.get(verdict.callId)!
      const lied = injections.filter((injection) => record.turns.some((turn) => turn.agent.text.includes(injection.replyText)))
      // The judge agrees with the ground truth: a failed call heard an injected reply, and
      // every hallucination it names quotes (part of) a claim the mock injected in that call.
      expect(lied.length, `${record.scriptId}: failed, but the mock injected nothing it heard`).toBeGreaterThan(0)
      for (const reason of verdict.reasons.filter((candidate) => candidate.code === 'hallucination')) {
        const quote = reason.evidence?.quote ?? ''
        expect(lied.some((injection) => injection.injected.includes(quote) || quote.includes(injection.injected)), `${record.scriptId}: "${quote}" is not an injected claim`).toBe(true)
      }
    }
    // …and every call that heard an injected reply failed for it.
    for (const record of result.records) {
      const heardLie = injections.some((injection) => record.turns.some((turn) => turn.agent.text.includes(injection.replyText)))
      if (heardLie) expect(result.verdicts.find((verdict) => verdict.callId === record.callId)?.reasons.map((reason) => reason.code), record.scriptId).toContain('hallucination')
    }
  }, 60_000)

  it('brownout: the primary rate-limits and crawls, the calls still pass and most of them fall back', async () => {
    const result = await nightly(join(e2e, 'profiles/brownout.yaml'), ['hours-monday', 'prices', 'insurance', 'directions', 'booking', 'ja-prices'], { concurrency: 3 })
    expect(result.verdicts.filter((verdict) => verdict.factor === 'system')).toEqual([])
    expect(result.report.slis.overall.ratios.availability_ratio).toBe(1)
    expect(result.records.filter((record) => hasFallback(record)).length / result.records.length).toBeGreaterThanOrEqual(0.5)
  }, 60_000)
})
