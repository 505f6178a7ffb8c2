import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml'
import type { Document, Node } from 'yaml'

/** A parsed YAML file that can tell on which line a field path sits. */
export interface LocatedDocument {
  file: string
  document: Document
  lineCounter: LineCounter
}

export interface SourcePosition {
  line: number
  column: number
}

export function parseLocatedDocument(file: string, source: string): LocatedDocument {
  const lineCounter = new LineCounter()
  const document = parseDocument(source, { keepSourceTokens: true, lineCounter, prettyErrors: false, uniqueKeys: false })
  return { file, document, lineCounter }
}

/**
 * The line and column of `path` in the document; when the path does not exist (a missing
 * field), the position of the deepest existing parent. With `key`, the key of that
 * mapping entry (for unknown fields).
 */
export function locatePath(located: LocatedDocument, path: ReadonlyArray<PropertyKey>, key?: string): SourcePosition {
  let node: unknown = located.document.contents
  let offset = rangeStart(node) ?? 0
  const segments: PropertyKey[] = key === undefined ? [...path] : [...path, key]
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]
    const isLast = index === segments.length - 1
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment))
      if (!pair) break
      const target = key !== undefined && isLast ? pair.key : (pair.value ?? pair.key)
      node = target
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment]
      if (item === undefined) break
      node = item
    } else {
      break
    }
    offset = rangeStart(node) ?? offset
  }
  const position = located.lineCounter.linePos(offset)
  return { line: position.line, column: position.col }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range
  return range ? range[0] : undefined
}

/** `turns[2].expect.saysAny` from `['turns', 2, 'expect', 'saysAny']`. */
export function formatFieldPath(path: ReadonlyArray<PropertyKey>): string {
  let text = ''
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`
    else text += text === '' ? String(segment) : `.${String(segment)}`
  }
  return text === '' ? '(top level)' : text
}
