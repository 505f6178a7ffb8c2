import { extractClaims } from '../claims/extract-claims.ts'
import { contentWords, normalizeText, stemWord } from '../internal/normalize-text.ts'
import type { KnowledgeIndex } from '../knowledge/knowledge-index.ts'

const ALTERNATIVES = /(?:,|:|\b(?:first|earlier|later|older|younger|more|fewer|less|larger|bigger|smaller|longer|shorter|higher|taller)\b)\s*(?:the\s+)?([^,?:]+?),?\s+or\s+(?:the\s+)?([^,?:]+?)\s*[?.]?\s*$/iu
const EARLIEST = /\b(?:first|earlier|earliest|older|oldest|before|sooner)\b/iu
const LATEST = /\b(?:later|latest|younger|youngest|newer|newest|more recent|most recently)\b/iu
const MOST = /\b(?:more|most|larger|largest|bigger|biggest|higher|highest|taller|tallest|longer|longest)\b/iu
const FEWEST = /\b(?:fewer|fewest|less|least|smaller|smallest|shorter|shortest|lower|lowest)\b/iu

/**
 * "Which band was founded first, Hole, the rock band that Courtney Love fronted, or The
 * Wolfhounds?": when the first option read is a relative clause (that / which / who), it
 * describes the words before its comma, which are the option's name: both are the option.
 */
function withApposition(question: string, match: RegExpExecArray): string {
  const option = match[1] ?? ''
  if (!/\b(?:that|which|who|whose)\b/u.test(option)) return option
  const optionStart = question.indexOf(option, match.index)
  const before = question.slice(0, optionStart).replace(/,\s*(?:the\s+)?$/u, '')
  const name = /(?:,|\b(?:first|earlier|later|older|younger|more|fewer|less|larger|bigger|smaller|longer|shorter|higher|taller))\s*([^,?:]+)$/u.exec(before)?.[1]
  return name ? `${name} ${option}` : option
}

export type AlternativesVerdict = 'not-applicable' | 'undecided' | 'consistent' | 'contradicted'

function optionScore(option: string, answer: Set<string>): number {
  const words = contentWords(option).map(stemWord)
  if (words.length === 0) return 0
  return words.filter((word) => answer.has(word)).length / words.length
}

/** The first year (for time comparisons) or other number stated in a knowledge sentence about the option. */
function optionValue(option: string, index: KnowledgeIndex, wantYear: boolean): number | undefined {
  const words = contentWords(option).map(stemWord)
  const sentence = index.entries
    .map((entry) => ({ entry, hits: entry.sentenceStems.filter((word) => words.includes(word)).length }))
    .filter((item) => item.hits > 0)
    .sort((left, right) => right.hits - left.hits)[0]?.entry
  if (!sentence) return undefined
  for (const claim of extractClaims(sentence.sentence)) {
    if (wantYear && claim.value.kind === 'date' && claim.value.year !== undefined) return claim.value.year
    if (wantYear && claim.value.kind === 'number' && claim.value.unit === 'year') return claim.value.value
    if (!wantYear && claim.value.kind === 'number' && claim.value.unit !== 'year') return claim.value.value
  }
  return undefined
}

/**
 * For an either/or question ("Which was founded first, A or B?"), finds the option the
 * reply picks and the option the knowledge favours (earliest/latest year, largest/smallest
 * number in the sentence about each option). `contradicted` when they differ.
 */
export function checkAlternativesAnswer(response: string, index: KnowledgeIndex, question: string): AlternativesVerdict {
  const normalized = normalizeText(question).trim()
  const match = ALTERNATIVES.exec(normalized)
  if (!match?.[1] || !match[2]) return 'not-applicable'
  const options = [withApposition(normalized, match), match[2]] as const
  const answer = new Set(contentWords(response).map(stemWord))
  const first = optionScore(options[0], answer)
  const second = optionScore(options[1], answer)
  if (first === second || /\bnot\b|\bneither\b|\bboth\b/iu.test(response)) return 'undecided'
  const picked = first > second ? 0 : 1
  const wantYear = EARLIEST.test(question) || LATEST.test(question)
  const values = [optionValue(options[0], index, wantYear), optionValue(options[1], index, wantYear)]
  if (values[0] === undefined || values[1] === undefined || values[0] === values[1]) return 'undecided'
  let favoured: number | undefined
  if (EARLIEST.test(question)) favoured = values[0] < values[1] ? 0 : 1
  else if (LATEST.test(question)) favoured = values[0] > values[1] ? 0 : 1
  else if (MOST.test(question)) favoured = values[0] > values[1] ? 0 : 1
  else if (FEWEST.test(question)) favoured = values[0] < values[1] ? 0 : 1
  if (favoured === undefined) return 'undecided'
  return favoured === picked ? 'consistent' : 'contradicted'
}
