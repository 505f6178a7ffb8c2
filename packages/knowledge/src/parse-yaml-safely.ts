import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml'

/** A YAML problem with its position: what every loader turns into its own located error. */
export class YamlProblem extends Error {
  override readonly name = 'YamlProblem'
  /** 1-based line and column. */
  readonly line: number
  readonly column: number
  /** The duplicated key, for a duplicate-key problem. */
  readonly key: string | undefined

  constructor(message: string, line: number, column: number, options: { cause?: unknown; key?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.line = line
    this.column = column
    this.key = options.key
  }
}

export interface ParsedYaml {
  document: Document
  lineCounter: LineCounter
  data: unknown
}

/** Most alias uses (`*name`) one input may have: stops "billion laughs" expansion. */
export const MAX_YAML_ALIAS_COUNT = 100

/**
 * Parses YAML text for a loader, so that no input can crash or stall it: every problem is a
 * `YamlProblem` with line and column, never a raw exception. Syntax errors; a list or mapping
 * used as a key (`? [a]`); a key twice in one
 * mapping (found with a Set per mapping: linear, where yaml's own `uniqueKeys` check is
 * quadratic, 68 s for 40,000 keys); an alias to an anchor not defined before it, aliasing
 * beyond `MAX_YAML_ALIAS_COUNT` and bad merge keys (`<<`), which yaml throws from `toJS`.
 * @throws YamlProblem
 * @example
 * const { data } = parseYamlSafely(text) // then validate `data` with the loader's schema
 */
export function parseYamlSafely(text: string, options: ParseOptions & DocumentOptions & SchemaOptions = {}): ParsedYaml {
  const lineCounter = new LineCounter()
  let document: Document
  try {
    document = parseDocument(text, { prettyErrors: false, ...options, lineCounter, uniqueKeys: false })
  } catch (error) {
    throw new YamlProblem(`YAML could not be parsed (${firstLine(error)})`, 1, 1, { cause: error })
  }
  const [syntax] = document.errors
  if (syntax) {
    const position = lineCounter.linePos(syntax.pos[0])
    throw new YamlProblem(`not valid YAML: ${firstLine(syntax).replace(/ at line \d+, column \d+:?$/u, '')}`, position.line, position.col, { cause: syntax })
  }
  checkKeys(document, lineCounter)
  try {
    return { document, lineCounter, data: document.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT }) as unknown }
  } catch (error) {
    const message = firstLine(error)
    const [line, column] = aliasPosition(document, lineCounter, /: (\S+)$/u.exec(message)?.[1])
    throw new YamlProblem(`YAML aliases: ${message}; expected anchors (&name) before their aliases (*name), merge keys (<<) naming mappings, and at most ${MAX_YAML_ALIAS_COUNT} alias uses`, line, column, { cause: error })
  }
}

function firstLine(error: unknown): string {
  return ((error as Error).message ?? String(error)).split('\n')[0] ?? ''
}

/** Each key once per mapping, and every key a plain value (yaml would stringify a list or mapping key with a warning on stderr). */
function checkKeys(document: Document, lineCounter: LineCounter): void {
  const stack: unknown[] = [document.contents]
  while (stack.length > 0) {
    const node = stack.pop()
    if (isSeq(node)) stack.push(...node.items)
    if (!isMap(node)) continue
    const seen = new Set<string>()
    for (const pair of node.items) {
      if (isMap(pair.key) || isSeq(pair.key)) {
        const position = lineCounter.linePos(pair.key.range?.[0] ?? 0)
        throw new YamlProblem(`a ${isMap(pair.key) ? 'mapping' : 'list'} used as a key; expected keys that are plain words or numbers`, position.line, position.col)
      }
      if (isScalar(pair.key)) {
        const key = String(pair.key.value)
        if (seen.has(key)) {
          const position = lineCounter.linePos(pair.key.range?.[0] ?? 0)
          throw new YamlProblem(`duplicate key "${key}"; expected each key once in a mapping`, position.line, position.col, { key })
        }
        seen.add(key)
      }
      stack.push(pair.value)
    }
  }
}

/** The alias named in yaml's message, else the first alias, in document order. */
function aliasPosition(document: Document, lineCounter: LineCounter, name: string | undefined): [number, number] {
  const stack: unknown[] = [document.contents]
  while (stack.length > 0) {
    const node = stack.pop()
    if (isAlias(node) && (name === undefined || node.source === name)) {
      const position = lineCounter.linePos(node.range?.[0] ?? 0)
      return [position.line, position.col]
    }
    if (isSeq(node)) for (let index = node.items.length - 1; index >= 0; index--) stack.push(node.items[index])
    if (isMap(node)) for (let index = node.items.length - 1; index >= 0; index--) stack.push(node.items[index]!.value, node.items[index]!.key)
  }
  return [1, 1]
}
