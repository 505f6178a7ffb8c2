import type { Claim } from '../claims/claim.ts'
import { extractClaims } from '../claims/extract-claims.ts'
import { normalizeText } from '../internal/normalize-text.ts'
import { keyTerms, subjectTerms } from '../grounding/subject-terms.ts'
import { flattenFacts, type FactValue, type KnowledgeBase } from '@voxguard/knowledge'

/** One fact or policy sentence, with what it is about and the values it states. */
export interface KnowledgeEntry {
  /** `facts.hours.saturday`, `policies[2]`, or `text[4]` (sentence of free-text knowledge). */
  path: string
  value: string
  kind: 'fact' | 'policy' | 'text'
  /** Terms of the leaf key (strongest relation), the parent keys, and the value's own words. */
  leafTerms: Set<string>
  parentTerms: Set<string>
  valueTerms: Set<string>
  claims: Claim[]
  /** `path words: value`, the sentence statements are compared with. */
  sentence: string
}

export interface KnowledgeIndex {
  entries: KnowledgeEntry[]
  /** Everything the knowledge says, normalised, for name and phrase look-ups. */
  haystack: string
  structured: boolean
  base?: KnowledgeBase
}

const WEEKDAY_KEYS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, holiday: 7, holidays: 7 }

function typedLeafClaims(path: string[], value: FactValue): Claim[] {
  const text = String(value)
  const lowerKey = path.join('_').toLowerCase()
  const weekday = WEEKDAY_KEYS[(path.at(-1) ?? '').toLowerCase()]
  const claims = extractClaims(text).filter((claim) => claim.type !== 'name')
  if (weekday !== undefined) {
    const closed = /closed|休/iu.test(text)
    claims.push({ text, type: 'weekday', value: { kind: 'weekday', days: [weekday], status: closed ? 'closed' : 'open' }, start: 0, end: text.length })
  }
  const numeric = typeof value === 'number' ? value : /^\d[\d,]*(?:\.\d+)?$/u.test(text) ? Number(text.replace(/,/gu, '')) : undefined
  if (numeric === undefined) return claims
  const base = { text, start: 0, end: text.length }
  if (/(?:^|_)(?:yen|jpy|price|prices|fee|cost)(?:_|$)/u.test(lowerKey)) return [{ ...base, type: 'price', value: { kind: 'money', amount: numeric, currency: 'JPY' } }]
  if (/(?:^|_)(?:usd|dollars?)(?:_|$)/u.test(lowerKey)) return [{ ...base, type: 'price', value: { kind: 'money', amount: numeric, currency: 'USD' } }]
  const unit = /(?:^|_)(minutes?|hours?|days?|weeks?)$/u.exec(lowerKey)?.[1]
  if (unit) {
    const factor = unit.startsWith('minute') ? 1 : unit.startsWith('hour') ? 60 : unit.startsWith('day') ? 1440 : 10080
    return [{ ...base, type: 'duration', value: { kind: 'duration', minutes: numeric * factor } }]
  }
  if (/(?:^|_)age(?:_|$)/u.test(lowerKey)) return [{ ...base, type: 'count', value: { kind: 'number', value: numeric, unit: 'age' } }]
  return [{ ...base, type: 'number', value: { kind: 'number', value: numeric } }]
}

function factEntry(keys: string[], leaf: FactValue): KnowledgeEntry {
  const value = String(leaf)
  const parentTerms = new Set<string>()
  for (const segment of keys.slice(0, -1)) for (const term of keyTerms(segment)) parentTerms.add(term)
  return {
    path: `facts.${keys.join('.')}`,
    value,
    kind: 'fact',
    leafTerms: keyTerms(keys.at(-1) ?? ''),
    parentTerms,
    valueTerms: subjectTerms(value),
    claims: typedLeafClaims(keys, leaf),
    sentence: `${keys.join(' ').replace(/_/gu, ' ')}: ${value}`,
  }
}

/** Splits free text into sentences (English and Japanese punctuation). */
export function splitSentences(text: string): string[] {
  return text
    .replace(/([.!?])(?=[A-Z"“])/gu, '$1 ')
    .split(/(?<=[.!?。！？])\s+|(?<=[。！？])|\n+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0)
}

function sentenceEntry(kind: 'policy' | 'text', path: string, sentence: string): KnowledgeEntry {
  return { path, value: sentence, kind, leafTerms: new Set(), parentTerms: new Set(), valueTerms: subjectTerms(sentence), claims: extractClaims(sentence), sentence }
}

const cache = new WeakMap<KnowledgeBase, KnowledgeIndex>()
const textCache = new Map<string, KnowledgeIndex>()

/**
 * Indexes a knowledge base (or free-text knowledge) for grounding: facts are flattened to
 * `facts.path: value` entries with typed values (a number under `prices_yen` is a price in
 * yen, under `slot_minutes` a duration), policies and free text are split into sentences.
 * Results are cached per knowledge-base object and per text.
 */
export function indexKnowledge(knowledge: KnowledgeBase | string): KnowledgeIndex {
  if (typeof knowledge === 'string') {
    const cached = textCache.get(knowledge)
    if (cached) return cached
    const entries = splitSentences(knowledge).map((sentence, index) => sentenceEntry('text', `text[${index}]`, sentence))
    const index: KnowledgeIndex = { entries, haystack: normalizeText(knowledge), structured: false }
    if (textCache.size > 256) textCache.clear()
    textCache.set(knowledge, index)
    return index
  }
  const cached = cache.get(knowledge)
  if (cached) return cached
  const entries = flattenFacts(knowledge.facts).map((fact) => factEntry(fact.keys, fact.value))
  knowledge.policies.forEach((policy, index) => entries.push(sentenceEntry('policy', `policies[${index}]`, policy)))
  const haystack = normalizeText(entries.map((entry) => entry.sentence).join('\n'))
  const index: KnowledgeIndex = { entries, haystack, structured: true, base: knowledge }
  cache.set(knowledge, index)
  return index
}
