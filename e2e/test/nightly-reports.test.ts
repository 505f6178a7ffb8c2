import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CallRecord } from '@voxguard/harness'
import { callRecord } from '@voxguard/harness/testing'
import type { Verdict } from '@voxguard/judge'
import { describe, expect, it } from 'vitest'
import { computeSlis, percentile } from '../src/compute-slis.ts'
import { evaluateSlos, loadObjectives } from '../src/evaluate-slos.ts'
import { renderPrometheus } from '../src/render-prometheus.ts'
import { renderJunit } from '../src/write-junit.ts'

function record(callId: string, firstByteMs: number[], events: string[] = []): CallRecord {
  return callRecord({
    callId, runId: 'r', scriptId: callId, scriptFile: `${callId}.yaml`, agentUrl: 'ws://x', repeat: 1, startedAt: '', endedAt: '', durationMs: 0, transport: {}, redacted: true,
    events: events.map((name) => ({ name, atMs: 0, turn: 1 })),
    turns: [
      { index: 0, sentAtMs: 0, agent: { text: 'hello', deltaCount: 0, firstByteMs: 9999, toolCalls: [] }, timedOut: false },
      ...firstByteMs.map((ms) => ({ reply: 'x', firstByteMs: ms, completeMs: ms + 100 })),
    ],
  })
}

function verdict(callId: string, outcome: 'pass' | 'fail', factor: Verdict['factor'], hallucinatedTurns = 0): Verdict {
  return {
    schema: 'voxguard.verdict', version: 1, callId, runId: 'r', scriptId: callId, tags: [], outcome, factor,
    reasons: outcome === 'fail' ? [{ code: factor === 'system' ? 'turn_timeout' : 'hallucination', factor: factor === 'system' ? 'system' : 'dialogue', turn: 1, message: 'turn 1: <bad> & "quoted"', evidence: {} }] : [],
    hallucinations: Array.from({ length: hallucinatedTurns }, (_, turn) => ({ turn, reply: 'r', findings: [] })),
    turnsJudged: 4, claimsChecked: 4,
  } as Verdict
}

describe('nightly SLIs and reports', () => {
  it('computes success, system and dialogue failure ratios, hallucination per turn and latency percentiles, ignoring the greeting', () => {
    const records = [record('a', [100, 200], ['llm.fallback']), record('b', [300]), record('c', [400]), record('d', [1000])]
    const verdicts = [verdict('a', 'pass', null), verdict('b', 'fail', 'system'), verdict('c', 'fail', 'dialogue', 1), verdict('d', 'fail', 'both')]
    const slis = computeSlis(records, verdicts)
    expect(slis.calls).toBe(4)
    expect(slis.call_success_ratio).toBe(0.25)
    expect(slis.system_failure_ratio).toBe(0.5)
    expect(slis.dialogue_failure_ratio).toBe(0.5)
    expect(slis.hallucinated_turn_ratio).toBe(1 / 16)
    expect(slis.fallback_call_ratio).toBe(0.25)
    expect(slis.turn_first_byte_p50_ms).toBe(300)
    expect(slis.turn_first_byte_p99_ms).toBe(1000)
    expect(percentile([], 0.5)).toBe(0)
  })

  it('flags broken objectives and the share of the error budget used', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'slo-'))
    const file = join(directory, 'slo.yaml')
    await writeFile(file, 'version: 1\nobjectives:\n  - sli: call_success_ratio\n    atLeast: 0.9\n  - sli: turn_first_byte_p95_ms\n    atMost: 500\n')
    const slis = computeSlis([record('a', [100]), record('b', [900])], [verdict('a', 'pass', null), verdict('b', 'fail', 'system')])
    const [success, latency] = evaluateSlos(slis, await loadObjectives(file))
    expect(success).toMatchObject({ met: false, actual: 0.5 })
    expect(success!.budgetUsedRatio).toBeCloseTo(5)
    expect(latency).toMatchObject({ met: false, actual: 900 })
    await writeFile(file, 'version: 1\nobjectives:\n  - sli: call_sucess_ratio\n    atLeast: 0.9\n')
    await expect(loadObjectives(file)).rejects.toThrow(/slo\.yaml: objectives\.0/)
  })

  it('writes JUnit with one failure per failed call, XML-escaped, and Prometheus gauges per SLI', () => {
    const verdicts = [verdict('a', 'pass', null), verdict('b', 'fail', 'system')]
    const junit = renderJunit(verdicts, 'nightly')
    expect(junit).toContain('tests="2" failures="1"')
    expect(junit).toContain('type="system:turn_timeout"')
    expect(junit).toContain('&lt;bad&gt; &amp; &quot;quoted&quot;')
    const slis = computeSlis([record('a', [100]), record('b', [200])], verdicts)
    const text = renderPrometheus(slis, evaluateSlos(slis, [{ sli: 'call_success_ratio', atLeast: 0.9 }]), { suite: 'nightly' })
    expect(text).toContain('voxguard_sli{suite="nightly",sli="call_success_ratio"} 0.5')
    expect(text).toContain('voxguard_slo_met{suite="nightly",sli="call_success_ratio"} 0')
    expect(text).toContain('voxguard_calls_total{suite="nightly"} 2')
  })
})
