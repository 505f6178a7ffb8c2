import { existsSync, realpathSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, relative, resolve, sep } from 'node:path'
import type { CallerAction, CallExpectations, TurnExpectations } from './call-record.ts'
import type { CallScript, ScriptTurn } from './call-script.ts'
import { CallScriptSchema, PartialScriptSchema } from './call-script-schema.ts'
import type { TurnInput } from './call-script-schema.ts'
import { HarnessError } from './harness-error.ts'
import type { ScriptIssueLocation } from './harness-error.ts'
import { describeZodIssues } from './internal/describe-zod-issues.ts'
import type { ScriptIssue } from './internal/describe-zod-issues.ts'
import { substituteVariables, UnknownVariableError } from './internal/substitute-variables.ts'
import { readScriptYaml } from './internal/read-script-yaml.ts'
import type { ReadScriptYamlResult } from './internal/read-script-yaml.ts'
import { formatFieldPath, locatePath, parseLocatedDocument } from './internal/yaml-location.ts'
import type { LocatedDocument } from './internal/yaml-location.ts'
import { RECORD_LIMITS } from './record-limits.ts'

export interface LoadCallScriptOptions {
  /** Values for `{{name}}` placeholders that override the script's own `variables`. Default `{}`. */
  variables?: Record<string, string>
}

const MAX_INCLUDE_DEPTH = 16
/** Most problems listed in one script error (the rest are counted). */
const MAX_LISTED_ISSUES = 50

/** Parsed partials, shared by the scripts of one `loadCallScripts` call (read once each). */
type PartialCache = Map<string, Promise<ReadScriptYamlResult>>

/**
 * Reads, validates and expands one call script: partials are spliced in, `{{variables}}`
 * substituted, relative paths resolved. Throws a `HarnessError` (`script_invalid` or
 * `script_not_found`) whose message lists every problem as `file:line:column field: what is expected`.
 *
 * @example
 * const script = await loadCallScript('e2e/scripts/hours.yaml')
 * console.log(script.id, script.turns.length)
 */
export async function loadCallScript(file: string, options: LoadCallScriptOptions = {}): Promise<CallScript> {
  return loadOne(file, options, new Map())
}

async function loadOne(file: string, options: LoadCallScriptOptions, cache: PartialCache): Promise<CallScript> {
  const loader = new ScriptLoader(cache, dirname(resolve(file)))
  const script = await loader.load(resolve(file), options.variables ?? {})
  if (loader.issues.length > 0 || !script) throw loader.error(resolve(file))
  return script
}

/**
 * Loads many scripts; a bad script does not stop the others. Duplicate ids are errors
 * (on the second file).
 */
export async function loadCallScripts(files: readonly string[], options: LoadCallScriptOptions = {}): Promise<{ scripts: CallScript[]; errors: HarnessError[] }> {
  const scripts: CallScript[] = []
  const errors: HarnessError[] = []
  const seen = new Map<string, string>()
  const cache: PartialCache = new Map()
  for (const file of files) {
    try {
      const script = await loadOne(file, options, cache)
      const previous = seen.get(script.id)
      if (previous !== undefined) {
        const located = parseLocatedDocument(script.file, await readFile(script.file, 'utf8'))
        const position = locatePath(located, ['id'])
        const issue = { file: script.file, line: position.line, column: position.column, field: 'id', message: `duplicate script id "${script.id}" (also in ${displayPath(previous)}); expected ids to be unique` }
        errors.push(new HarnessError('script_invalid', formatIssue(issue), { file: issue.file, line: issue.line, column: issue.column, field: issue.field, issues: [issue] }))
        continue
      }
      seen.set(script.id, script.file)
      scripts.push(script)
    } catch (error) {
      // Whatever went wrong with this file, the other scripts still run.
      if (HarnessError.isInstance(error)) errors.push(error)
      else errors.push(new HarnessError('script_invalid', `${displayPath(resolve(file))}:1:1 (file): cannot load call script (${(error as Error).message.split('\n')[0]})`, { file: resolve(file), line: 1, column: 1, field: '(file)', cause: error }))
    }
  }
  return { scripts, errors }
}

class ScriptLoader {
  readonly issues: ScriptIssueLocation[] = []
  /** Problems found beyond MAX_LISTED_ISSUES (counted, not listed). */
  unlisted = 0
  notFound = false
  expandedTurns = 0
  readonly #cache: PartialCache
  /** Includes must stay inside this folder tree (the script's own folder). */
  readonly #root: string

  constructor(cache: PartialCache, root: string) {
    this.#cache = cache
    this.#root = root
  }

  error(file: string): HarnessError {
    const first = this.issues[0]
    const total = this.issues.length + this.unlisted
    const message = this.issues.map(formatIssue).join('\n') + (this.unlisted > 0 ? `\n… and ${this.unlisted} more` : '')
    return new HarnessError(this.notFound && total === 1 ? 'script_not_found' : 'script_invalid', total > 1 ? `${total} problems in call script:\n${message}` : message, {
      file: first?.file ?? file,
      line: first?.line,
      column: first?.column,
      field: first?.field,
      issues: this.issues,
    })
  }

