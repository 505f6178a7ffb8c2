import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, relative, resolve } from 'node:path'
import type { CallerAction, CallExpectations, TurnExpectations } from './call-record.ts'
import type { CallScript, ScriptTurn } from './call-script.ts'
import { CallScriptSchema, PartialScriptSchema } from './call-script-schema.ts'
import type { TurnInput } from './call-script-schema.ts'
import { HarnessError } from './harness-error.ts'
import type { ScriptIssueLocation } from './harness-error.ts'
import { describeZodIssues } from './internal/describe-zod-issues.ts'
import type { ScriptIssue } from './internal/describe-zod-issues.ts'
import { substituteVariables, UnknownVariableError } from './internal/substitute-variables.ts'
import { formatFieldPath, locatePath, parseLocatedDocument } from './internal/yaml-location.ts'
import type { LocatedDocument } from './internal/yaml-location.ts'

export interface LoadCallScriptOptions {
  /** Values for `{{name}}` placeholders that override the script's own `variables`. Default `{}`. */
  variables?: Record<string, string>
}

const MAX_INCLUDE_DEPTH = 16

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
  const loader = new ScriptLoader()
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
  for (const file of files) {
    try {
      const script = await loadCallScript(file, options)
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
      if (error instanceof HarnessError) errors.push(error)
      else throw error
    }
  }
  return { scripts, errors }
}

class ScriptLoader {
  readonly issues: ScriptIssueLocation[] = []
  notFound = false

  error(file: string): HarnessError {
    const first = this.issues[0]
    const message = this.issues.map(formatIssue).join('\n')
    return new HarnessError(this.notFound && this.issues.length === 1 ? 'script_not_found' : 'script_invalid', this.issues.length > 1 ? `${this.issues.length} problems in call script:\n${message}` : message, {
      file: first?.file ?? file,
      line: first?.line,
      column: first?.column,
      field: first?.field,
      issues: this.issues,
    })
  }

  async load(file: string, overrides: Record<string, string>): Promise<CallScript | undefined> {
    const located = await this.read(file)
    if (!located) return undefined
    const parsed = CallScriptSchema.safeParse(located.document.toJS())
    if (!parsed.success) {
      this.addZodIssues(located, parsed.error.issues, located.document.toJS())
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

  private async read(file: string, includedFrom?: { located: LocatedDocument; path: PropertyKey[] }): Promise<LocatedDocument | undefined> {
    let source: string
    try {
      source = await readFile(file, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (includedFrom) this.add(includedFrom.located, includedFrom.path, `partial script not found: ${displayPath(file)} (${code}); expected a path relative to this file`)
      else {
        this.notFound = true
        this.issues.push({ file, line: 1, column: 1, field: '(file)', message: `cannot read call script (${code}); expected an existing YAML file` })
      }
      return undefined
    }
    const located = parseLocatedDocument(file, source)
    for (const yamlError of located.document.errors) {
      const position = located.lineCounter.linePos(yamlError.pos[0])
      this.issues.push({ file, line: position.line, column: position.col, field: '(yaml)', message: `YAML syntax error: ${yamlError.message.split('\n')[0]}` })
    }
    if (located.document.errors.length > 0) return undefined
    const data: unknown = located.document.toJS()
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      this.issues.push({ file, line: 1, column: 1, field: '(top level)', message: 'expected a YAML mapping with at least `turns:`' })
      return undefined
    }
    return located
  }

  private async expand(turns: TurnInput[], located: LocatedDocument, variables: Record<string, string>, stack: string[], prefix: PropertyKey[]): Promise<ScriptTurn[]> {
    const result: ScriptTurn[] = []
    for (const [index, turn] of turns.entries()) {
      const path = [...prefix, index]
      if ('include' in turn) {
        const withValues = this.substitute(located, stringifyValues(turn.with ?? {}), variables, [...path, 'with'])
        const partialFile = resolve(dirname(located.file), turn.include)
        if (stack.includes(partialFile) || stack.length > MAX_INCLUDE_DEPTH) {
          this.add(located, [...path, 'include'], `include cycle: ${[...stack, partialFile].map(displayPath).join(' → ')}; expected partials not to include themselves`)
          continue
        }
        const partialLocated = await this.read(partialFile, { located, path: [...path, 'include'] })
        if (!partialLocated) continue
        const parsed = PartialScriptSchema.safeParse(partialLocated.document.toJS())
        if (!parsed.success) {
          this.addZodIssues(partialLocated, parsed.error.issues, partialLocated.document.toJS())
          continue
        }
        const scope = { ...stringifyValues(parsed.data.variables ?? {}), ...variables, ...(withValues ?? {}) }
        result.push(...(await this.expand(parsed.data.turns, partialLocated, scope, [...stack, partialFile], ['turns'])))
        continue
      }
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
        this.issues.push({ file: turn.source.file, line: turn.source.line, column: 1, field: `turns (expanded turn ${index + 1})`, message: 'turns after `hangup` would never run; expected hangup to be the last turn' })
      }
      const previous = turns[index - 1]
      if (turn.action.kind === 'barge-in' && (previous ? previous.action.kind === 'hangup' || previous.action.kind === 'silence' : !greeting)) {
        this.issues.push({ file: turn.source.file, line: turn.source.line, column: 1, field: `turns (expanded turn ${index + 1})`, message: 'bargeIn interrupts the reply to the previous turn; expected it after a say/dtmf turn (or the greeting)' })
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
    for (const issue of describeZodIssues(issues, input)) this.addIssue(located, issue)
  }

  private addIssue(located: LocatedDocument, issue: ScriptIssue): void {
    const position = locatePath(located, issue.path, issue.key)
    const field = formatFieldPath(issue.key === undefined ? issue.path : [...issue.path, issue.key])
    this.issues.push({ file: located.file, line: position.line, column: position.column, field, message: issue.message })
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
  return { kind: 'hangup' }
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
