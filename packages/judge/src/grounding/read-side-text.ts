import type { Claim } from '../claims/claim.ts'
import { extractClaims } from '../claims/extract-claims.ts'
import { normalizeText } from '../internal/normalize-text.ts'

/** What grounding needs of a text beside the reply (the caller's words, the tool data): its claims and normalised form. */
export interface SideText {
  claims: Claim[]
  text: string
}

const MAX_CACHED = 512
const cache = new Map<string, SideText>()

/**
 * Claims and normalised text of the caller's words or the tool data. Remembered for the last
 * few hundred texts: `judgeCall` grounds every turn of a call against the caller's words so
 * far, so the same text is read again on each later turn.
 */
export function readSideText(text: string): SideText {
  let read = cache.get(text)
  if (!read) {
    read = { claims: text ? extractClaims(text) : [], text: normalizeText(text) }
    if (cache.size >= MAX_CACHED) cache.clear()
    cache.set(text, read)
  }
  return read
}
