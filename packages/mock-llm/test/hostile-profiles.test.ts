import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadChaosProfile, parseChaosProfile, startMockServer } from '@voxguard/mock-llm'

const directory = mkdtempSync(join(tmpdir(), 'mock-hostile-'))

describe('hostile chaos profiles and knowledge bases: located errors, no hang', () => {
  it('refuses a FIFO, a device and a huge file as profile or knowledge base', async () => {
    const fifo = join(directory, 'profile.fifo')
    execFileSync('mkfifo', [fifo])
    await expect(loadChaosProfile(fifo)).rejects.toThrow('not a regular file')
    await expect(loadChaosProfile('/dev/zero')).rejects.toThrow('not a regular file')
    const huge = join(directory, 'huge.yaml')
    writeFileSync(huge, `seed: 1\n# ${'x'.repeat(9 * 1024 * 1024)}\n`)
    await expect(loadChaosProfile(huge)).rejects.toThrow(/file is \d+ bytes, more than the 8388608/)
    await expect(startMockServer({ port: 0, profile: { targets: { openai: {} } }, knowledgeBase: fifo })).rejects.toThrow('not a regular file')
  })

  it('alias and merge errors name file and line; an unknown key is reported at its own line', () => {
    expect(() => parseChaosProfile('seed: 1\ntargets:\n  openai: *missing\n', 'p.yaml')).toThrow(/^p\.yaml:3: YAML aliases: Unresolved alias/)
    expect(() => parseChaosProfile('base: &b [1]\ntargets:\n  openai:\n    <<: *b\n', 'p.yaml')).toThrow(/^p\.yaml:4: YAML aliases: /)
    expect(() => parseChaosProfile('seed: 1\ntargets:\n  openai:\n    ttftMs: 100\n    tftMs: 100\n', 'p.yaml')).toThrow(/p\.yaml:5: targets\.openai\.tftMs: /)
  })
})
