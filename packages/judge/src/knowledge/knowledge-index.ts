import { keySlot, type AmountSlot } from '../claims/amount-slot.ts'
import { tierNotice } from '../grounding/advance-notice.ts'
import type { Claim, Currency } from '../claims/claim.ts'
import { COUNT_UNIT_NAMES, countUnit } from '../claims/count-unit.ts'
import { extractClaims } from '../claims/extract-claims.ts'
import { contentWords, normalizeText, stemWord } from '../internal/normalize-text.ts'
import { keyTerms, resolveVocabulary, subjectTerms, withKnowledgeWords, type ResolvedVocabulary } from '../grounding/subject-terms.ts'
import type { Vocabulary } from '../grounding/validate-vocabulary.ts'
import { normalizeSpokenForms } from '../internal/normalize-spoken-forms.ts'
import { countedKeyDuration, keyBound, numberedKeyDurations } from './key-durations.ts'
import { sentenceEntries } from './sentence-entries.ts'
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
  /** All of the above terms together. */
  terms: Set<string>
  claims: Claim[]
  /** `path words: value`, the sentence statements are compared with. */
  sentence: string
  /** `value` and `sentence` normalised (NFKC, lower case), and the sentence's stemmed content words. */
  normalizedValue: string
  normalizedSentence: string
  sentenceStems: string[]
  /** A price's tier: the durations and days its keys or its line say it with (see amountSlot). */
  slot?: AmountSlot
  /** A share's tier in a policy by notice: the days before it starts ("from 2 days before 20%" → 2; see tierNotice). */
  notice?: number
}

export interface KnowledgeIndex {
  entries: KnowledgeEntry[]
  /** Everything the knowledge says, normalised, for name and phrase look-ups. */
  haystack: string
  /** Stemmed content words of the whole knowledge (free-text answers must use only these or the question's). */
  contentStems: Set<string>
  /** Every subject term of every entry (a reply word that means one of them is not new). */
  knownTerms: Set<string>
  structured: boolean
  /** Non-empty lines of free-text knowledge (a knowledge base: its entries). */
  lines: number
  /** The general vocabulary, the knowledge base's `vocabulary` section and the caller's option, for reading subjects. */
  vocabulary: ResolvedVocabulary
  base?: KnowledgeBase
}

const WEEKDAY_KEYS: Record<string, number[]> = {
  sunday: [0], monday: [1], tuesday: [2], wednesday: [3], thursday: [4], friday: [5], saturday: [6], holiday: [7], holidays: [7],
  // `hours.weekdays: 09:00-18:00`, `hours.weekends: closed`: a key for several days states each of them.
  weekday: [1, 2, 3, 4, 5], weekdays: [1, 2, 3, 4, 5], weekend: [6, 0], weekends: [6, 0],
}

const CURRENCY_KEYS: Array<[RegExp, Currency]> = [
  [/(?:^|_)(?:yen|jpy)(?:_|$)/u, 'JPY'],
  [/(?:^|_)(?:usd|dollars?)(?:_|$)/u, 'USD'],
  [/(?:^|_)(?:eur|euros?)(?:_|$)/u, 'EUR'],
  [/(?:^|_)(?:gbp|pounds?)(?:_|$)/u, 'GBP'],
]

/** A key that names closing days (`closed: Mondays`, `closing_days`, `regular_holiday`, `定休日`) or opening days (`open_days`). */
const CLOSED_KEY = /(?:^|_)(?:closed|closing_days?|days_off|off_days|regular_holidays?|定休日?|休業日|休診日|休館日)(?:_|$)/u
const OPEN_KEY = /(?:^|_)(?:open_days|days_open|opening_days|営業日|診療日)(?:_|$)/u

/** The days a leaf key names: `saturday`, `weekdays`, `every_day`, `monday_to_saturday`, `tuesday_and_thursday`. */
export function keyDays(key: string): number[] | undefined {
  const lower = key.toLowerCase()
  const single = WEEKDAY_KEYS[lower]
  if (single !== undefined) return [...single]
  const words = lower.replace(/[_-]+/gu, ' ')
  const said = extractClaims(words)
  // Every word must be a day or a joiner: `standard_room_sunday_to_friday` is a room's price, not a day's.
  const rest = said.reduceRight((left, claim) => left.slice(0, claim.start) + left.slice(claim.end), words)
  if (said.length === 0 || said.some((claim) => claim.value.kind !== 'weekday') || !/^(?:\s|and|or|to|through)*$/u.test(rest)) return undefined
  return [...new Set(said.flatMap((claim) => (claim.value.kind === 'weekday' ? claim.value.days : [])))]
}

