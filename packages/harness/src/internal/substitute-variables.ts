const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g

/** Thrown by `substituteVariables`; the loader adds file, line and field. */
export class UnknownVariableError extends Error {
  readonly variable: string
  /** Path inside the value that was being substituted. */
  readonly path: PropertyKey[]
  constructor(variable: string, path: PropertyKey[], known: string[]) {
    super(`unknown variable {{${variable}}}; expected one of: ${known.length ? known.join(', ') : '(no variables defined)'}`)
    this.variable = variable
    this.path = path
  }
}

/** Replaces `{{name}}` in every string of `value` (deeply); unknown names throw. */
export function substituteVariables<T>(value: T, variables: Record<string, string>, path: PropertyKey[] = []): T {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (_match, name: string) => {
      // Own properties only: {{constructor}} or {{__proto__}} is an unknown variable, not a JavaScript builtin.
      const replacement = Object.hasOwn(variables, name) ? variables[name] : undefined
      if (replacement === undefined) throw new UnknownVariableError(name, path, Object.keys(variables))
      return replacement
    }) as T
  }
  if (Array.isArray(value)) return value.map((item, index) => substituteVariables(item, variables, [...path, index])) as T
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) result[key] = substituteVariables(item, variables, [...path, key])
    return result as T
  }
  return value
}
