import { describe, expect, it } from 'vitest'
import { main } from '../src/main.ts'
import { runQuickstart } from '../src/run-quickstart.ts'
import { primaryOutageProfile, startMockProviders } from '../src/start-mock-providers.ts'

const answer = 'We are open Monday to Friday from 9 am to 6 pm, and on Saturday from 9 am to 1 pm.'

describe('quickstart against @voxguard/mock-llm', () => {
  it('--mock: Japan East is down, the answer is served by Sweden Central and the summary says why', async () => {
    let output = ''
    const result = await main(['--mock'], (text) => (output += text))
    expect(result.error).toBeUndefined()
    expect(result.servedBy).toBe('azure-swedencentral')
    expect(result.text).toBe(answer)
    expect(result.fallbacks).toEqual(['azure-japaneast -> azure-swedencentral: server 503; retries on this target used; fell back'])
    expect(result.attempts.map(({ target, outcome, status }) => `${target} ${outcome}${status === undefined ? '' : ` ${status}`}`)).toEqual([
      'azure-japaneast error 503',
      'azure-japaneast error 503',
      'azure-swedencentral success',
    ])
    expect(output).toContain(`Answer: ${answer}`)
    expect(output).toContain('servedBy: azure-swedencentral')
    expect(output).toMatch(/3\. azure-swedencentral\s+success\s+\d+ ms, first token \d+ ms/)
  })

  it('with both Azure regions down, the third target (OpenAI) serves', async () => {
    const mock = await startMockProviders({
      ...primaryOutageProfile,
      targets: { ...primaryOutageProfile.targets, 'azure-swedencentral': { outages: [{ fromMs: 0, toMs: 60_000, mode: 'refuse' }] } },
    })
    try {
      const result = await runQuickstart({ targets: mock.targets, write: () => undefined })
      expect(result.servedBy).toBe('openai')
      expect(result.text).toBe(answer)
      expect(result.fallbacks.map((line) => line.split(':')[0])).toEqual(['azure-japaneast -> azure-swedencentral', 'azure-swedencentral -> openai'])
      expect(result.attempts.find((attempt) => attempt.target === 'azure-swedencentral')).toMatchObject({ outcome: 'error', errorCode: 'network' })
    } finally {
      await mock.close()
    }
  })
})
