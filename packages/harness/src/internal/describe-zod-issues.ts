import type { z } from 'zod'
import { TURN_ACTION_KEYS } from '../call-script-schema.ts'
import { CallExpectationsSchema, CallScriptSchema, TurnExpectationsSchema } from '../call-script-schema.ts'
import { BargeInTurnSchema, DtmfTurnSchema, HangupTurnSchema, IncludeTurnSchema, SayTurnSchema, SilenceTurnSchema } from '../call-script-schema.ts'
import { valueAt } from './value-at.ts'

/** One problem in a script: where (path) and what is expected. */
export interface ScriptIssue {
  path: PropertyKey[]
  /** Set for unknown fields: the offending key. */
  key?: string
  message: string
}

const TURN_OPTION_SCHEMAS: Record<(typeof TURN_ACTION_KEYS)[number], z.ZodType> = {
  say: SayTurnSchema,
  dtmf: DtmfTurnSchema,
  silenceMs: SilenceTurnSchema,
  bargeIn: BargeInTurnSchema,
  hangup: HangupTurnSchema,
  include: IncludeTurnSchema,
}

/**
 * Turns zod issues into messages that say what is expected. A turn that matches none of
 * the turn shapes is re-validated against the shape its action key selects, so the user
 * sees "turns[2].dtmf: expected only DTMF keys" instead of "invalid input".
 */
export function describeZodIssues(issues: readonly z.core.$ZodIssue[], input: unknown, prefix: PropertyKey[] = []): ScriptIssue[] {
  const result: ScriptIssue[] = []
  for (const issue of issues) {
    const path = [...prefix, ...issue.path]
    const value = valueAt(input, issue.path)
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const allowed = allowedKeys(value, path)
        result.push({ path, key, message: `unknown field "${key}"${allowed ? `; expected one of: ${allowed}` : ''}` })
      }
    } else if (issue.code === 'invalid_union' && isPlainObject(value) && looksLikeTurn(issue.path)) {
      result.push(...describeTurn(value, path))
    } else if (issue.code === 'invalid_union') {
      result.push({ path, message: `expected a turn with exactly one of: ${TURN_ACTION_KEYS.join(', ')}; got ${describeValue(value)}` })
    } else if (issue.code === 'invalid_type' && value === undefined) {
      result.push({ path, message: `missing required field; ${issue.message}` })
    } else {
      result.push({ path, message: `${issue.message}; got ${describeValue(value)}` })
    }
  }
  return result
}

function describeTurn(turn: Record<string, unknown>, path: PropertyKey[]): ScriptIssue[] {
  const actions = TURN_ACTION_KEYS.filter((key) => key in turn)
  if (actions.length !== 1) {
    const got = actions.length === 0 ? `none (fields: ${Object.keys(turn).join(', ') || 'empty'})` : actions.join(' and ')
    return [{ path, message: `expected exactly one caller action (${TURN_ACTION_KEYS.join(', ')}) in a turn; got ${got}` }]
  }
  const schema = TURN_OPTION_SCHEMAS[actions[0]!]
  const parsed = schema.safeParse(turn)
  if (parsed.success) return [{ path, message: 'invalid turn' }]
  return describeZodIssues(parsed.error.issues, turn, path)
}

function looksLikeTurn(path: readonly PropertyKey[]): boolean {
  return path.length >= 2 && path[path.length - 2] === 'turns' && typeof path[path.length - 1] === 'number'
}

function allowedKeys(value: unknown, path: readonly PropertyKey[]): string | undefined {
  if (!isPlainObject(value)) return undefined
  if (path[path.length - 1] === 'expect') {
    const schema = path.length === 1 ? CallExpectationsSchema : TurnExpectationsSchema
    return Object.keys(schema.shape).join(', ')
  }
  if (path.length === 0) return Object.keys(CallScriptSchema.shape).join(', ')
  const action = TURN_ACTION_KEYS.find((key) => key in value)
  if (!action) return undefined
  const shape = (TURN_OPTION_SCHEMAS[action] as unknown as { shape?: Record<string, unknown> }).shape
  return shape ? Object.keys(shape).join(', ') : undefined
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  const text = JSON.stringify(value)
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`
}
