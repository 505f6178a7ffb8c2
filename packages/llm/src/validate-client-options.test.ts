import { describe, expect, it } from 'vitest'
import { createLlmClient, type LlmClientOptions } from '@voxguard/llm'

const target = { provider: 'openai' as const, model: 'gpt-4o-mini', apiKey: 'sk-test' }
const build = (options: Partial<LlmClientOptions>) => () => createLlmClient({ targets: { primary: target }, routes: { answer: { chain: ['primary'] } }, ...options }).close()

describe('createLlmClient rejects bad configuration naming the field', () => {
  it.each([
    ['an unknown target in a route', { routes: { answer: { chain: ['primary', 'azure-west'] } } }, 'routes.answer.chain[1]: unknown target "azure-west"; known targets: primary'],
    ['an empty chain', { routes: { answer: { chain: [] } } }, 'routes.answer.chain: required'],
    ['a negative deadline', { routes: { answer: { chain: ['primary'], deadlineMs: -5 } } }, 'routes.answer.deadlineMs: must be a positive number of milliseconds (got -5)'],
    ['a zero first-token timeout', { routes: { answer: { chain: ['primary'], firstTokenTimeoutMs: 0 } } }, 'routes.answer.firstTokenTimeoutMs'],
    ['an unknown pool member', { routes: { answer: { chain: [{ pool: ['primary', 'nope'] }] } } }, 'routes.answer.chain[0].pool: unknown target "nope"'],
    ['a missing key', { targets: { primary: { provider: 'azure-openai', endpoint: 'https://x.openai.azure.com', deployment: 'gpt' } } }, 'targets.primary.apiKey: missing'],
    ['no routes', { routes: {} }, 'routes: required'],
    ['a negative probeEveryCalls', { routes: { answer: { chain: [{ pool: ['primary'], strategy: 'least-latency', probeEveryCalls: -1 }] } } }, 'routes.answer.chain[0].probeEveryCalls: must be a whole number, 0 or more (got -1)'],
    ['a breaker threshold over 100', { breaker: { errorThresholdPercentage: 150 } }, 'breaker.errorThresholdPercentage: must be at most 100'],
  ] as Array<[string, Partial<LlmClientOptions>, string]>)('%s', (_name, options, message) => {
    const saved = process.env.AZURE_OPENAI_API_KEY
    delete process.env.AZURE_OPENAI_API_KEY
    try {
      expect(build(options)).toThrow(message)
    } finally {
      if (saved !== undefined) process.env.AZURE_OPENAI_API_KEY = saved
    }
  })

  it('accepts a valid configuration', () => {
    expect(build({})).not.toThrow()
  })
})
