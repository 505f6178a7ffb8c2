// Property-based fuzzing of every input format a user writes: call scripts, knowledge bases,
// chaos profiles, SLO files and records. Each generated input must load or fail with the package's own
// error naming where (file/line/field), within a time bound: 0 crashes, 0 hangs.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { HarnessError, loadCallScripts, parseCallRecord } from '@voxguard/harness'
import { KnowledgeError, parseKnowledgeBase } from '@voxguard/knowledge'
import { MockLlmError, parseChaosProfile } from '@voxguard/mock-llm'
import { LATENCY_BUCKETS_SECONDS, parseSloFile, RATIO_SLIS, SliError } from '@voxguard/sli'

/** A load slower than this counts as a hang. */
const HANG_MS = 5000

const BASE_SCRIPT = `id: base
title: Book a cleaning
persona: Aiko
variables: { day: Tuesday }
turns:
  - say: "Book a cleaning on {{day}}"
    expect: { saysAny: [Tuesday], matches: ["clean(ing)?"], replyWithinMs: 3000 }
  - bargeIn: { say: wait, afterMs: 200 }
  - dtmf: "1#"
  - silenceMs: 500
  - include: partials/bye.yaml
    with: { word: bye }
  - hangup: true
expect: { goalTool: book_appointment, neverSays: [free] }
`
/** "Billion laughs": 9^5 strings from 45 aliases (a loader must refuse it, not expand it). */
const LAUGHS = `\nl0: &l0 [x, x, x, x, x, x, x, x, x]\n${[1, 2, 3, 4, 5].map((level) => `l${level}: &l${level} [${Array(9).fill(`*l${level - 1}`).join(', ')}]`).join('\n')}\n`
const SNIPPETS = ['&a ', '*a', '*nowhere', '<<: *a\n', '{{constructor}}', '{{__proto__}}', '[[[[[[', ']]]', '\n  - include: ../../etc/passwd\n', '\n  - include: /dev/zero\n', '\t', ': :', '"', "'", '\u0000', '\uFEFF', 'id: dup\nid: dup\n', '- say: x\n'.repeat(50), '!!binary AAAA', '%YAML 1.1\n', '---\n', '? [a]\n: b\n', '1e999', '-.inf', '\nz: *nowhere\n', '\nm: { <<: *a }\n', LAUGHS]

/** Values a YAML author could put after `key:`; each has broken a loader somewhere. */
const VALUES = ['*nowhere', '*a', '&a 1', '{ <<: *a }', '[[[[', '~', '""', '-1', '0', '1e999', '.nan', '{}', '[]', '!!binary AAAA', '"{{constructor}}"', "'", 'null', '[null]', `[${'['.repeat(2000)}${']'.repeat(2000)}]`]

/**
 * Mutated copies of `base`: random cuts and insertions of hostile snippets at any character,
 * or, line by line, values replaced by hostile ones, lines dropped, cut short, or snippets inserted
 * between lines (so aliases and laughs land where the YAML is still valid).
 */
function mutated(base: string): fc.Arbitrary<string> {
  const characterEdits = fc
    .array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 12 }))), { maxLength: 6 })
    .map((edits) => edits.reduce((text, [at, cut, insert]) => { const index = at % (text.length + 1); return text.slice(0, index) + insert + text.slice(index + cut) }, base))
  const lineEdits = fc
    .array(fc.tuple(fc.nat(), fc.constantFrom('value', 'drop', 'insert', 'end'), fc.constantFrom(...VALUES), fc.constantFrom(...SNIPPETS)), { minLength: 1, maxLength: 4 })
    .map((edits) => edits.reduce((text, [at, edit, value, snippet]) => {
      const lines = text.split('\n')
      const index = at % lines.length
      if (edit === 'value') lines[index] = lines[index]!.replace(/^(\s*(?:- )?[\w<]+:)(.*)$/u, `$1 ${value}`)
      if (edit === 'drop') lines.splice(index, 1)
      if (edit === 'insert') lines.splice(index, 0, snippet.trim())
      if (edit === 'end') lines.length = index
      return lines.join('\n')
    }, base))
  return fc.oneof(characterEdits, lineEdits)
}

