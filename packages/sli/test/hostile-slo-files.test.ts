// Hostile SLO files: every input loads or fails with an SliError naming file, line and field,
// in bounded time; never a raw exception, a stall or a read that fills memory. A bounded
// version of the SLO rows of `npm run fuzz` (bench/fuzz/fuzz-inputs.ts).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadSloFile, parseSloFile, SliError } from '@voxguard/sli'

const directory = mkdtempSync(join(tmpdir(), 'sli-hostile-'))
const VALID = 'version: 2\nwindow: { runs: 14 }\nobjectives:\n  - sli: availability_ratio\n    atLeast: 0.95\n  - sli: turn_first_byte_p95_ms\n    atMost: 1500\n    protocol: text\n'

/** The error `parseSloFile` threw, or undefined when the text loaded; anything but an SliError is rethrown. */
function errorOf(text: string): SliError | undefined {
  try {
    parseSloFile(text, 'slo.yaml')
    return undefined
  } catch (error) {
    if (SliError.isInstance(error)) return error
    throw error
  }
}

describe('hostile SLO files: located errors, bounded time', () => {
  it('aliases, "billion laughs", duplicate keys and an empty file are errors at their own line', () => {
    const laughs = `a: &a [x, x, x, x, x, x, x, x, x]\n${['b', 'c', 'd', 'e', 'f'].map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdef'[index]}`).join(', ')}]`).join('\n')}\nversion: 2\n`
    expect(errorOf(laughs)).toMatchObject({ code: 'slo_file_invalid', file: 'slo.yaml', line: 2, message: expect.stringMatching(/^slo\.yaml:2: \(root\): YAML aliases: Excessive alias count/) })
    expect(errorOf('version: 2\nwindow: *nowhere\n')).toMatchObject({ line: 2, message: expect.stringContaining('Unresolved alias') })
    expect(errorOf('version: 2\nwindow: { runs: 1 }\nwindow: { runs: 2 }\n')).toMatchObject({ line: 3, field: 'window', message: expect.stringContaining('duplicate key "window"') })
    expect(errorOf('')).toMatchObject({ line: 1, field: '(root)', message: 'slo.yaml:1: (root): Invalid input: expected object, received null' })
    expect(errorOf('version: 2\nwindow: { runs: 1 }\n\tobjectives: []\n')).toMatchObject({ line: 3, message: expect.stringMatching(/^slo\.yaml:3: \(root\): not valid YAML: Tabs/) })
  })

  it('a 40,000-key mapping is refused in well under the 26 s yaml\'s own unique-key check took', () => {
    const started = performance.now()
    expect(errorOf(`version: 2\nwindow: {${Array.from({ length: 40_000 }, (_, index) => `k${index}: 1`).join(', ')}}\n`)).toMatchObject({ line: 2, field: 'window' })
    // About 0.5 s on the loaded 2-core machine; the bound leaves room for load.
    expect(performance.now() - started).toBeLessThan(8000)
  })

  it('a FIFO, a device or a huge file is refused without reading it', async () => {
    const fifo = join(directory, 'slo.fifo')
    execFileSync('mkfifo', [fifo])
    await expect(loadSloFile(fifo)).rejects.toMatchObject({ code: 'slo_file_invalid', file: fifo, message: expect.stringContaining('not a regular file') })
    await expect(loadSloFile('/dev/zero')).rejects.toThrow('not a regular file')
    const huge = join(directory, 'huge.yaml')
    writeFileSync(huge, `version: 2\n# ${'x'.repeat(9 * 1024 * 1024)}\n`)
    await expect(loadSloFile(huge)).rejects.toThrow(/file is \d+ bytes, more than the 8388608/)
  })

  it('property: a valid file with any line replaced by a hostile one loads or fails naming file, line and field', () => {
    const hostileLine = fc.oneof(
      fc.constantFrom('window: *nowhere', 'x: &a [1]', 'y: [*a, *a]', 'window: { <<: *a }', '  - sli: [[[[', 'objectives: ~', 'version: 2', '  atLeast: .nan', '---'),
      fc.string({ maxLength: 16 }),
    )
    fc.assert(
      fc.property(fc.nat(), hostileLine, (at, line) => {
        const lines = VALID.split('\n')
        lines[at % lines.length] = line
        const error = errorOf(lines.join('\n'))
        if (error === undefined) return
        expect(error).toMatchObject({ file: 'slo.yaml', line: expect.any(Number), field: expect.any(String) })
        expect(error.message.startsWith(`slo.yaml:${error.line}: ${error.field}: `)).toBe(true)
      }),
      { numRuns: 300, seed: 42 },
    )
  })
})
