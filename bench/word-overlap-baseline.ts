/**
 * The comparison floor for the grounding check: a reply is hallucinated when more than half of
 * its words (Intl.Segmenter word segmentation, so Japanese is split into words too; NFKC, lower
 * case) occur neither in the knowledge text nor in what the caller said. No tuning: 0.5 is fixed.
 */
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' })
const words = (text: string): string[] =>
  [...segmenter.segment(text.normalize('NFKC').toLowerCase())].filter((part) => part.isWordLike).map((part) => part.segment)

export function wordOverlapHallucinated(knowledge: string, context: readonly string[], response: string): boolean {
  const known = new Set(words([knowledge, ...context].join('\n')))
  const said = words(response)
  return said.length > 0 && said.filter((word) => !known.has(word)).length / said.length > 0.5
}
