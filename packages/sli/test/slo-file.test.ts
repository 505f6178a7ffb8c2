import { describe, expect, it } from 'vitest'
import { parseSloFile, SliError } from '@voxguard/sli'

function errorOf(text: string): SliError {
  try {
    parseSloFile(text, 'slo.yaml')
  } catch (error) {
    if (SliError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected an error')
}

describe('parseSloFile', () => {
  it('reads version 2 with a window; each objective knows its allowed bad ratio', () => {
    const file = parseSloFile('version: 2\nwindow: { days: 28 }\nobjectives:\n  - sli: availability_ratio\n    atLeast: 0.95\n  - sli: fallback_call_ratio\n    atMost: 0.2\n  - sli: first_audio_p99_ms\n    atMost: 2000\n')
    expect(file.window).toEqual({ days: 28 })
    expect(file.objectives.map((objective) => [objective.sli, objective.comparison, objective.target, Number(objective.allowedBadRatio.toFixed(6))])).toEqual([
      ['availability_ratio', '>=', 0.95, 0.05],
      ['fallback_call_ratio', '<=', 0.2, 0.2],
      ['first_audio_p99_ms', '<=', 2000, 0.01],
    ])
    expect(file.objectives[2]!.latency).toEqual({ metric: 'first_audio', percentile: 99, thresholdMs: 2000 })
  })

  it('names the file, line and field of a bad entry and says what to do', () => {
    const unknown = errorOf('version: 2\nwindow: { runs: 7 }\nobjectives:\n  - sli: availability_ratio\n    atLeast: 0.95\n  - sli: call_sucess_ratio\n    atLeast: 0.9\n')
    expect(unknown.message).toMatch(/^slo\.yaml:6: objectives\.1\.sli: unknown SLI "call_sucess_ratio"/)
    expect(unknown).toMatchObject({ code: 'slo_file_invalid', file: 'slo.yaml', line: 6, field: 'objectives.1.sli' })
    expect(errorOf('version: 1\nobjectives:\n  - sli: call_success_ratio\n    atLeast: 0.9\n').message).toContain('slo.yaml:1: version: expected 2 (version 1 had no window: add `window: { runs: 14 }`')
    expect(errorOf('version: 2\nwindow: { runs: 7 }\nobjectives:\n  - sli: turn_first_byte_p95_ms\n    atMost: 1400\n').message).toMatch(/slo\.yaml:5: objectives\.0\.atMost: 1400 ms is not a histogram bucket bound.*1500/)
    expect(errorOf('version: 2\nwindow: { runs: 7 }\nobjectives:\n  - sli: hallucinated_turn_ratio\n    atLeast: 0.98\n').message).toContain('hallucinated_turn_ratio counts bad events: give atMost')
    expect(errorOf('version: 2\nwindow: { weeks: 2 }\nobjectives: []\n').message).toMatch(/^slo\.yaml:2: window/)
  })
})
