import type { Verdict } from '@voxguard/judge'
import { describe, expect, it } from 'vitest'
import { buildRunReport, computeRunSlis, joinCalls, parseSloFile, percentile } from '@voxguard/sli'
import { callRecord, sampleRun } from './helpers/sample-run.ts'

const slo = parseSloFile(`version: 2
window: { runs: 3 }
objectives:
  - sli: call_success_ratio
    atLeast: 0.9
  - sli: availability_ratio
    atLeast: 0.5
  - sli: hallucinated_turn_ratio
    atMost: 0.02
  - sli: turn_first_byte_p95_ms
    atMost: 2500
`, 'slo.yaml')

describe('SLIs from records and verdicts joined by call id', () => {
  it('computes each SLI by its formula; a call failed for both factors counts in both', async () => {
    const { records, verdicts } = await sampleRun()
    const { calls, orphans } = joinCalls(records, verdicts)
    expect(orphans).toEqual({ recordsWithoutVerdict: [], verdictsWithoutRecord: [], duplicateCallIds: [] })
    const { overall, byScript, byTag, byProtocol, byLanguage } = computeRunSlis(calls)
    expect(overall).toMatchObject({ calls: 6, passed: 3, failed: 3, failedFor: { system: 2, dialogue: 2 }, turnsJudged: 11, hallucinatedTurns: 2, hallucinatedCalls: 2, fallbackCalls: 1 })
    expect(overall.failuresByReason).toEqual({ 'dialogue:hallucination': 2, 'system:latency_over_budget': 1, 'system:socket_dropped': 1 })
    expect(overall.fallbackServedBy).toEqual({ 'azure-swedencentral': 1 })
    expect(overall.ratios).toEqual({
      call_success_ratio: 3 / 6,
      availability_ratio: 4 / 6,
      dialogue_quality_ratio: 3 / 4,
      hallucinated_turn_ratio: 2 / 11,
      hallucinated_call_ratio: 2 / 6,
      fallback_call_ratio: 1 / 6,
    })
    // The greeting (turn 0) is not a caller turn; the dropped call's turn never got a byte.
    expect(overall.latency.turn_first_byte).toMatchObject({ turns: 5, p50Ms: 600, p90Ms: 2300, p95Ms: 2300, p99Ms: 2300 })
    expect(overall.latency.first_audio).toMatchObject({ turns: 1, p50Ms: 650 })
    expect(overall.latency.turn_first_byte.histogram.counts.reduce((sum, count) => sum + count, 0)).toBe(5)
    expect(Object.keys(byScript)).toEqual(['address', 'hours', 'hours-ja', 'prices', 'saturday'])
    expect(byScript['prices']!.ratios.call_success_ratio).toBe(0.5)
    expect(byTag['faq']!.calls).toBe(4)
    expect(byTag['hours']!.calls).toBe(3)
    expect(byProtocol['twilio']!.calls).toBe(1)
    expect(byLanguage['ja']!.ratios.call_success_ratio).toBe(1)
  })

  it('reports records without verdicts, verdicts without records and duplicate ids instead of dropping them', async () => {
    const { records, verdicts } = await sampleRun()
    const stray = { ...verdicts[0]!, callId: 'ghost#1' } as Verdict
    const { calls, orphans } = joinCalls([...records, records[1]!], [...verdicts.slice(1), stray])
    expect(calls).toHaveLength(5)
    expect(orphans).toEqual({ recordsWithoutVerdict: ['prices#1-run-1'], verdictsWithoutRecord: ['ghost#1'], duplicateCallIds: ['prices#2-run-1'] })
    const report = buildRunReport({ records, verdicts: verdicts.slice(1), slo })
    expect(report.ok).toBe(false)
  })

  it('with no calls no objective is met: latency and ratios have no data', () => {
    const report = buildRunReport({ records: [], verdicts: [], slo })
    expect(report.objectives.map((result) => [result.sli, result.status, result.actual])).toEqual([
      ['call_success_ratio', 'no_data', null],
      ['availability_ratio', 'no_data', null],
      ['hallucinated_turn_ratio', 'no_data', null],
      ['turn_first_byte_p95_ms', 'no_data', null],
    ])
    expect(report.ok).toBe(false)
    expect(percentile([], 0.95)).toBeNull()
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2)
  })

  it('evaluates objectives with events, burn rate and an error budget over the window of runs', async () => {
    const first = await sampleRun('run-1', '2026-03-01')
    const report1 = buildRunReport({ ...first, slo })
    const success = report1.objectives[0]!
    expect(success).toMatchObject({ status: 'broken', actual: 0.5, events: { bad: 3, total: 6 } })
    expect(success.burnRate).toBeCloseTo(0.5 / 0.1)
    expect(report1.objectives[1]).toMatchObject({ status: 'met', events: { bad: 2, total: 6 } })
    // p95 of first byte is 2300 ms <= 2500, and 0 of 5 turns is over 2500 ms.
    expect(report1.objectives[3]).toMatchObject({ status: 'met', actual: 2300, events: { bad: 0, total: 5 } })
    // A perfect second run: the window holds both, so half the budget is still overspent.
    const perfect = [callRecord({ runId: 'run-2', scriptId: 'prices', startedAt: '2026-03-02T02:00:00.000Z', turns: [{ caller: 'How much is a cleaning?', reply: 'A cleaning is 5,000 yen.', firstByteMs: 300, completeMs: 500 }] })]
    const verdicts2 = (await sampleRun()).verdicts.filter((verdict) => verdict.outcome === 'pass').slice(0, 1).map((verdict) => ({ ...verdict, callId: perfect[0]!.callId, runId: 'run-2' }))
    const report2 = buildRunReport({ records: perfect, verdicts: verdicts2, slo, history: [report1.historyEntry] })
    expect(report2.objectives[0]!.budget).toMatchObject({ runs: 2, bad: 3, total: 7 })
    expect(report2.objectives[0]!.budget!.remainingRatio).toBeCloseTo(1 - 3 / (0.1 * 7))
    // Counters add up across runs: the second run exports 7 calls for Prometheus.
    expect(report2.cumulative.reduce((sum, series) => sum + series.counts.calls, 0)).toBe(7)
    // Rebuilding the first run later (history now holds run 2) gives the same budget as before.
    const again = buildRunReport({ ...first, slo, history: [report1.historyEntry, report2.historyEntry] })
    expect(again.objectives).toEqual(report1.objectives)
    expect(again.cumulative).toEqual(report1.cumulative)
  })
})

describe('objectives for one protocol', () => {
  it('hold over that protocol\'s calls only; a protocol the run did not use is not run and does not fail it', async () => {
    const perProtocol = parseSloFile('version: 2\nwindow: { runs: 3 }\nobjectives:\n  - sli: turn_first_byte_p95_ms\n    atMost: 500\n    protocol: twilio\n  - sli: turn_first_byte_p95_ms\n    atMost: 2500\n    protocol: text\n')
    const { records, verdicts } = await sampleRun()
    const report = buildRunReport({ records, verdicts, slo: perProtocol })
    expect(report.objectives.map((result) => [result.name, result.status, result.actual, result.events])).toEqual([
      ['turn_first_byte_p95_ms:twilio', 'broken', 600, { bad: 1, total: 1 }],
      ['turn_first_byte_p95_ms:text', 'met', 2300, { bad: 0, total: 4 }],
    ])
    const textOnly = buildRunReport({ records: records.filter((record) => record.protocol === 'text'), verdicts, slo: perProtocol })
    expect(textOnly.objectives[0]!.status).toBe('not_run')
    expect(textOnly.orphans.verdictsWithoutRecord).toEqual(['hours-ja#1-run-1'])
  })
})