function typedLeafClaims(path: string[], value: FactValue): Claim[] {
  const text = String(value)
  const lowerKey = path.join('_').toLowerCase()
  const days = keyDays(path.at(-1) ?? '')
  const claims = extractClaims(text).filter((claim) => claim.type !== 'name')
  // `cancellation.free_until: 3 days before arrival`: the key says which side of the offset its value is.
  for (const claim of claims) if (claim.value.kind === 'duration' && claim.value.offset && claim.value.limit === undefined) Object.assign(claim.value, keyBound(lowerKey))
  if (days !== undefined) {
    const closed = /closed|休/iu.test(text)
    claims.push({ text, type: 'weekday', value: { kind: 'weekday', days, status: closed ? 'closed' : 'open' }, start: 0, end: text.length })
  }
  // `restaurant.closed: Mondays`: the key says the days of its value are closing days.
  const keyStatus = CLOSED_KEY.test(lowerKey) ? 'closed' : OPEN_KEY.test(lowerKey) ? 'open' : undefined
  if (keyStatus) for (const claim of claims) if (claim.value.kind === 'weekday' && claim.value.status === 'neutral') claim.value.status = keyStatus
  const numeric = typeof value === 'number' ? value : /^\d[\d,]*(?:\.\d+)?$/u.test(text) ? Number(text.replace(/,/gu, '')) : undefined
  if (numeric === undefined) return claims
  const base = { text, start: 0, end: text.length }
  const currency = CURRENCY_KEYS.find(([pattern]) => pattern.test(lowerKey))?.[1]
  // `personal_training.30_minutes_yen: 4000`, `from_2_days_before_percent: 20`: the keys also state the duration the value is for.
  const qualifiers = numberedKeyDurations(path, text)
  if (currency) return [{ ...base, type: 'price', value: { kind: 'money', amount: numeric, currency } }, ...qualifiers]
  // A price key that names no currency (`prices.cleaning: 50`) says nothing about the currency.
  if (/(?:^|_)(?:prices?|fees?|costs?|charges?)(?:_|$)/u.test(lowerKey)) return [{ ...base, type: 'price', value: { kind: 'money', amount: numeric } }, ...qualifiers]
  const counted = countedKeyDuration(path.at(-1) ?? '', numeric, text)
  if (counted) {
    // `parking.free_minutes: 30`: the key also says those minutes cost nothing.
    const free: Claim[] = /(?:^|_)free(?:_|$)/u.test(lowerKey) ? [{ ...base, type: 'price', value: { kind: 'money', amount: 0 } }] : []
    return [counted, ...free]
  }
  // `minimum_age: 16`, `family_suite.max_guests: 4`, `parking.spaces: 12`: the key says what the number counts and whether it is a limit.
  const limit = /(?:^|_)(?:max|maximum|up_to)(?:_|$)/u.test(lowerKey) ? 'max' : /(?:^|_)(?:min|minimum|at_least)(?:_|$)/u.test(lowerKey) ? 'min' : undefined
  const unit = /(?:^|_)age(?:_|$)/u.test(lowerKey) ? 'age' : keyCountUnit(path)
  const number: Claim['value'] = { kind: 'number', value: numeric, ...(unit ? { unit } : {}), ...(limit ? { limit } : {}) }
  return [{ ...base, type: unit ? 'count' : 'number', value: number }, ...qualifiers]
}

/** The count unit a fact's key names (`spaces`, `max_guests`, `rooms.total`), nearest the leaf first. */
function keyCountUnit(path: string[]): string | undefined {
  for (const part of path.flatMap((segment) => segment.toLowerCase().split(/[_\-\s]+/u)).reverse()) {
    const unit = countUnit(part)
    if (COUNT_UNIT_NAMES.has(unit)) return unit
  }
  return undefined
}

function entry(fields: Omit<KnowledgeEntry, 'terms' | 'normalizedValue' | 'normalizedSentence' | 'sentenceStems'>): KnowledgeEntry {
  return {
    ...fields,
    terms: new Set([...fields.leafTerms, ...fields.parentTerms, ...fields.valueTerms]),
    normalizedValue: normalizeText(fields.value),
    normalizedSentence: normalizeText(fields.sentence),
    sentenceStems: contentWords(fields.sentence).map(stemWord),
  }
}

/** `cancellation.from_2_days_before_percent: 20`, `same_day_percent: 50`: a share's notice, from its key words or its value. */
function factNotice(keys: string[], value: string, claims: readonly Claim[]): { notice?: number } {
  const share = claims.some((claim) => claim.value.kind === 'number' && claim.value.unit === '%') || /(?:^|_)percent(?:age)?(?:_|$)/u.test(keys.at(-1) ?? '')
  if (!share) return {}
  const notice = tierNotice((keys.at(-1) ?? '').replace(/_/gu, ' ')) ?? tierNotice(value)
  return notice === undefined ? {} : { notice }
}

function factEntry(keys: string[], leaf: FactValue, vocabulary: ResolvedVocabulary): KnowledgeEntry {
  const value = String(leaf)
  const parentTerms = new Set<string>()
  for (const segment of keys.slice(0, -1)) for (const term of keyTerms(segment, vocabulary)) parentTerms.add(term)
  const claims = typedLeafClaims(keys, leaf)
  return entry({
    path: `facts.${keys.join('.')}`,
    value,
    kind: 'fact',
    leafTerms: keyTerms(keys.at(-1) ?? '', vocabulary),
    parentTerms,
    valueTerms: subjectTerms(value, vocabulary),
    claims,
    sentence: `${keys.join(' ').replace(/_/gu, ' ')}: ${value}`,
    ...(claims.some((claim) => claim.type === 'price') ? { slot: keySlot(keys) } : {}),
    ...factNotice(keys, value, claims),
  })
}

