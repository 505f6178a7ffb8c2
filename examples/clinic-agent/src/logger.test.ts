import { expect, it } from 'vitest'
import { createLogger } from './logger.ts'

it('redacts phone numbers and keys but keeps dates and ids readable', () => {
  const lines: string[] = []
  createLogger({ write: (line) => lines.push(line) }).info('call from +81 3-1234-5678', { apiKey: 'sk-abcdef123456', header: 'Bearer xyz', date: '2025-06-07', streamSid: 'MZ0000000000001' })
  const line = JSON.parse(lines[0] as string) as Record<string, unknown>
  expect(line).toMatchObject({ message: 'call from [phone]', apiKey: '[redacted]', header: '[redacted]', date: '2025-06-07', streamSid: 'MZ0000000000001' })
})

it('redacts e-mail addresses, full-width phone numbers and card numbers in debug lines', () => {
  const lines: string[] = []
  createLogger({ level: 'debug', write: (line) => lines.push(line) }).debug('caller said', { text: 'mail aiko@example.jp, tel ０９０‐１２３４‐５６７８, card 4111 1111 1111 1111' })
  expect(JSON.parse(lines[0] as string)).toMatchObject({ text: 'mail [email], tel [phone], card [card]' })
})

it('redacts credential-like keys but keeps measurements whose names only mention tokens', () => {
  const lines: string[] = []
  createLogger({ write: (line) => lines.push(line) }).info('llm event', { timeToFirstTokenMs: 120, inputTokens: 30, accessToken: 'abc', sessionToken: 'def', token: 'ghi', secretAccessKey: 'jkl' })
  expect(JSON.parse(lines[0] as string)).toMatchObject({ timeToFirstTokenMs: 120, inputTokens: 30, accessToken: '[redacted]', sessionToken: '[redacted]', token: '[redacted]', secretAccessKey: '[redacted]' })
})