  async load(file: string, overrides: Record<string, string>): Promise<CallScript | undefined> {
    const read = await this.read(file)
    if (!read) return undefined
    const { located, data } = read
    const parsed = CallScriptSchema.safeParse(data)
    if (!parsed.success) {
      this.addZodIssues(located, parsed.error.issues, data)
      return undefined
    }
    const input = parsed.data
    const variables = { ...stringifyValues(input.variables ?? {}), ...overrides }
    const turns = await this.expand(input.turns, located, variables, [file], ['turns'])
    const top = this.substitute(located, { title: input.title, persona: input.persona, goal: input.goal, expect: input.expect }, variables, [])
    let knowledgeBase: string | undefined
    if (input.knowledgeBase !== undefined) {
      knowledgeBase = resolve(dirname(file), input.knowledgeBase)
      if (!existsSync(knowledgeBase)) this.add(located, ['knowledgeBase'], `file not found: ${displayPath(knowledgeBase)}; expected a path relative to the script`)
    }
    this.checkOrder(located, turns, input.greeting ?? true)
    if (this.issues.length > 0) return undefined
    return dropUndefined({
      id: input.id,
      file,
      title: top?.title,
      tags: input.tags ?? [],
      knowledgeBase,
      persona: top?.persona,
      goal: top?.goal,
      language: input.language ?? 'en',
      greeting: input.greeting ?? true,
      from: input.from,
      to: input.to,
      metadata: input.metadata,
      variables,
      turns,
      expectations: top?.expect as CallExpectations | undefined,
    })
  }