/** Splits free text into sentences (English and Japanese punctuation); the point of a title ("Dr. Kawai", "Ms. Mori") ends none. */
export function splitSentences(text: string): string[] {
  return text
    .replace(/([.!?])(?=[A-Z"“])/gu, '$1 ')
    .split(/(?<!\b(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.)(?<=[.!?。！？])\s+|(?<=[。！？])|\n+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0)
}


/** Stemmed content words of the knowledge, read through the spoken-forms normaliser like replies are. */
function contentStemsOf(haystack: string): Set<string> {
  return new Set([...contentWords(haystack), ...contentWords(normalizeSpokenForms(haystack))].map(stemWord))
}

/** Every entry's terms, plus the kind of each value it states (a price is about `price`, a clock time about `hours`). */
function termsOf(entries: KnowledgeEntry[]): Set<string> {
  const terms = new Set<string>()
  for (const item of entries) {
    for (const term of item.terms) terms.add(term)
    for (const claim of item.claims) {
      if (claim.type === 'price') terms.add('price')
      if (claim.type === 'time' || claim.type === 'time-range') terms.add('hours')
    }
  }
  return terms
}

const NO_VOCABULARY: Vocabulary = {}
const cache = new WeakMap<KnowledgeBase, WeakMap<Vocabulary, KnowledgeIndex>>()
const textCache = new Map<string, WeakMap<Vocabulary, KnowledgeIndex>>()
const MAX_CACHED_TEXTS = 256

/** The words of a knowledge base as text (fact keys, values, policies, its vocabulary section): what a Japanese reply may name in English. */
function wordsOf(knowledge: KnowledgeBase): string {
  const facts = flattenFacts(knowledge.facts).map((fact) => `${fact.keys.join(' ').replace(/_/gu, ' ')} ${String(fact.value)}`)
  const vocabulary = Object.entries(knowledge.vocabulary ?? {}).map(([term, words]) => `${term.replace(/_/gu, ' ')} ${words.join(' ')}`)
  return [...facts, ...knowledge.policies, ...vocabulary].join('\n')
}

function buildIndex(knowledge: KnowledgeBase | string, baseVocabulary: ResolvedVocabulary): KnowledgeIndex {
  const vocabulary = withKnowledgeWords(baseVocabulary, typeof knowledge === 'string' ? knowledge : wordsOf(knowledge))
  if (typeof knowledge === 'string') {
    const entries = splitSentences(knowledge).flatMap((sentence, index) => sentenceEntries('text', `text[${index}]`, sentence, vocabulary).map(entry))
    const haystack = normalizeText(knowledge)
    const lines = knowledge.split('\n').filter((line) => line.trim() !== '').length
    return { entries, haystack, contentStems: contentStemsOf(haystack), knownTerms: termsOf(entries), structured: false, lines, vocabulary }
  }
  const entries = flattenFacts(knowledge.facts).map((fact) => factEntry(fact.keys, fact.value, vocabulary))
  knowledge.policies.forEach((policy, index) => entries.push(...sentenceEntries('policy', `policies[${index}]`, policy, vocabulary).map(entry)))
  const haystack = normalizeText(entries.map((item) => item.sentence).join('\n'))
  return { entries, haystack, contentStems: contentStemsOf(haystack), knownTerms: termsOf(entries), structured: true, lines: entries.length, vocabulary, base: knowledge }
}

/**
 * Indexes a knowledge base (or free-text knowledge) for grounding: facts are flattened to
 * `facts.path: value` entries with typed values (a number under `prices_yen` is a price in
 * yen, under `slot_minutes` a duration), policies and free text are split into sentences,
 * and every entry's subject terms, claims and normalised text are computed once. Subjects are
 * read with the general vocabulary, extended by the knowledge base's `vocabulary` section,
 * extended by `vocabulary` (the option). Cached per knowledge-base object (WeakMap) or text,
 * and per vocabulary object: judging the turns of many calls against one knowledge base
 * indexes it (and merges its vocabulary) once.
 */
export function indexKnowledge(knowledge: KnowledgeBase | string, vocabulary?: Vocabulary): KnowledgeIndex {
  const vocabularyKey = vocabulary ?? NO_VOCABULARY
  let byVocabulary = typeof knowledge === 'string' ? textCache.get(knowledge) : cache.get(knowledge)
  const cached = byVocabulary?.get(vocabularyKey)
  if (cached) return cached
  if (!byVocabulary) {
    byVocabulary = new WeakMap()
    if (typeof knowledge === 'string') {
      if (textCache.size >= MAX_CACHED_TEXTS) textCache.clear()
      textCache.set(knowledge, byVocabulary)
    } else {
      cache.set(knowledge, byVocabulary)
    }
  }
  const index = buildIndex(knowledge, resolveVocabulary(vocabulary, typeof knowledge === 'string' ? undefined : knowledge.vocabulary))
  byVocabulary.set(vocabularyKey, index)
  return index
}
