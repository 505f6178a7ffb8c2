import { normalizeText } from '../internal/normalize-text.ts'
import type { KnowledgeEntry } from '../knowledge/knowledge-index.ts'
import { statementTerms } from './statement-clauses.ts'
import type { ResolvedVocabulary } from './subject-terms.ts'

/** "any", "all", "every" (not "every 100 yen", "every day"), 「すべての」, 「どの…でも」: a claim about every member of a kind. The noun it quantifies follows. */
const UNIVERSAL = /\b(?:any|all|every)\s+(?!\d|day\b|week\b|time\b|hour\b|month\b|year\b|other\b|more\b|of\s+(?:it|them|this|that)\b)|すべての|全ての|全部の|あらゆる|どの(?=[\p{sc=Han}\p{sc=Katakana}ー]{2,}(?:で|に)?でも)/iu
/** Terms that name a kind of value, not a kind of thing. */
const GENERIC_KINDS = ['price', 'hours', 'appointment', 'phone', 'address']

/** Words that say the knowledge names only some members ("only", "except", "other insurers: …", 「のみ」, 「以外」). */
const RESTRICTION = /\b(?:only|except|other|others|outside|limited|selected|certain|specific)\b|のみ|だけ|限り|限定|以外|一部/iu

/**
 * A reply that says "any" or "all" of a kind ("We can bill any pet insurance company",
 * 「すべてのペット保険で窓口精算が可能です」) where the entry about it names only some members:
 * a structured fact whose value does not name the quantified kind (`direct_billing: Anicom and
 * iPet`), or a sentence that restricts it ("only", "other insurers: …", 「のみ」). True when the
 * claim says more than the entry: an overstatement the knowledge does not back.
 */
export function overstates(sentence: string, entry: KnowledgeEntry, vocabulary: ResolvedVocabulary): boolean {
  const text = normalizeText(sentence)
  const match = UNIVERSAL.exec(text)
  if (!match || UNIVERSAL.test(normalizeText(entry.sentence))) return false
  const noun = text.slice(match.index + match[0].length).split(/[,;、。]|\b(?:for|at|in|on|with|and|but)\b|(?:で|に|が|は|を)/u)[0] ?? ''
  const quantified = statementTerms(noun, vocabulary)
  // 「すべての区」: a one-character Japanese noun is no subject term, but it is what is quantified.
  if (quantified.size === 0 && /^[\p{sc=Han}\p{sc=Katakana}ー]+$/u.test(noun.trim())) quantified.add(noun.trim())
  // "all our prices" quantifies no kind of its own.
  for (const generic of GENERIC_KINDS) quantified.delete(generic)
  if (quantified.size === 0) return false
  if (entry.kind === 'fact') {
    // The fact must be about the kind quantified (its key), and its value name members of it.
    if (![...quantified].some((term) => entry.terms.has(term))) return false
    // A value that names members ("Anicom and iPet") and not the kind; a bare status ("included free") holds for all.
    const valueTerms = statementTerms(entry.value, vocabulary)
    return valueTerms.size > 0 && ![...quantified].some((term) => valueTerms.has(term))
  }
  return RESTRICTION.test(entry.sentence)
}
