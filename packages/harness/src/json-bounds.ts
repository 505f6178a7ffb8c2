import { RECORD_LIMITS } from './record-limits.ts'

/** Depth and size bounds for a JSON value. */
export interface JsonBounds {
  /** Deepest nesting (a scalar at the top is depth 0). Default `RECORD_LIMITS.maxJsonDepth`. */
  maxDepth?: number
  /** Most values in total. Default `RECORD_LIMITS.maxJsonNodes`. */
  maxNodes?: number
  /** Longest string (characters). Default `RECORD_LIMITS.maxTextChars`. */
  maxStringChars?: number
}

/**
 * Walks a parsed JSON value iteratively (no recursion, so no stack overflow however deep it
 * is) and says where it first breaks a bound, e.g. `a.b[3]: nested deeper than 32 levels`;
 * `undefined` when it holds. Stops at the first violation: the work is bounded by `maxNodes`.
 * @example
 * const problem = checkJsonBounds(JSON.parse(frame)) // before recursing into it anywhere
 */
export function checkJsonBounds(value: unknown, bounds: JsonBounds = {}): string | undefined {
  const maxDepth = bounds.maxDepth ?? RECORD_LIMITS.maxJsonDepth
  const maxNodes = bounds.maxNodes ?? RECORD_LIMITS.maxJsonNodes
  const maxStringChars = bounds.maxStringChars ?? RECORD_LIMITS.maxTextChars
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value, depth: 0, path: '' }]
  let nodes = 0
  while (stack.length > 0) {
    const item = stack.pop()!
    nodes += 1
    const where = item.path || '(value)'
    if (nodes > maxNodes) return `${where}: more than ${maxNodes} values`
    if (typeof item.value === 'string' && item.value.length > maxStringChars) return `${where}: a string longer than ${maxStringChars} characters`
    if (item.value === null || typeof item.value !== 'object') continue
    if (item.depth >= maxDepth) return `${where}: nested deeper than ${maxDepth} levels`
    const size = Array.isArray(item.value) ? item.value.length : Object.keys(item.value).length
    if (nodes + stack.length + size > maxNodes) return `${where}: more than ${maxNodes} values`
    if (Array.isArray(item.value)) {
      for (let index = item.value.length - 1; index >= 0; index--) stack.push({ value: item.value[index], depth: item.depth + 1, path: `${item.path}[${index}]` })
    } else {
      const keys = Object.keys(item.value)
      for (let index = keys.length - 1; index >= 0; index--) {
        const key = keys[index]!
        stack.push({ value: (item.value as Record<string, unknown>)[key], depth: item.depth + 1, path: item.path ? `${item.path}.${key}` : key })
      }
    }
  }
  return undefined
}
