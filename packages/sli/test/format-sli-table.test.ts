import { describe, expect, it } from 'vitest'
import { buildRunReport, formatSliTable, parseSloFile } from '@voxguard/sli'
import { sampleRun } from './helpers/sample-run.ts'

describe('formatSliTable', () => {
  it('prints each SLI with its objective, status, budget and burn; failed calls with their repeat and a reason code said once', async () => {
    const slo = parseSloFile('version: 2\nwindow: { runs: 7 }\nobjectives:\n  - sli: availability_ratio\n    atLeast: 0.95\n')
    const table = formatSliTable(buildRunReport({ ...(await sampleRun()), slo }))
    expect(table).toMatch(/^availability_ratio +66\.7% +>= 95\.0% +BROKEN +-567% +6\.7x$/m)
    expect(table).toMatch(/^turn_first_byte_p95_ms +2300 ms *$/m)
    expect(table).toContain('  address #1  system  socket_dropped: the agent closed the socket (1011 internal error)')
    expect(table).not.toContain('socket_dropped: socket_dropped')
    expect(table).toMatch(/^ {2}system:socket_dropped +1$/m)
    expect(table.trimEnd().split('\n').at(-1)).toMatch(/^NOT OK/)
  })
})
