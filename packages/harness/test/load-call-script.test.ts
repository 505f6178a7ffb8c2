import { describe, expect, it } from 'vitest'
import { HarnessError, loadCallScript, loadCallScripts } from '@voxguard/harness'
import { writeFiles } from './helpers/write-script.ts'

async function loadError(file: string): Promise<HarnessError> {
  try {
    await loadCallScript(file)
  } catch (error) {
    if (error instanceof HarnessError) return error
    throw error
  }
  throw new Error('expected a HarnessError')
}

describe('loadCallScript', () => {
  it('expands includes with variables: `with` > script variables > partial defaults; paths resolve from each file', async () => {
    const files = writeFiles({
      'kb.yaml': 'version: 1\n',
      'scripts/book.yaml': [
        'id: book-cleaning',
        'knowledgeBase: ../kb.yaml',
        'persona: "{{name}}, a new patient"',
        'variables: { service: cleaning, name: Aiko, day: Saturday }',
        'turns:',
        '  - include: partials/open.yaml',
        '  - say: "Book a {{service}} on {{day}}"',
        '    expect: { toolCalled: { name: book_appointment, arguments: { service: "{{service}}" } } }',
        '  - include: partials/goodbye.yaml',
        '    with: { farewell: "Thanks {{name}}" }',
        'expect: { goalTool: book_appointment, neverSays: ["{{service}} is free"] }',
      ].join('\n'),
      'scripts/partials/open.yaml': 'variables: { greeting: Hello }\nturns:\n  - say: "{{greeting}}, this is {{name}}"\n    audio: ../audio/hello.wav\n  - dtmf: "1"\n',
      'scripts/partials/goodbye.yaml': 'variables: { farewell: Bye }\nturns:\n  - say: "{{farewell}}, goodbye"\n  - hangup: true\n',
      'scripts/audio/hello.wav': 'RIFF',
    })
    const script = await loadCallScript(files.path('scripts/book.yaml'))
    expect(script.id).toBe('book-cleaning')
    expect(script.knowledgeBase).toBe(files.path('kb.yaml'))
    expect(script.persona).toBe('Aiko, a new patient')
    expect(script.turns.map((turn) => turn.action)).toEqual([
      { kind: 'text', text: 'Hello, this is Aiko' },
      { kind: 'dtmf', digits: '1' },
      { kind: 'text', text: 'Book a cleaning on Saturday' },
      { kind: 'text', text: 'Thanks Aiko, goodbye' },
      { kind: 'hangup' },
    ])
    expect(script.turns[0]!.audioFile).toBe(files.path('scripts/audio/hello.wav'))
    expect(script.turns[0]!.source).toEqual({ file: files.path('scripts/partials/open.yaml'), line: 3 })
    expect(script.turns[2]!.source).toEqual({ file: files.path('scripts/book.yaml'), line: 7 })
    expect(script.turns[2]!.expect).toEqual({ toolCalled: { name: 'book_appointment', arguments: { service: 'cleaning' } } })
    expect(script.expectations).toEqual({ goalTool: 'book_appointment', neverSays: ['cleaning is free'] })
    const overridden = await loadCallScript(files.path('scripts/book.yaml'), { variables: { service: 'whitening' } })
    expect(overridden.turns[2]!.action).toEqual({ kind: 'text', text: 'Book a whitening on Saturday' })
  })

  it('names file, line, field and what is expected for every problem', async () => {
    const files = writeFiles({
      'bad.yaml': [
        'id: bad script', // 1
        'tags: [a]',
        'turns:',
        '  - say: hello',
        '    expect:',
        '      replyWithinMs: soon', // 6
        '      saysAny: []', // 7
        '  - dtmf: "12x"', // 8
        '  - say: hi',
        '    dtmf: "1"', // 10 (two actions)
        '  - silenceMs: 100',
        '    expext: {}', // 12 unknown key
        'expect:',
        '  agentEndsCall: "yes"', // 14
      ].join('\n'),
    })
    const error = await loadError(files.path('bad.yaml'))
    expect(error.code).toBe('script_invalid')
    const found = error.issues.map((issue) => `${issue.line} ${issue.field}: ${issue.message}`)
    expect(found).toEqual([
      expect.stringMatching(/^1 id: expected a script id of letters, digits/),
      expect.stringMatching(/^6 turns\[0\]\.expect\.replyWithinMs: expected a whole number of milliseconds .*got string "soon"/),
      expect.stringMatching(/^7 turns\[0\]\.expect\.saysAny: expected at least one string/),
      expect.stringMatching(/^8 turns\[1\]\.dtmf: expected only DTMF keys 0-9, \*, #, A-D; got string "12x"/),
      expect.stringMatching(/^9 turns\[2\]: expected exactly one caller action .* got say and dtmf/),
      expect.stringMatching(/^12 turns\[3\]\.expext: unknown field "expext"; expected one of: silenceMs, expect/),
      expect.stringMatching(/^14 expect\.agentEndsCall: expected true or false/),
    ])
    expect(error.message).toContain('bad.yaml:6:22 turns[0].expect.replyWithinMs')
    expect(error).toMatchObject({ file: files.path('bad.yaml'), line: 1, field: 'id' })
  })

  it('reports YAML syntax errors, missing partials, unknown variables and include cycles with their lines', async () => {
    const files = writeFiles({
      'syntax.yaml': 'id: x\nturns:\n  - say: a: b\n  - dtmf: "1"\n',
      'missing.yaml': 'id: m\nturns:\n  - say: hi\n  - include: nowhere.yaml\n',
      'variable.yaml': 'id: v\nvariables: { day: Monday }\nturns:\n  - say: hi\n    expect: { saysAll: ["{{day}}", "{{time}}"] }\n',
      'cycle.yaml': 'id: c\nturns:\n  - include: p1.yaml\n',
      'p1.yaml': 'turns:\n  - say: one\n  - include: p2.yaml\n',
      'p2.yaml': 'turns:\n  - include: p1.yaml\n',
      'partial-bad.yaml': 'id: pb\nturns:\n  - include: p3.yaml\n',
      'p3.yaml': 'turns:\n  - say: fine\n  - silenceMs: -5\n',
      'no-id.yaml': 'turns:\n  - say: hi\n',
    })
    expect((await loadError(files.path('syntax.yaml'))).issues[0]).toMatchObject({ line: 3, field: '(yaml)', message: expect.stringContaining('YAML syntax error') })
    expect((await loadError(files.path('missing.yaml'))).issues[0]).toMatchObject({ line: 4, field: 'turns[1].include', message: expect.stringContaining('partial script not found') })
    expect((await loadError(files.path('variable.yaml'))).issues[0]).toMatchObject({ line: 5, field: 'turns[0].expect.saysAll[1]', message: 'unknown variable {{time}}; expected one of: day' })
    expect((await loadError(files.path('cycle.yaml'))).issues[0]).toMatchObject({ file: files.path('p2.yaml'), line: 2, field: 'turns[0].include', message: expect.stringContaining('include cycle') })
    expect((await loadError(files.path('partial-bad.yaml'))).issues[0]).toMatchObject({ file: files.path('p3.yaml'), line: 3, field: 'turns[1].silenceMs', message: expect.stringContaining('>= 0') })
    expect((await loadError(files.path('no-id.yaml'))).issues[0]).toMatchObject({ line: 1, field: 'id', message: expect.stringContaining('missing required field') })
  })

  it('loadCallScripts returns the good scripts and one error per bad script (and duplicate ids)', async () => {
    const files = writeFiles({ 'a.yaml': 'id: same\nturns:\n  - say: a\n', 'b.yaml': 'id: same\nturns:\n  - say: b\n', 'c.yaml': 'id: c\nturns: []\n' })
    const { scripts, errors } = await loadCallScripts([files.path('a.yaml'), files.path('b.yaml'), files.path('c.yaml'), files.path('gone.yaml')])
    expect(scripts.map((script) => script.id)).toEqual(['same'])
    expect(errors.map((error) => [error.code, error.file, error.line, error.field])).toEqual([
      ['script_invalid', files.path('b.yaml'), 1, 'id'],
      ['script_invalid', files.path('c.yaml'), 2, 'turns'],
      ['script_not_found', files.path('gone.yaml'), 1, '(file)'],
    ])
  })
})
