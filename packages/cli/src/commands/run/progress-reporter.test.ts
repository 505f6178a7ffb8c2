import { PassThrough } from 'node:stream'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CallRecord } from '@voxguard/harness'
import { createProgressReporter } from './progress-reporter.ts'

function terminal(): { stream: PassThrough & { isTTY: boolean; columns: number }; text: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 100 })
  let text = ''
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()))
  return { stream, text: () => text }
}

const record = (scriptId: string, failure?: CallRecord['failure']) => ({ scriptId, repeat: 1, durationMs: 1200, ...(failure ? { failure } : {}) }) as CallRecord

afterEach(() => {
  vi.useRealTimers()
})

describe('createProgressReporter', () => {
  it('on a terminal redraws the bar every second while calls run (long calls), and stops when finished', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const { stream, text } = terminal()
    const reporter = createProgressReporter(stream, new PassThrough(), {})
    reporter.plan(1, [])
    const bars = () => text().split('\r[').length - 1
    expect(bars()).toBe(1)
    vi.advanceTimersByTime(3000)
    expect(bars()).toBe(4)
    reporter.finish({ calls: 0, failedCalls: 0, recordsFile: '/out/records.jsonl', elapsedMs: 3000 })
    vi.advanceTimersByTime(3000)
    expect(bars()).toBe(4)
  })

  it('on a terminal redraws one bar and lists failed calls above it with their reason, never the last message', () => {
    const { stream, text } = terminal()
    const reporter = createProgressReporter(stream, new PassThrough(), {})
    reporter.plan(2, [])
    reporter.record(record('hours'))
    reporter.record(record('booking', { kind: 'socket_dropped', message: 'agent closed the socket (code 1006) before the call ended', turn: 2, closeCode: 1006, lastMessage: 'my number is 090-1234-5678', atMs: 10 }))
    reporter.finish({ calls: 2, failedCalls: 1, recordsFile: '/out/records.jsonl', elapsedMs: 2500 })
    const output = text()
    expect(output).toContain('\r[2/2] booking #1 FAIL socket_dropped (turn 2, close 1006): agent closed the socket (code 1006) before the call ended 1.2s\x1b[K\n')
    expect(output).not.toContain('hours #1 ok')
    expect(output).not.toContain('090')
    expect(output.endsWith('\x1b[K\n2 calls, 1 failed at the transport level, 2.5s; records: /out/records.jsonl\n')).toBe(true)
    expect(output.split('\r').at(-1)).toMatch(/^\[#+\] 2\/2 calls, 1 failed, [\d.]+s/)
  })

  it('prints plain lines when CI=true even on a terminal', () => {
    const { stream, text } = terminal()
    const reporter = createProgressReporter(stream, new PassThrough(), { CI: 'true' })
    reporter.plan(1, [])
    reporter.record(record('hours'))
    expect(text()).toBe('running 1 call\n[1/1] hours #1 ok 1.2s\n')
  })
})
