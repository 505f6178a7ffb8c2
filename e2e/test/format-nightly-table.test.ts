import type { CallRecord } from '@voxguard/harness'
import type { Verdict } from '@voxguard/judge'
import { describe, expect, it } from 'vitest'
import { formatNightlyTable } from '../src/format-nightly-table.ts'
import type { NightlyResult } from '../src/run-nightly.ts'

describe('formatNightlyTable', () => {
  it('lists each failed call with its repeat number and its reason code once', () => {
    const records = [1, 2].map((repeat) => ({ callId: `prices#${repeat}-x`, scriptId: 'prices', repeat }) as CallRecord)
    const verdicts = [
      { callId: 'prices#1-x', scriptId: 'prices', outcome: 'pass', factor: null, reasons: [] },
      { callId: 'prices#2-x', scriptId: 'prices', outcome: 'fail', factor: 'system', reasons: [{ code: 'socket_dropped', factor: 'system', message: 'socket_dropped: closed without a close frame (1006)', evidence: {} }] },
    ] as unknown as Verdict[]
    const result = { records, verdicts, slis: { calls: 2 }, objectives: [], ok: false, scriptErrors: [], interrupted: false } as unknown as NightlyResult
    const table = formatNightlyTable(result)
    expect(table).toContain('  prices #2 system socket_dropped: closed without a close frame (1006)')
    expect(table).not.toContain('socket_dropped: socket_dropped')
  })
})
