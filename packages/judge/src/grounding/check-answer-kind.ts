import type { Claim } from '../claims/claim.ts'
import { normalizeText, stemWord } from '../internal/normalize-text.ts'
import type { KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import { mentions, passagesOf } from './check-entity-links.ts'
import { tagWords } from './tag-words.ts'

/** Tags of the words a question's asked-for kind is made of ("what southern California based band", "which state"). */
const KIND_TAGS = new Set(['ADJ', 'NOUN', 'PROPN'])

/** Share of the asked-for kind's words (those the knowledge uses) a passage naming the answer must hold: a generic head noun ("film") may be left unsaid. */
const MIN_KIND_SHARE = 0.5

/**
 * The words of the kind a "what …" / "which …" question asks for: the nouns and adjectives
 * right after the question word, with a participle that modifies the next one ("California
 * based band"). "Which state does …" → state; "What U.S. highway gives …" → u.s., highway.
 */
export function askedKind(question: string): string[] {
  const words = tagWords(question)
  const at = words.findIndex((word) => word.value === 'what' || word.value === 'which')
  if (at < 0) return []
  const kind: string[] = []
  for (let next = at + 1; next < words.length; next += 1) {
    const word = words[next]
    const after = words[next + 1]
    if (!word) break
    const modifier = word.partOfSpeech === 'VERB' && /ed$/u.test(word.value) && (after?.partOfSpeech === 'NOUN' || after?.partOfSpeech === 'ADJ')
    if (!KIND_TAGS.has(word.partOfSpeech) && !modifier) break
    kind.push(word.value)
  }
  return kind
}

/**
 * An answer to "What southern California based band covered it?" must be something the
 * knowledge says is of that kind: of the words of the asked-for kind that the knowledge uses,
 * at least half must occur in a passage (see check-entity-links) that names the answer. The answer is each
 * name of the reply the knowledge holds and the question does not; one of them must qualify.
 * Returns the kind's words no answer qualifies for, or undefined (also when the question asks
 * for no kind, the knowledge never uses its words, or the reply names no such answer).
 */
export function unqualifiedAnswer(claims: readonly Claim[], index: KnowledgeIndex, question: string): string[] | undefined {
  const kind = askedKind(question).map(stemWord)
  const known = kind.filter((word) => index.contentStems.has(word))
  if (known.length === 0) return undefined
  const asked = normalizeText(question)
  const passages = passagesOf(index)
  const answers = [
    ...new Set(
      claims
        .filter((claim) => claim.type === 'name')
        .map((claim) => normalizeText(claim.value.kind === 'text' ? claim.value.text : claim.text).replace(/^the\s+/u, ''))
        .filter((name) => !mentions(asked, name) && passages.some((passage) => mentions(passage, name))),
    ),
  ]
  if (answers.length === 0) return undefined
  const qualifies = (name: string): boolean => {
    const stems = new Set(passages.filter((passage) => mentions(passage, name)).flatMap((passage) => (passage.match(/[\p{L}\p{N}]+/gu) ?? []).map(stemWord)))
    return known.filter((word) => stems.has(word)).length >= known.length * MIN_KIND_SHARE
  }
  return answers.some(qualifies) ? undefined : known
}
