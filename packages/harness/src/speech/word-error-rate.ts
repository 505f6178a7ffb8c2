/** Words of a transcript for scoring: lower case, no punctuation; Japanese and Chinese text (no spaces) by character. */
export function scoringUnits(text: string): string[] {
  const folded = text.normalize('NFKC').toLowerCase()
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(folded)) return [...folded.replace(/[^\p{L}\p{N}]/gu, '')]
  return folded
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
}

/**
 * Word error rate of `hypothesis` against `reference`: (substitutions + deletions +
 * insertions) / reference words, by edit distance over words (characters for Japanese and
 * Chinese: a character error rate). 0 is a perfect transcript; it can exceed 1 when the
 * recogniser adds words. An empty reference gives 0 for an empty hypothesis, else 1.
 *
 * @example
 * wordErrorRate('what time do you open', 'what time you open') // 0.2
 */
export function wordErrorRate(reference: string, hypothesis: string): number {
  const expected = scoringUnits(reference)
  const heard = scoringUnits(hypothesis)
  if (expected.length === 0) return heard.length === 0 ? 0 : 1
  let previous = Array.from({ length: heard.length + 1 }, (_, index) => index)
  for (let row = 1; row <= expected.length; row++) {
    const current = [row]
    for (let column = 1; column <= heard.length; column++) {
      const substitution = previous[column - 1]! + (expected[row - 1] === heard[column - 1] ? 0 : 1)
      current.push(Math.min(substitution, previous[column]! + 1, current[column - 1]! + 1))
    }
    previous = current
  }
  return previous[heard.length]! / expected.length
}
