import type { Claim } from '../claims/claim.ts'
import type { KnowledgeEntry, KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import type { ClaimEvidence } from './claim-check.ts'

/**
 * Words that say an amount was worked out from others, a closed class of arithmetic words:
 * totals ("comes to", "in total", "plus", 合計, 加わって, 合わせて) and differences ("more than",
 * "cheaper", "saves", "extra", 高く, 安く, 差額).
 */
const ARITHMETIC_WORDS = /\b(?:total|totals|altogether|in all|comes? to|come out to|works? out|plus|minus|on top|more|less|cheaper|dearer|extra|saves?|saving|difference|higher|lower|for both|both together|for the two|combined)\b|合計|合わせ|全部で|加わ|足し|差額|差し引|高く|安く|高い|安い|お得/iu

/** The most a price is multiplied by: a count of people, rooms or nights a caller names. */
const MAX_FACTOR = 10

const knownPrices = new WeakMap<KnowledgeIndex, Map<number, KnowledgeEntry>>()

/** Every positive price the knowledge states, with the first entry that states it. */
function pricesOf(index: KnowledgeIndex): Map<number, KnowledgeEntry> {
  let prices = knownPrices.get(index)
  if (!prices) {
    prices = new Map()
    for (const entry of index.entries) {
      for (const claim of entry.claims) if (claim.value.kind === 'money' && claim.value.amount > 0 && !prices.has(claim.value.amount)) prices.set(claim.value.amount, entry)
    }
    knownPrices.set(index, prices)
  }
  return prices
}

function amountOf(claim: Claim): number | undefined {
  if (claim.value.kind === 'money') return claim.value.amount
  if ((claim.type === 'number' || claim.type === 'year') && claim.value.kind === 'number' && claim.value.unit !== '%') return claim.value.value
  return undefined
}

/** The claim could be an amount of money: a price, or a bare number (a year-like "2000") in a reply that states prices. */
function isMoneyLike(claim: Claim, claims: readonly Claim[]): boolean {
  if (claim.type === 'price') return claim.value.kind === 'money' && claim.value.amount > 0
  return (claim.type === 'number' || claim.type === 'year') && claims.some((other) => other.type === 'price')
}

/**
 * A price worked out from amounts the reply or the knowledge states, when its sentence says so
 * with an arithmetic word: a sum or difference of two or three of the reply's prices and the
 * knowledge's prices times a count the reply or caller names ("¥38,000 plus the ¥8,000 surcharge
 * comes to ¥46,000", 「大人お二人で44,000円、合計57,000円」), or the difference of two prices the
 * knowledge states of which the reply or the subject names one ("13,200 yen, which is 4,400 more
 * than a sedan", "four thousand yen more than a weekday night"). Returns the evidence (the
 * operands' entry and the sum), or undefined.
 */
export function derivedAmount(claim: Claim, sentence: string, claims: readonly Claim[], counts: readonly number[], index: KnowledgeIndex, terms: Set<string>): ClaimEvidence | undefined {
  const amount = amountOf(claim)
  if (amount === undefined || amount <= 0 || !isMoneyLike(claim, claims) || !ARITHMETIC_WORDS.test(sentence)) return undefined
  const known = pricesOf(index)
  const factors = [1, ...counts.filter((count) => count >= 2 && count <= MAX_FACTOR)]
  // The reply's other prices count only where they are the knowledge's prices or multiples of them: a wrong figure derives nothing.
  const knownBased = (value: number): boolean => known.has(value) || factors.some((factor) => factor > 1 && known.has(value / factor))
  // A bare number in a list of prices is one too ("a checkup is 3,000 yen and a cleaning 5,000").
  const stated = claims
    .filter((other) => other !== claim && (other.type === 'price' || (other.type === 'number' && other.value.kind === 'number' && other.value.unit === undefined)))
    .map(amountOf)
    .filter((value): value is number => value !== undefined && value > 0 && knownBased(value))
  // Operands: the reply's other prices, each possibly times a count, and the knowledge's prices times a count.
  const fromReply = new Map<number, string>()
  for (const value of stated) fromReply.set(value, `${value}`)
  const multiples = new Map<number, string>()
  const bases = new Map<number, number>()
  for (const value of known.keys()) {
    for (const factor of factors.slice(1)) {
      multiples.set(value * factor, `${factor} × ${value}`)
      bases.set(value * factor, value)
    }
  }
  const evidence = (entry: KnowledgeEntry | undefined, sum: string): ClaimEvidence => ({ source: 'knowledge', ...(entry ? { path: entry.path } : {}), value: `${sum} = ${amount}` })
  const firstEntry = (...values: number[]): KnowledgeEntry | undefined => values.map((value) => known.get(value)).find((entry) => entry !== undefined)
  const single = multiples.get(amount)
  if (single !== undefined) return evidence(firstEntry(bases.get(amount) ?? 0), single)
  const operands = new Map([...multiples, ...fromReply])
  for (const [left, leftText] of fromReply) {
    for (const [right, rightText] of operands) {
      if (right === left) continue
      if (left + right === amount) return evidence(firstEntry(left, right), `${leftText} + ${rightText}`)
      if (left - right === amount && right !== amount) return evidence(firstEntry(left, right), `${leftText} − ${rightText}`)
    }
    for (const [right, rightText] of fromReply) {
      for (const [third, thirdText] of fromReply) {
        if (new Set([left, right, third]).size < 3) continue
        if (left + right - third === amount) return evidence(firstEntry(left, right, third), `${leftText} + ${rightText} − ${thirdText}`)
        if (left + right + third === amount) return evidence(firstEntry(left, right, third), `${leftText} + ${rightText} + ${thirdText}`)
      }
    }
  }
  // The difference of two prices the knowledge states, one of them said in the reply or about the subject.
  const relates = (entry: KnowledgeEntry | undefined): boolean => entry !== undefined && [...entry.terms].some((term) => terms.has(term))
  for (const [higher, entry] of known) {
    const lower = known.get(higher - amount)
    if (lower === undefined || higher - amount <= 0) continue
    if (stated.includes(higher) || stated.includes(higher - amount) || (relates(entry) && relates(lower))) return evidence(entry, `${higher} − ${higher - amount}`)
  }
  return undefined
}
