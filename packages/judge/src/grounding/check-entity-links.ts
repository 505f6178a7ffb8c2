import type { Claim } from '../claims/claim.ts'
import { normalizeText } from '../internal/normalize-text.ts'
import type { KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import { nameWords } from './person-names.ts'
import { personRecords } from './person-records.ts'

/** True when more than half of a name's words occur in the text ("El Nuevo Cojo Ilustrado" in "…El Nuevo Cojo and Golf Magazine…"). */
export function mentions(text: string, name: string): boolean {
  const words = name.split(/\s+/u).filter((word) => word.length > 1)
  return words.length > 0 && words.filter((word) => text.includes(word)).length * 2 > words.length
}

/**
 * A statement that relates names the caller's question offered ("Stanford University is
 * located in Chestnut Hill", "both The New Pornographers and Kings of Leon are American") must
 * find each of them linked, in one sentence of the knowledge, to another name it states.
 * Returns the first name the knowledge never links to the others, or undefined. Applies only
 * to names that occur in the knowledge and of which at least two come from the question (the
 * options a comparison or either/or question lists).
 */
export function unlinkedName(claims: readonly Claim[], index: KnowledgeIndex, question: string): string | undefined {
  const asked = normalizeText(question)
  const names = [...new Set(claims.filter((claim) => claim.type === 'name').map((claim) => normalizeText(claim.value.kind === 'text' ? claim.value.text : claim.text).replace(/^the\s+/u, '')))]
  if (names.length < 2 || names.filter((name) => mentions(asked, name)).length < 2) return undefined
  const sentences = [...new Set(index.entries.filter((entry) => entry.kind !== 'fact').map((entry) => entry.normalizedSentence))]
  if (!names.every((name) => sentences.some((sentence) => mentions(sentence, name)))) return undefined
  return names.find((name) => !sentences.some((sentence) => mentions(sentence, name) && names.some((other) => other !== name && mentions(sentence, other))))
}

/** A sentence that goes on about what the one before it named ("He is best known for…", "Its rings…"). */
const CONTINUES = /^(?:he|she|it|they|his|her|its|their|this|these|the (?:band|group|film|company|city|town|river|team|album|series|show|book|magazine|club|building|station|species))\b/u

/** A sentence split after an abbreviation ("… located in the U.S." + "state of New York."; "Mr." + "T, …"): the next one goes on with it. */
const ABBREVIATION_END = /\b(?:\p{L}|st|dr|mr|mrs|ms|jr|sr|inc|ltd|co|mt|vs|no)\.$/u

/** The knowledge's passages: each sentence with the sentences after it that only go on about it. */
export function passagesOf(index: KnowledgeIndex): string[] {
  const cached = passageCache.get(index)
  if (cached) return cached
  const sentences = [...new Set(index.entries.filter((entry) => entry.kind !== 'fact').map((entry) => entry.normalizedSentence))]
  const passages = sentences.map((sentence, at) => {
    let passage = sentence
    for (let next = at + 1; next < sentences.length && (CONTINUES.test(sentences[next] ?? '') || ABBREVIATION_END.test(sentences[next - 1] ?? '')); next += 1) passage += ` ${sentences[next] ?? ''}`
    return passage
  })
  passageCache.set(index, passages)
  return passages
}

const passageCache = new WeakMap<KnowledgeIndex, string[]>()

/**
 * Two names one reply sentence relates ("Gary Busey also appeared on Barney Miller") must be
 * named together somewhere in the knowledge: in one sentence, or in a sentence and those after
 * it that go on about it with a pronoun ("It was designed by … Gustave Eiffel"). Names the
 * knowledge does not hold are left to the name claims; so are two of the business's own people
 * (a fact sheet lists its staff one per line: "Mr. Okada on Fridays, and Mr. Iwata" relates no
 * names of its own). Returns the first pair never named together, or undefined.
 */
export function unlinkedPair(claims: readonly Claim[], sentences: ReadonlyArray<{ start: number; end: number }>, index: KnowledgeIndex): [string, string] | undefined {
  const passages = passagesOf(index)
  const people = personRecords(index)
  const isStaff = (name: string): boolean => people.some((person) => [...nameWords(name)].some((word) => person.names.has(word)))
  for (const sentence of sentences) {
    const names = [
      ...new Set(
        claims
          .filter((claim) => claim.type === 'name' && claim.start >= sentence.start && claim.start < sentence.end)
          .map((claim) => normalizeText(claim.value.kind === 'text' ? claim.value.text : claim.text).replace(/^the\s+/u, '').replace(/['’]s$/u, '')),
      ),
    ].filter((name) => passages.some((passage) => mentions(passage, name)))
    for (const [at, name] of names.entries()) {
      for (const other of names.slice(at + 1)) {
        if (mentions(name, other) || mentions(other, name) || (isStaff(name) && isStaff(other))) continue
        if (!passages.some((passage) => mentions(passage, name) && mentions(passage, other))) return [name, other]
      }
    }
  }
  return undefined
}
