import type { Claim } from '../claims/claim.ts'
import { foldText } from '../internal/normalize-text.ts'
import type { ClaimCheck } from './claim-check.ts'

/** Words of a clause that make "nine fifty" a clock time: at, from, until, open, close, morning … */
const CLOCK_CUE = /\b(?:at|from|until|till|by|before|after|around|open(?:s|ing)?|clos(?:e|es|ing)|start(?:s|ing)?|begin(?:s|ning)?|ends?|time|o'?clock|morning|afternoon|evening|night|noon|midnight|check[ -]?(?:in|out)|arriv\w*|leav\w*|departs?|pick[ -]?up)\b/iu
/** The clause around a span (commas, semicolons, sentence ends). */
const CLAUSE_MARK = /[,;.!?]/u

function clauseAround(text: string, start: number, end: number): string {
  let from = start
  while (from > 0 && !CLAUSE_MARK.test(text[from - 1] ?? '')) from -= 1
  let to = end
  while (to < text.length && !CLAUSE_MARK.test(text[to] ?? '')) to += 1
  return text.slice(from, to)
}

/**
 * "A coffee is three fifty", "croissants are four twenty-five each", "plain rice for one fifty":
 * English says a price as two groups of digits, the way it says a clock time, and the spoken-forms
 * reader takes "three fifty" for 3:50. A time said in words (not as digits), without am or pm, in
 * a clause with no word of the clock (at, from, until, open, morning …) may be a price: 3.50 of a
 * currency with cents or 350 of one without. The prices it may be, for `verify` to check as prices;
 * none when it is a clock time.
 */
export function priceReadings(claim: Claim, text: string, said: string): Claim[] {
  if (claim.type !== 'time' || claim.value.kind !== 'time' || claim.value.twelveHour !== true || claim.value.bound !== undefined) return []
  if (foldText(said).includes(claim.text) || CLOCK_CUE.test(clauseAround(text, claim.start, claim.end))) return []
  const hours = Math.floor(claim.value.minutes / 60)
  const minutes = claim.value.minutes % 60
  return [hours * 100 + minutes, hours + minutes / 100].map((amount) => ({ ...claim, type: 'price', value: { kind: 'money', amount } }))
}

/**
 * A time said like a price (see priceReadings) that a reading of it as a price verifies, checked
 * as that price; undefined when no reading is supported (the claim is then checked as a time).
 */
export function checkPriceSaidAsTime(claim: Claim, text: string, said: string, verify: (price: Claim) => ClaimCheck): ClaimCheck | undefined {
  for (const price of priceReadings(claim, text, said)) {
    const check = verify(price)
    if (check.supported) return { ...check, text: claim.text }
  }
  return undefined
}
