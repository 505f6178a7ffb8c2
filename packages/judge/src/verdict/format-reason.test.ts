import { describe, expect, it } from 'vitest'
import { formatReason } from './format-reason.ts'

describe('formatReason', () => {
  it('names the code once', () => {
    expect(formatReason({ code: 'socket_dropped', message: 'socket_dropped: closed without a close frame' })).toBe('socket_dropped: closed without a close frame')
    expect(formatReason({ code: 'agent_unreachable', message: 'connect_failed: ECONNREFUSED 127.0.0.1:9' })).toBe('agent_unreachable: connect_failed: ECONNREFUSED 127.0.0.1:9')
    expect(formatReason({ code: 'hallucination', message: 'turn 1: contradicted price "4500 yen"' })).toBe('hallucination: turn 1: contradicted price "4500 yen"')
  })
})
