import { execFileSync } from 'node:child_process'
import { symlinkSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { HarnessError, loadCallScript, loadCallScripts } from '@voxguard/harness'
import { writeFiles } from './helpers/write-script.ts'

const good = 'id: good\ngreeting: false\nturns:\n  - say: Hello\n'

async function loadError(file: string): Promise<HarnessError> {
  const error = await loadCallScript(file).catch((caught: unknown) => caught)
  if (HarnessError.isInstance(error)) return error
  throw new Error(`expected a HarnessError, got ${String(error)}`)
}

describe('hostile call scripts: located errors, bounded work, the valid scripts still run', () => {
  it('an undefined alias and a billion-laughs script are located script errors; the valid script loads', async () => {
    const laughs = ['id: lol', 'greeting: false', 'a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((name, index) => `${name}: &${name} [${Array(10).fill(`*${'abcdefgh'[index]}`).join(', ')}]`), 'turns:', '  - say: hi']
    const files = writeFiles({ 'good.yaml': good, 'alias.yaml': 'id: alias\nturns:\n  - say: *nowhere\n', 'lol.yaml': laughs.join('\n') + '\n' })
    const { scripts, errors } = await loadCallScripts([files.path('alias.yaml'), files.path('lol.yaml'), files.path('good.yaml')])
    expect(scripts.map((script) => script.id)).toEqual(['good'])
    expect(errors.map((error) => [error.code, error.line, error.field])).toEqual([['script_invalid', 3, '(yaml)'], ['script_invalid', 4, '(yaml)']])
    expect(errors[0]!.message).toMatch(/alias\.yaml:3:\d+ \(yaml\): YAML aliases: .*nowhere/)
    expect(errors[1]!.message).toMatch(/lol\.yaml:4:\d+ \(yaml\): YAML aliases: Excessive alias count/)
  })

  it('a 20,000-key mapping loads in linear time; a duplicate key is located', async () => {
    const variables = Array.from({ length: 20_000 }, (_, index) => `  k${index}: v`).join('\n')
    const files = writeFiles({ 'wide.yaml': `id: wide\ngreeting: false\nvariables:\n${variables}\nturns:\n  - say: "{{k19999}}"\n`, 'dup.yaml': 'id: dup\nturns:\n  - say: a\n    say: b\n' })
    const script = await loadCallScript(files.path('wide.yaml'))
    expect(script.turns[0]!.action).toEqual({ kind: 'text', text: 'v' })
    const error = await loadError(files.path('dup.yaml'))
    expect(error.message).toMatch(/dup\.yaml:4:5 say: duplicate key "say"/)
  })

  it('includes stay in the script folder: ../ and absolute paths and symbolic links out are refused without reading them', async () => {
    const files = writeFiles({ 'secret.yaml': 'turns:\n  - say: OPENAI_API_KEY=sk-secret\n', 'scripts/up.yaml': 'id: up\nturns:\n  - include: ../secret.yaml\n' })
    symlinkSync('/dev/zero', files.path('scripts/zero.yaml'))
    symlinkSync(files.path('secret.yaml'), files.path('scripts/link.yaml'))
    for (const [name, include] of [['abs', files.path('secret.yaml')], ['zero', 'zero.yaml'], ['link', 'link.yaml'], ['dev', '/dev/zero']] as const) {
      writeFiles({})
      execFileSync('sh', ['-c', `printf 'id: ${name}\\nturns:\\n  - include: ${include}\\n' > ${files.path(`scripts/${name}.yaml`).replace('.yaml', '-script.yaml')}`])
    }
    for (const file of ['scripts/up.yaml', 'scripts/abs-script.yaml', 'scripts/zero-script.yaml', 'scripts/link-script.yaml', 'scripts/dev-script.yaml']) {
      const error = await loadError(files.path(file))
      expect(error.message).toMatch(/:3:\d+ turns\[0\]\.include: include outside the script's folder/)
      expect(error.message).not.toContain('sk-secret')
    }
  })

  it('a FIFO or a huge file as a script is refused at once, not read forever', async () => {
    const files = writeFiles({ 'big.yaml': `id: big\nturns:\n  - say: "${'x'.repeat(2 * 1024 * 1024)}"\n`, 'scripts/main.yaml': 'id: main\nturns:\n  - include: pipe.yaml\n' })
    execFileSync('mkfifo', [files.path('scripts/pipe.yaml')])
    expect((await loadError(files.path('big.yaml'))).message).toMatch(/big\.yaml:1:1 \(file\): file is \d+ bytes, more than the 1048576 this input may have/)
    expect((await loadError(files.path('scripts/pipe.yaml'))).message).toContain('not a regular file')
    expect((await loadError(files.path('scripts/main.yaml'))).message).toContain('pipe.yaml:1:1 (file): not a regular file')
  })

  it('self-multiplying includes (2^13 turns) stop at 1,000 expanded turns with one error', async () => {
    const partials: Record<string, string> = { 'p0.yaml': 'turns:\n  - say: hi\n  - say: hi\n' }
    for (let level = 1; level <= 12; level++) partials[`p${level}.yaml`] = `turns:\n  - include: p${level - 1}.yaml\n  - include: p${level - 1}.yaml\n`
    const files = writeFiles({ ...partials, 'many.yaml': 'id: many\nturns:\n  - include: p12.yaml\n' })
    const error = await loadError(files.path('many.yaml'))
    expect(error.message).toMatch(/^\/.*p0\.yaml:\d+:\d+ turns\[\d\]: more than 1000 turns after includes are expanded; expected a shorter call/)
    expect(error.issues).toHaveLength(1)
  })

  it('{{constructor}} and {{__proto__}} are unknown variables, not JavaScript builtins', async () => {
    const files = writeFiles({ 'proto.yaml': 'id: proto\nvariables: { name: Aiko }\nturns:\n  - say: "{{constructor}}"\n  - say: "{{__proto__}}"\n' })
    const error = await loadError(files.path('proto.yaml'))
    expect(error.issues.map((issue) => [issue.line, issue.message])).toEqual([[4, 'unknown variable {{constructor}}; expected one of: name'], [5, 'unknown variable {{__proto__}}; expected one of: name']])
  })

  it('5,000 bad turns give a short error: 50 listed, the rest counted', async () => {
    const files = writeFiles({ 'bad.yaml': `id: bad\nturns:\n${'  - silenceMs: -1\n'.repeat(5000)}` })
    const error = await loadError(files.path('bad.yaml'))
    expect(error.issues).toHaveLength(50)
    expect(error.message.length).toBeLessThan(8000)
    expect(error.message).toMatch(/^5000 problems in call script:\n/)
    expect(error.message).toMatch(/\n… and 4950 more$/)
  })

  it('absurd nesting is a located error, not a stack overflow', async () => {
    const files = writeFiles({ 'deep.yaml': `id: deep\nturns:\n  - say: hi\nmetadata: ${'['.repeat(5000)}${']'.repeat(5000)}\n` })
    const error = await loadError(files.path('deep.yaml'))
    expect(error.message).toMatch(/deep\.yaml:1:1 \(yaml\): .*nested deeper than 64 levels|deep\.yaml:\d+:\d+ \(yaml\)/)
  })
})
