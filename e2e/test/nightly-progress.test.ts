import { Writable } from 'node:stream'
import type { CallRecord } from '@voxguard/harness'
import type { Verdict } from '@voxguard/judge'
import { describe, expect, it } from 'vitest'
import { createNightlyProgress } from '../src/nightly-progress.ts'

function sink(isTTY: boolean) {
  let text = ''
  const stream = Object.assign(new Writable({ write: (chunk, _encoding, done) => ((text += String(chunk)), done()) }), { isTTY, columns: 100 })
  return { stream, text: () => text }
}

function drive(progress: ReturnType<typeof createNightlyProgress>) {
  progress.stage('mock', 'mock providers')
  progress.stage('agent', 'clinic agent')
  progress.stage('calls', '2 scripts')
  progress.plan(2)
  progress.record({ scriptId: 'prices', repeat: 1, durationMs: 1200 } as CallRecord)
  progress.record({ scriptId: 'booking', repeat: 2, durationMs: 800, failure: { kind: 'socket_dropped', turn: 1, message: 'secret transcript words', atMs: 1 } } as CallRecord)
  progress.stage('judge', '2 recorded calls')
  progress.plan(2)
  progress.verdict({ outcome: 'pass' } as Verdict)
  progress.verdict({ outcome: 'fail' } as Verdict)
  progress.stage('report', 'SLIs')
  progress.finish()
}

describe('nightly progress', () => {
  it('in CI: plain lines for every stage and call, no control characters, no transcript text', () => {
    const out = sink(true)
    drive(createNightlyProgress(out.stream, { CI: 'true' }))
    const lines = out.text().split('\n')
    for (const stage of ['mock', 'agent', 'calls', 'judge', 'report']) expect(lines.some((line) => line.startsWith(stage))).toBe(true)
    expect(out.text()).toContain('  [2/2] booking #2 FAIL socket_dropped (turn 1) 0.8s')
    expect(out.text()).toContain('  judged 2 calls, 1 failed')
    expect(out.text()).not.toContain('\r')
    expect(out.text()).not.toContain('\u001b[')
    expect(out.text()).not.toContain('secret')
  })

  it('on a terminal: a bar redrawn in place for calls and verdicts, failures listed above it', () => {
    const out = sink(true)
    drive(createNightlyProgress(out.stream, {}))
    expect(out.text()).toMatch(/\r\[#+-*\] 1\/2 calls, 0 failed/)
    expect(out.text()).toContain('\r  booking #2 FAIL socket_dropped (turn 1)\u001b[K\n')
    expect(out.text()).toMatch(/\r\[#+\] 2\/2 judged, 1 failed/)
  })
})
