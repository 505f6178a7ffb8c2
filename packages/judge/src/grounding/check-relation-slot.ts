import type { Claim } from '../claims/claim.ts'
import type { KnowledgeIndex } from '../knowledge/knowledge-index.ts'

/** "directed by who?", "was directed by whom", "who directed …": the verb the question asks the agent of. */
const ASKED_AGENT = /\b([a-z]+ed)\s+by\s+(?:who|whom)\b|\bwho\s+([a-z]+ed)\b/iu
const NAME = "\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|of|de|van|von|da))*"

/**
 * A question that asks who did something ("… directed by who?") answered with a name: when the
 * knowledge says who did it ("directed by Robert Zemeckis") and the answer is someone else
 * (Neil Gaiman, who wrote it), the answer is contradicted. Returns the knowledge's name for the
 * slot, or undefined when the question asks no such thing, the knowledge does not say, or the
 * answer is that name.
 */
export function otherAgent(claims: readonly Claim[], index: KnowledgeIndex, question: string, answer: string): string | undefined {
  const asked = ASKED_AGENT.exec(question)
  const verb = (asked?.[1] ?? asked?.[2])?.toLowerCase()
  if (!verb) return undefined
  const names = claims.filter((claim) => claim.type === 'name').map((claim) => (claim.value.kind === 'text' ? claim.value.text : claim.text))
  if (names.length === 0) return undefined
  const knowledge = index.entries.filter((entry) => entry.kind !== 'fact').map((entry) => entry.sentence)
  const agents = new Set<string>()
  for (const sentence of new Set(knowledge)) {
    // The names in the phrase after "directed by", up to its end or the next "… by" ("directed by
    // Robert Zemeckis and written by Neil Gaiman"; "performed by American country artist Garth Brooks").
    const pattern = new RegExp(`\\b${verb}\\s+by\\s+([^,;:.()]+)`, 'gu')
    for (let match = pattern.exec(sentence); match !== null; match = pattern.exec(sentence)) {
      const phrase = (match[1] ?? '').split(/\s(?:and\s+)?\p{Ll}+\s+by\s/u)[0] ?? ''
      for (const name of phrase.match(new RegExp(NAME, 'gu')) ?? []) agents.add(name)
    }
  }
  agents.delete('')
  if (agents.size === 0) return undefined
  const said = answer.toLowerCase()
  if ([...agents].some((agent) => said.includes(agent.toLowerCase()) || agent.toLowerCase().includes(names[0]?.toLowerCase() ?? '\u0000'))) return undefined
  return [...agents][0]
}