/** A structurally generated script: the right keys with values of any JSON shape. */
const generatedScript = fc
  .record({ id: fc.oneof(fc.constant('gen'), fc.string({ maxLength: 8 })), turns: fc.array(fc.dictionary(fc.constantFrom('say', 'dtmf', 'silenceMs', 'bargeIn', 'hangup', 'include', 'expect', 'audio', 'with'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }), { maxLength: 6 }), expect: fc.jsonValue({ maxDepth: 3 }), variables: fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }) }, { requiredKeys: [] })
  .map((value) => JSON.stringify(value))

export interface FuzzFigures {
  inputs: number
  loaded: number
  locatedErrors: number
  crashes: string[]
  hangs: number
  slowestMs: number
}

function figures(): FuzzFigures {
  return { inputs: 0, loaded: 0, locatedErrors: 0, crashes: [], hangs: 0, slowestMs: 0 }
}

/** Loads `count` generated call scripts (in batches, with a shared partial) and checks each outcome. */
export async function fuzzCallScripts(count: number, seed: number): Promise<FuzzFigures> {
  const result = figures()
  const root = mkdtempSync(join(tmpdir(), 'fuzz-scripts-'))
  mkdirSync(join(root, 'partials'))
  writeFileSync(join(root, 'partials/bye.yaml'), 'turns:\n  - say: "{{word}}"\n')
  const texts = fc.sample(fc.oneof(mutated(BASE_SCRIPT), mutated(BASE_SCRIPT), generatedScript), { numRuns: count, seed })
  for (let start = 0; start < texts.length; start += 100) {
    const files = texts.slice(start, start + 100).map((text, index) => {
      const file = join(root, `s${start + index}.yaml`)
      writeFileSync(file, text)
      return file
    })
    for (const file of files) {
      const started = performance.now()
      try {
        const { scripts, errors } = await loadCallScripts([file])
        result.loaded += scripts.length
        for (const error of errors) {
          if (error.file && error.line !== undefined && error.line >= 1 && error.column !== undefined && error.field) result.locatedErrors += 1
          else result.crashes.push(`${file}: unlocated error: ${error.message.slice(0, 200)}`)
        }
      } catch (error) {
        result.crashes.push(`${file}: threw ${(error as Error).stack?.slice(0, 300)}`)
      }
      const elapsed = performance.now() - started
      result.slowestMs = Math.max(result.slowestMs, elapsed)
      if (elapsed > HANG_MS) result.hangs += 1
      result.inputs += 1
    }
  }
  return result
}

/** Any JSON value as text: what a generated input is when a format has no generator of its own. */
const anyJson = fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value))

/**
 * Feeds mutated copies of `base` and `generated` text to a parser; only the package's own error
 * type counts as a clean failure.
 */
function fuzzParser(count: number, seed: number, base: string, parse: (text: string) => unknown, isOwnError: (error: unknown) => boolean, isLocated: (error: unknown) => boolean, generated: fc.Arbitrary<string> = anyJson): FuzzFigures {
  const result = figures()
  for (const text of fc.sample(fc.oneof(mutated(base), generated), { numRuns: count, seed })) {
    const started = performance.now()
    try {
      parse(text)
      result.loaded += 1
    } catch (error) {
      if (!isOwnError(error)) result.crashes.push(`threw ${(error as Error).stack?.slice(0, 300)} for ${JSON.stringify(text.slice(0, 120))}`)
      else if (isLocated(error)) result.locatedErrors += 1
      else result.crashes.push(`unlocated: ${(error as Error).message.slice(0, 200)}`)
    }
    const elapsed = performance.now() - started
    result.slowestMs = Math.max(result.slowestMs, elapsed)
    if (elapsed > HANG_MS) result.hangs += 1
    result.inputs += 1
  }
  return result
}

