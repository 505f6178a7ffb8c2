import { describe, expect, it } from 'vitest'
import type { CallRecord } from './call-record.ts'
import { redactRecord } from './redact-record.ts'
import { redactText } from './redact-text.ts'

describe('redactText', () => {
  it('redacts e-mails, phone numbers (ASCII and full-width) and Luhn-valid card numbers; keeps dates, times and ordinary numbers', () => {
    expect(redactText('call +81 3-1234-5678 or 090 1234 5678, mail aiko.t+x@mail.example.co.jp')).toBe('call [phone] or [phone], mail [email]')
    expect(redactText('携帯は０９０‐１２３４‐５６７８です')).toBe('携帯は[phone]です')
    expect(redactText('card 4111 1111 1111 1111, also 4012888888881881.')).toBe('card [card], also [card].')
    expect(redactText('order 1234567890123456 (not a card)')).toBe('order 1234567890123456 (not a card)')
    expect(redactText('on 2025-06-14, open 09:00-18:00, room 42, ¥12,000')).toBe('on 2025-06-14, open 09:00-18:00, room 42, ¥12,000')
    expect(redactText('call 03 1234 5678 9am')).toBe('call [phone] 9am')
  })

  it('runs in linear time on hostile input: long tokens, long digit runs, a 10 MB reply', () => {
    const started = performance.now()
    for (const text of ['a'.repeat(200_000), `${'a.'.repeat(100_000)}@`, '1 '.repeat(200_000), '1-'.repeat(100_000) + 'x', `x@${'a.'.repeat(100_000)}`]) redactText(text)
    const hostileMs = performance.now() - started
    const large = 'Please call 090-1234-5678 or write to someone@example.com. '.repeat(170_000)
    const largeStarted = performance.now()
    expect(redactText(large).length).toBeLessThan(large.length)
    // Both would take minutes with a quadratic pattern; a generous bound for a loaded machine.
    expect(hostileMs + performance.now() - largeStarted).toBeLessThan(15_000)
  })
})

describe('redactRecord', () => {
  it('redacts every free-text field: title, persona, goal, expectations, caller and agent texts, tool calls, events, failures', () => {
    const phone = '090-1234-5678'
    const record = {
      schema: 'voxguard.call-record', version: 1, callId: 'c#1', runId: 'r', scriptId: 'c', scriptFile: 'c.yaml', tags: [], protocol: 'text', agentUrl: 'ws://x', repeat: 1,
      startedAt: '', endedAt: '', durationMs: 0, endedBy: 'caller', redacted: false,
      title: `Callback to ${phone}`, persona: `Aiko (${phone})`, goal: `Leave ${phone}`, expectations: { neverSays: [phone] },
      transport: { closeReason: `bye ${phone}` },
      failure: { kind: 'protocol_error', message: 'bad', lastMessage: `{"text":"${phone}"}`, atMs: 1 },
      events: [{ name: 'debug', atMs: 0, turn: 1, data: { nested: [{ mail: 'aiko@example.jp' }] } }],
      turns: [{ index: 1, caller: { kind: 'text', text: `my number is ${phone}` }, sentAtMs: 0, timedOut: false, expectations: { saysAny: [phone] }, agent: { text: `I noted ${phone}`, deltaCount: 1, toolCalls: [{ name: 'save', atMs: 0, arguments: { phone }, result: { ok: phone } }], audio: { playbackMs: 0, mediaFrames: 0, marksSent: [], marksEchoed: [], heardText: phone } } }],
    } as unknown as CallRecord
    const text = JSON.stringify(redactRecord(record))
    expect(text).not.toContain('1234')
    expect(text).not.toContain('aiko@')
    expect(text).toContain('"callId":"c#1"')
    expect(text).toContain('"name":"save"')
  })
})
