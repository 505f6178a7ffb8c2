import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadKnowledgeBase, parseKnowledgeBase } from './knowledge-base.ts'
import { KnowledgeError } from './knowledge-error.ts'
import { knowledgeFixture } from './testing.ts'

const clinicFile = knowledgeFixture('clinic')
const directory = mkdtempSync(join(tmpdir(), 'voxguard-knowledge-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

function parseError(value: unknown): KnowledgeError {
  try {
    parseKnowledgeBase(value, 'kb.yaml')
  } catch (error) {
    if (error instanceof KnowledgeError) return error
    throw error
  }
  throw new Error('expected parseKnowledgeBase to throw')
}

describe('loadKnowledgeBase', () => {
  it('reads the example clinic: facts keep YAML types, intents keep keywords, reply and tool', async () => {
    const clinic = await loadKnowledgeBase(clinicFile)
    expect(clinic.version).toBe(1)
    expect(clinic.facts).toMatchObject({ hours: { saturday: '09:00-13:00', sunday: 'closed' }, prices_yen: { cleaning: 5000 } })
    expect(clinic.policies).toContain('Whitening is not covered by insurance.')
    expect(clinic.vocabulary?.['cleaning']).toEqual(['cleaning', 'clean', 'scaling', 'クリーニング', '歯石', '清掃'])
    expect(clinic.intents['booking']).toEqual({ keywords: ['book', 'appointment', 'reserve', 'schedule', 'available', '予約'], reply: 'I can book that for you. What day and time would you like?', replies: { ja: 'ご予約を承ります。ご希望の曜日と時間をお知らせください。' }, tool: 'book_appointment' })
  })

  it('names a file it cannot read', async () => {
    const error = await loadKnowledgeBase(join(directory, 'missing.yaml')).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(KnowledgeError)
    expect(error).toMatchObject({ code: 'file_unreadable', message: expect.stringMatching(/^\/.*missing\.yaml: cannot read the knowledge base \(ENOENT/) })
  })

  it('names the file and line of a problem in it', async () => {
    const file = join(directory, 'bad.yaml')
    writeFileSync(file, 'version: 1\nfacts:\n  hours:\n    monday: [9, 18]\n')
    await expect(loadKnowledgeBase(file)).rejects.toThrow(`${file}:4: field "facts.hours.monday": expected text, a number or a nested mapping, got a list`)
  })

  it('stops reading when the signal aborts, with the abort error rather than a knowledge error', async () => {
    const error = await loadKnowledgeBase(clinicFile, { signal: AbortSignal.abort() }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'AbortError' })
  })

  it('rejects a signal that is not an AbortSignal, naming the option', async () => {
    await expect(loadKnowledgeBase(clinicFile, { signal: 'soon' as unknown as AbortSignal })).rejects.toMatchObject({ code: 'option_invalid', message: expect.stringContaining('option "signal"') })
  })
})

describe('parseKnowledgeBase', () => {
  it('defaults missing sections and keywords to empty, and accepts an object as well as YAML text', () => {
    const expected = { version: 1, facts: {}, policies: [], intents: { fallback: { keywords: [], reply: 'Sorry?' } } }
    expect(parseKnowledgeBase('version: 1\nintents:\n  fallback: { reply: "Sorry?" }\n')).toEqual(expected)
    expect(parseKnowledgeBase({ version: 1, intents: { fallback: { reply: 'Sorry?' } } })).toEqual(expected)
  })

  it('reads an optional vocabulary (term → words, any language) and leaves it out when the file has none', () => {
    const text = 'version: 1\nfacts:\n  prices_yen: { cleaning: 5000 }\nvocabulary:\n  cleaning: [cleaning, scaling, クリーニング]\n  checkup: [exam, 検診]\n'
    expect(parseKnowledgeBase(text).vocabulary).toEqual({ cleaning: ['cleaning', 'scaling', 'クリーニング'], checkup: ['exam', '検診'] })
    expect(parseKnowledgeBase({ version: 1, vocabulary: { age: [3, 'years old'] } }).vocabulary).toEqual({ age: ['3', 'years old'] })
    expect('vocabulary' in parseKnowledgeBase('version: 1\n')).toBe(false)
  })

  it('turns number keywords into text (YAML reads `[24, hours]` as a number and a string)', () => {
    expect(parseKnowledgeBase('version: 1\nintents:\n  cancel: { keywords: [24, hours], reply: ok }\n').intents['cancel']?.keywords).toEqual(['24', 'hours'])
  })

  it.each([
    ['', 'kb.yaml: a knowledge base must be a mapping with "version: 1" and optionally "facts", "policies", "intents" and "vocabulary"'],
    ['version: 2\n', 'kb.yaml:1: field "version": must be 1, the only format version (got 2)'],
    ['facts: {}\n', 'kb.yaml:1: field "version": must be 1, the only format version (got nothing)'],
    ['version: 1\nfact:\n  a: 1\n', 'kb.yaml:2: field "fact": unknown field (a knowledge base has "version", "facts", "policies", "intents" and "vocabulary"); check its spelling'],
    ['version: 1\nvocabulary: [cleaning, scaling]\n', 'kb.yaml:2: field "vocabulary": expected a mapping of term to a list of words, e.g. { cleaning: [scaling, クリーニング] }'],
    ['version: 1\nvocabulary:\n  cleaning: クリーニング\n', 'kb.yaml:3: field "vocabulary.cleaning": expected a list of words or phrases that mean the term, e.g. [scaling, クリーニング]'],
    ['version: 1\nvocabulary:\n  cleaning: []\n', 'kb.yaml:3: field "vocabulary.cleaning": expected at least one word or phrase, e.g. [scaling, クリーニング]'],
    ['version: 1\nvocabulary:\n  crown:\n    - crown\n    - { ja: 被せ物 }\n', 'kb.yaml:5: field "vocabulary.crown[1]": expected a word or phrase (text)'],
    ['version: 1\nvocabulary:\n  crown: [crown, "  "]\n', 'kb.yaml:3: field "vocabulary.crown[1]": expected a word or phrase, got empty text'],
    ['version: 1\nfacts:\n  sunday:\n', 'kb.yaml:3: field "facts.sunday": expected text, a number or a nested mapping, got nothing (an empty value)'],
    ['version: 1\nfacts:\n  parking: false\n', 'kb.yaml:3: field "facts.parking": expected text, a number or a nested mapping, got false'],
    ['version: 1\nfacts: [a]\n', 'kb.yaml:2: field "facts": expected a mapping of facts (name: value), got a list'],
    ['version: 1\npolicies: Be nice.\n', 'kb.yaml:2: field "policies": expected a list of sentences'],
    ['version: 1\npolicies:\n  - ok\n  - { a: 1 }\n', 'kb.yaml:4: field "policies[1]": expected a sentence (text)'],
    ['version: 1\nintents:\n  hours:\n    keyword: [open]\n    reply: We open at 9.\n', 'kb.yaml:4: field "intents.hours.keyword": unknown field (an intent has "keywords", "reply", "replies" and "tool"); check its spelling'],
    ['version: 1\nintents:\n  hours:\n    reply: We open at 9.\n    replies:\n      ja: "{facts.hours.monday}です"\n', 'kb.yaml:6: field "intents.hours.replies.ja": unknown placeholder {facts.hours.monday}: there is no fact at facts.hours.monday; add it under "facts" or fix the path'],
    ['version: 1\nintents:\n  hours:\n    reply: We open at 9.\n    replies:\n      Japanese: 9時です\n', 'kb.yaml:6: field "intents.hours.replies.Japanese": expected a mapping of language code (ja, pt-BR) to reply text'],
    ['version: 1\nintents:\n  hours:\n    keywords: [open]\n', 'kb.yaml:3: field "intents.hours.reply": expected the reply text'],
    ['version: 1\nfacts: { a: 1\n', 'kb.yaml:3: not valid YAML: Flow map in block collection must be sufficiently indented and end with a }'],
    ['version: 1\nversion: 1\n', 'kb.yaml:2: duplicate key "version"; expected each key once in a mapping'],
    ['version: 1\nfacts:\n  ? [a, b]\n  : 1\n', 'kb.yaml:3: a list used as a key; expected keys that are plain words or numbers'],
    ['version: 1\nfacts:\n  { x: 1 }: 2\n', 'kb.yaml:3: a mapping used as a key; expected keys that are plain words or numbers'],
  ])('names the file, line and field of a problem: %j', (text, message) => {
    const error = parseError(text)
    expect(error.code).toBe('knowledge_base_invalid')
    expect(error.message).toContain(message)
  })

  it('lists every problem, one line each, in file order', () => {
    const error = parseError('version: 1\nfacts:\n  a: true\n  b: [1]\nintents:\n  x: { keywords: open }\n')
    expect(error.message.split('\n')).toEqual([
      'kb.yaml:3: field "facts.a": expected text, a number or a nested mapping, got true (write it as text, e.g. "yes" or "not available")',
      'kb.yaml:4: field "facts.b": expected text, a number or a nested mapping, got a list (write one key per item instead)',
      'kb.yaml:6: field "intents.x.keywords": expected a list of keywords, e.g. [open, hours]',
      'kb.yaml:6: field "intents.x.reply": expected the reply text (it may contain {facts.path} placeholders)',
    ])
  })

  it('rejects a reply placeholder that names no fact value, saying which and why', () => {
    const error = parseError('version: 1\nfacts:\n  hours: { monday: "09:00-18:00" }\nintents:\n  hours:\n    reply: "Open {facts.hours.mondy}, {facts.hours}."\n')
    expect(error.message.split('\n')).toEqual([
      'kb.yaml:6: field "intents.hours.reply": unknown placeholder {facts.hours.mondy}: there is no fact at facts.hours.mondy; add it under "facts" or fix the path',
      'kb.yaml:6: field "intents.hours.reply": unknown placeholder {facts.hours}: facts.hours is a mapping, not a value; name one of its keys (facts.hours.monday)',
    ])
  })

  it('names the source without a line for an object', () => {
    expect(parseError({ version: 1, facts: { a: { b: null } } }).message).toBe('kb.yaml: field "facts.a.b": expected text, a number or a nested mapping, got nothing (an empty value)')
  })
})
