import type { Claim } from '../claims/claim.ts'
import type { KnowledgeEntry, KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import { subjectTerms } from './subject-terms.ts'

/** Words that give a figure as the total of others ("so ¥8,000 for both", 「合わせて8,000円」). */
const SUM = /\b(?:for both|for the two|both together|in total|altogether|all together|combined|total|in all|all in|comes? to|adds? up to)\b|合わせて|あわせて|合計|総額|全部で|計\d/iu
/** Words that give a figure as the difference of two ("two thousand more than a check-up", 「検診より2,000円高く」). */
const DIFFERENCE = /\b(?:more|less|cheaper|dearer|pricier|higher|lower|extra)\s+than\b|\b(?:saves?|saving|off|difference)\b|より.{0,12}(?:高|安|お得)|差額|お安く|お得/iu

/** An amount a claim states: a price, or a bare number in a sentence that states prices ("¥5,000, which is two thousand more"). */
function amountOf(claim: Claim, pricedSentence: boolean): number | undefined {
  if (claim.value.kind === 'money') return claim.value.amount
  if (!pricedSentence) return undefined
  // "two thousand" reads as a year when nothing follows it.
  if (claim.value.kind === 'number' && (claim.value.unit === undefined || claim.value.unit === 'year')) return claim.value.value
  return undefined
}

/** The knowledge's prices, each with its entry. */
function knowledgePrices(index: KnowledgeIndex): Array<{ amount: number; entry: KnowledgeEntry }> {
  const prices: Array<{ amount: number; entry: KnowledgeEntry }> = []
  for (const entry of index.entries) for (const known of entry.claims) if (known.value.kind === 'money') prices.push({ amount: known.value.amount, entry })
  return prices
}

/**
 * A figure the reply works out from the knowledge's prices, said as such: a total of prices the
 * same sentence states ("A checkup is 3,000 yen and a cleaning 5,000, so 8,000 yen for both",
 * 「合わせて8,000円」), or the difference between a price the sentence states and the price of
 * something it names ("a cleaning is ¥5,000, two thousand more than a check-up",
 * 「検診より2,000円高く」). Arithmetic on true values is true; the words around the figure must say
 * it is a total or a difference. Returns the entry of the first price it is worked out from.
 */
export function derivedAmount(claim: Claim, claims: readonly Claim[], sentence: { text: string; start: number; end: number }, index: KnowledgeIndex): KnowledgeEntry | undefined {
  const inSentence = claims.filter((other) => other !== claim && other.start >= sentence.start && other.start < sentence.end)
  const priced = claim.value.kind === 'money' || inSentence.some((other) => other.value.kind === 'money')
  const amount = amountOf(claim, priced)
  if (amount === undefined || amount <= 0) return undefined
  const sum = SUM.test(sentence.text)
  const difference = DIFFERENCE.test(sentence.text)
  if (!sum && !difference) return undefined
  const prices = knowledgePrices(index)
  // The operands the reply states must be the knowledge's prices.
  const stated = inSentence.flatMap((other) => {
    const value = amountOf(other, priced)
    const price = value === undefined ? undefined : prices.find((item) => item.amount === value)
    return price ? [price] : []
  })
  if (sum && stated.length >= 2 && stated.reduce((total, item) => total + item.amount, 0) === amount) return stated[0]?.entry
  if (difference && stated.length > 0) {
    const named = subjectTerms(sentence.text, index.vocabulary)
    for (const item of stated) {
      const other = prices.find((price) => price.entry !== item.entry && Math.abs(item.amount - price.amount) === amount && [...price.entry.leafTerms].some((term) => named.has(term)))
      if (other) return item.entry
    }
  }
  return undefined
}