const BASE_KNOWLEDGE = 'version: 1\nfacts:\n  prices_yen: { cleaning: 5000 }\n  hours: { saturday: "9:00-13:00" }\npolicies:\n  - No refunds.\nintents:\n  price:\n    keywords: [price, cost]\n    reply: "A cleaning is {facts.prices_yen.cleaning} yen."\n'
const BASE_PROFILE = 'seed: 7\ntargets:\n  openai:\n    ttftMs: 200\n    errors: { rate429: 0.05 }\n  azure:\n    outages: [{ fromMs: 0, toMs: 1000, mode: 503 }]\n'
const BASE_RECORD = JSON.stringify({ schema: 'voxguard.call-record', version: 1, callId: 'a#1', runId: 'r', scriptId: 'a', scriptFile: 'a.yaml', tags: [], protocol: 'text', agentUrl: 'ws://x', repeat: 1, startedAt: '', endedAt: '', durationMs: 1, endedBy: 'caller', transport: {}, redacted: true, events: [], turns: [{ index: 0, sentAtMs: 0, agent: { text: 'hi', deltaCount: 1, toolCalls: [] }, timedOut: false }] })

export function fuzzKnowledgeBases(count: number, seed: number): FuzzFigures {
  return fuzzParser(count, seed, BASE_KNOWLEDGE, (text) => parseKnowledgeBase(text, 'kb.yaml'), (error) => KnowledgeError.isInstance(error), (error) => (error as Error).message.startsWith('kb.yaml'))
}

export function fuzzChaosProfiles(count: number, seed: number): FuzzFigures {
  return fuzzParser(count, seed, BASE_PROFILE, (text) => parseChaosProfile(text, 'p.yaml'), (error) => MockLlmError.isInstance(error), (error) => /p\.yaml(:\d+)?: /u.test((error as Error).message))
}

export function fuzzRecords(count: number, seed: number): FuzzFigures {
  return fuzzParser(count, seed, BASE_RECORD, (text) => parseCallRecord(text, 'records.jsonl', 1), (error) => HarnessError.isInstance(error), (error) => (error as Error).message.startsWith('records.jsonl:1: ') && (error as HarnessError).line === 1)
}

const BASE_SLO = 'version: 2\nwindow: { runs: 14 }\nobjectives:\n  - sli: availability_ratio\n    atLeast: 0.95\n  - sli: hallucinated_turn_ratio\n    atMost: 0.02\n  - sli: turn_first_byte_p95_ms\n    atMost: 1500\n    protocol: text\n  - sli: first_audio_p90_ms\n    atMost: 2500\n    protocol: twilio\n'
const SLI_NAMES = [...Object.keys(RATIO_SLIS), 'turn_first_byte_p95_ms', 'turn_complete_p99_ms', 'first_audio_p50_ms', 'first_audio_p97_ms', 'call_sucess_ratio', '__proto__', 'constructor', '']
/** A structurally generated SLO file: the right keys, values near and beyond the valid ones. */
const generatedSlo = fc
  .record({
    version: fc.oneof(fc.constant(2), fc.jsonValue({ maxDepth: 1 })),
    window: fc.oneof(fc.record({ runs: fc.oneof(fc.integer({ min: -2, max: 30 }), fc.double()) }), fc.record({ days: fc.double() }), fc.jsonValue({ maxDepth: 2 })),
    objectives: fc.oneof(
      fc.array(fc.record({ sli: fc.oneof(fc.constantFrom(...SLI_NAMES), fc.string({ maxLength: 10 })), atLeast: fc.oneof(fc.double(), fc.jsonValue({ maxDepth: 1 })), atMost: fc.oneof(fc.double(), fc.constantFrom(...LATENCY_BUCKETS_SECONDS.map((seconds) => seconds * 1000))), protocol: fc.oneof(fc.constantFrom('text', 'twilio', 'sip'), fc.jsonValue({ maxDepth: 1 })) }, { requiredKeys: ['sli'] }), { maxLength: 5 }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  }, { requiredKeys: [] })
  .map((value) => JSON.stringify(value))

/** An SLO file's error counts as located only as `SliError` with file, line and field set, and the message starting with them. */
export function fuzzSloFiles(count: number, seed: number): FuzzFigures {
  return fuzzParser(count, seed, BASE_SLO, (text) => parseSloFile(text, 'slo.yaml'), (error) => SliError.isInstance(error), (error) => {
    const { file, line, field, message } = error as SliError
    return file === 'slo.yaml' && line !== undefined && line >= 1 && field !== undefined && field !== '' && message.startsWith(`slo.yaml:${line}: `)
  }, fc.oneof(generatedSlo, anyJson))
}