  private async read(file: string, includedFrom?: { located: LocatedDocument; path: PropertyKey[] }): Promise<{ located: LocatedDocument; data: unknown } | undefined> {
    let loading = includedFrom ? this.#cache.get(file) : undefined
    if (!loading) {
      loading = readScriptYaml(file)
      if (includedFrom) this.#cache.set(file, loading)
    }
    const result = await loading
    if (!result.ok) {
      if (includedFrom && result.notFound) this.add(includedFrom.located, includedFrom.path, `partial script not found: ${displayPath(file)}; expected a path relative to this file`)
      else {
        this.notFound ||= result.notFound === true
        for (const issue of result.issues) this.push(issue)
      }
      return undefined
    }
    const { located, data } = result
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      this.push({ file, line: 1, column: 1, field: '(top level)', message: 'expected a YAML mapping with at least `turns:`' })
      return undefined
    }
    return { located, data }
  }

  /** Includes stay inside the script's folder tree (symbolic links resolved), so a script cannot read, or quote in an error, a file elsewhere. */
  private isInsideRoot(file: string): boolean {
    let real: string
    let root: string
    try {
      real = realpathSync(file)
      root = realpathSync(this.#root)
    } catch {
      return file.startsWith(this.#root + sep) // a missing file: reported as not found
    }
    return real.startsWith(root + sep)
  }

  private async expand(turns: TurnInput[], located: LocatedDocument, variables: Record<string, string>, stack: string[], prefix: PropertyKey[]): Promise<ScriptTurn[]> {
    const result: ScriptTurn[] = []
    for (const [index, turn] of turns.entries()) {
      if (this.expandedTurns > RECORD_LIMITS.maxTurns) break
      const path = [...prefix, index]
      if ('include' in turn) {
        const withValues = this.substitute(located, stringifyValues(turn.with ?? {}), variables, [...path, 'with'])
        const partialFile = resolve(dirname(located.file), turn.include)
        if (!this.isInsideRoot(partialFile)) {
          this.add(located, [...path, 'include'], `include outside the script's folder (${displayPath(this.#root)}); expected a partial in that folder or below`)
          continue
        }
        if (stack.includes(partialFile) || stack.length > MAX_INCLUDE_DEPTH) {
          this.add(located, [...path, 'include'], `include cycle: ${[...stack, partialFile].map(displayPath).join(' → ')}; expected partials not to include themselves`)
          continue
        }
        const partial = await this.read(partialFile, { located, path: [...path, 'include'] })
        if (!partial) continue
        const partialLocated = partial.located
        const parsed = PartialScriptSchema.safeParse(partial.data)
        if (!parsed.success) {
          this.addZodIssues(partialLocated, parsed.error.issues, partial.data)
          continue
        }
        const scope = { ...stringifyValues(parsed.data.variables ?? {}), ...variables, ...(withValues ?? {}) }
        result.push(...(await this.expand(parsed.data.turns, partialLocated, scope, [...stack, partialFile], ['turns'])))
        continue
      }
      if (this.expandedTurns >= RECORD_LIMITS.maxTurns) {
        if (this.expandedTurns === RECORD_LIMITS.maxTurns) this.add(located, path, `more than ${RECORD_LIMITS.maxTurns} turns after includes are expanded; expected a shorter call (split it into several scripts)`)
        this.expandedTurns += 1
        return result
      }
      this.expandedTurns += 1
      const substituted = this.substitute(located, turn, variables, path)
      if (!substituted) continue
      const line = locatePath(located, path).line
      const scriptTurn: ScriptTurn = { action: toAction(substituted), source: { file: located.file, line } }
      if ('expect' in substituted && substituted.expect) scriptTurn.expect = dropUndefined(substituted.expect as TurnExpectations)
      const audio = 'audio' in substituted ? substituted.audio : 'bargeIn' in substituted ? substituted.bargeIn.audio : undefined
      if (audio !== undefined) {
        scriptTurn.audioFile = resolve(dirname(located.file), audio)
        const audioPath = 'bargeIn' in substituted ? [...path, 'bargeIn', 'audio'] : [...path, 'audio']
        if (!existsSync(scriptTurn.audioFile)) this.add(located, audioPath, `audio file not found: ${displayPath(scriptTurn.audioFile)}; expected a WAV file relative to this file`)
      }
      result.push(scriptTurn)
    }
    return result
  }

  private checkOrder(located: LocatedDocument, turns: ScriptTurn[], greeting: boolean): void {
    turns.forEach((turn, index) => {
      if (turn.action.kind === 'hangup' && index !== turns.length - 1) {
        this.push({ file: turn.source.file, line: turn.source.line, column: 1, field: `turns (expanded turn ${index + 1})`, message: 'turns after `hangup` would never run; expected hangup to be the last turn' })
      }
      const previous = turns[index - 1]
      if (turn.action.kind === 'barge-in' && (previous ? previous.action.kind === 'hangup' || previous.action.kind === 'silence' : !greeting)) {
        this.push({ file: turn.source.file, line: turn.source.line, column: 1, field: `turns (expanded turn ${index + 1})`, message: 'bargeIn interrupts the reply to the previous turn; expected it after a say/dtmf turn (or the greeting)' })
      }
      if (turn.action.kind === 'hangup' && turn.action.afterMs !== undefined && (previous ? previous.action.kind === 'silence' : !greeting)) {
        this.issues.push({ file: turn.source.file, line: turn.source.line, column: 1, field: `turns (expanded turn ${index + 1})`, message: 'hangup with afterMs interrupts the reply to the previous turn; expected it after a say/dtmf/bargeIn turn (or the greeting)' })
      }
    })
    void located
  }

  private substitute<T>(located: LocatedDocument, value: T, variables: Record<string, string>, path: PropertyKey[]): T | undefined {
    try {
      return substituteVariables(value, variables)
    } catch (error) {
      if (!(error instanceof UnknownVariableError)) throw error
      this.add(located, [...path, ...error.path], error.message)
      return undefined
    }
  }

  private addZodIssues(located: LocatedDocument, issues: Parameters<typeof describeZodIssues>[0], input: unknown): void {
    this.unlisted += Math.max(0, issues.length - MAX_LISTED_ISSUES)
    for (const issue of describeZodIssues(issues.slice(0, MAX_LISTED_ISSUES), input)) this.addIssue(located, issue)
  }

  private addIssue(located: LocatedDocument, issue: ScriptIssue): void {
    const position = locatePath(located, issue.path, issue.key)
    const field = formatFieldPath(issue.key === undefined ? issue.path : [...issue.path, issue.key])
    this.push({ file: located.file, line: position.line, column: position.column, field, message: issue.message })
  }

  private push(issue: ScriptIssueLocation): void {
    if (this.issues.length < MAX_LISTED_ISSUES) this.issues.push(issue)
    else this.unlisted += 1
  }

  private add(located: LocatedDocument, path: PropertyKey[], message: string): void {
    this.addIssue(located, { path, message })
  }
}

function toAction(turn: Exclude<TurnInput, { include: string }>): CallerAction {
  if ('say' in turn) return { kind: 'text', text: turn.say }
  if ('dtmf' in turn) return { kind: 'dtmf', digits: turn.dtmf.toUpperCase() }
  if ('silenceMs' in turn) return { kind: 'silence', durationMs: turn.silenceMs }
  if ('bargeIn' in turn) return { kind: 'barge-in', text: turn.bargeIn.say, afterMs: turn.bargeIn.afterMs }
  return turn.afterMs === undefined ? { kind: 'hangup' } : { kind: 'hangup', afterMs: turn.afterMs }
}

function stringifyValues(values: Record<string, string | number | boolean>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)]))
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T
}

function displayPath(file: string): string {
  const relativePath = relative(process.cwd(), file)
  return relativePath.startsWith('..') ? file : relativePath
}

/** `file:line:column field: message` (file relative to the working directory). */
export function formatIssue(issue: ScriptIssueLocation): string {
  return `${displayPath(issue.file)}:${issue.line}:${issue.column} ${issue.field}: ${issue.message}`
}
