import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseChaosProfile, resolveChaosProfile } from './chaos-profile.ts'
import { MockLlmError } from './mock-llm-error.ts'

describe('chaos profiles', () => {
  it("the README's profile example is a valid profile", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const example = /```yaml\n([\s\S]*?)```/.exec(readme)![1]!
    const profile = parseChaosProfile(example, fileURLToPath(new URL('../readme-example.yaml', import.meta.url)))
    expect(Object.keys(profile.targets)).toEqual(['azure-japaneast', 'bedrock-tokyo'])
    expect(profile.targets['azure-japaneast']!.errors.contentFilter).toBe(0.01)
  })

  it('applies defaults: a target with no fields is a perfect, instant provider', () => {
    const profile = resolveChaosProfile({ targets: { openai: {} } })
    expect(profile.seed).toBe(1)
    expect(profile.targets.openai).toMatchObject({ ttftMs: 0, hangRate: 0, cutRate: 0, outages: [], retryAfterMs: 1000, rateLimitWindowMs: 60_000 })
    expect(profile.targets.openai!.errors).toMatchObject({ rate429: 0, rate500: 0, rate503: 0, modelTimeout: 0, contentFilter: 0, inStream: 0 })
  })

  it('names the file, line and field path of a bad value', () => {
    const yaml = ['seed: 3', 'targets:', '  azure-japaneast:', '    errors:', '      rate429: 1.5', '    outages:', '      - { fromMs: 500, toMs: 100, mode: 404 }'].join('\n')
    const error = (() => {
      try {
        parseChaosProfile(yaml, 'stormy.yaml')
      } catch (caught) {
        return caught as MockLlmError
      }
    })()
    expect(error).toBeInstanceOf(MockLlmError)
    expect(error?.code).toBe('profile_invalid')
    expect(error?.message).toContain('stormy.yaml:5: targets.azure-japaneast.errors.rate429: expected a number 0–1')
    expect(error?.message).toContain('stormy.yaml:7: targets.azure-japaneast.outages[0].mode: expected one of 503, 500, 429, refuse, hang')
  })

  it('rejects rates that add up to more than 1, unknown fields and unknown default targets', () => {
    expect(() => resolveChaosProfile({ targets: { a: { errors: { rate429: 0.7, rate500: 0.5 } } } })).toThrow(
      'targets.a.errors: errors.rate429 + rate500 + rate503 + modelTimeout + contentFilter + hangRate add up to 1.2, must be ≤ 1',
    )
    expect(() => resolveChaosProfile({ targets: { a: { ttfMs: 3 } } })).toThrow(/targets\.a: Unrecognized key: "ttfMs"/)
    expect(() => resolveChaosProfile({ defaultTarget: 'b', targets: { a: {} } })).toThrow('defaultTarget: "b" is not one of the targets (a)')
    expect(() => resolveChaosProfile({ targets: { a: { ttftMs: { kind: 'gamma' } } } })).toThrow(/targets\.a\.ttftMs: expected milliseconds/)
  })

  it('reports YAML syntax errors with the line', () => {
    expect(() => parseChaosProfile('targets:\n  a: {\n', 'broken.yaml')).toThrow(/^broken\.yaml:\d+: not valid YAML/)
  })
})
