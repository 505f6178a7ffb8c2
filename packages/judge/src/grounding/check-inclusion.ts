import { inOtherScript, normalizeText } from '../internal/normalize-text.ts'
import type { KnowledgeEntry, KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import { statementTerms } from './statement-clauses.ts'
import { statementPolarity } from './statement-polarity.ts'

/**
 * 付き / 込み after a noun (「朝食付き」, 「税込み」, 「送料込み」) say "with" / "included"; after a verb's
 * stem they are part of that verb (「お持ち込み」 bring in, 「お申し込み」 apply, 「お振込み」 pay by
 * transfer, 「1名につき」 per person): the kana or verb-stem kanji before them rule those out.
 */
const WITH_NOUN = '(?<![\\p{sc=Hiragana}持申振払見書飛売割詰取打組住追読押絞])(?:付き|込み)'
/** Saying something comes with something else at no extra cost: "includes breakfast", "meals included", 「朝食付き」, 「税込み」, 「…が含まれます」. */
const INCLUDED = new RegExp(`\\b(?:includ(?:e|es|ed|ing)|comes? with|come with)\\b|${WITH_NOUN}|含まれ|含む|含め`, 'iu')
/** Saying it is charged on top: "costs extra", "charged separately", 「別料金」, 「別途」. */
const EXTRA = /\b(?:extra charge|costs? extra|charged? (?:extra|separately)|separate (?:charge|fee)|additional (?:charge|fee)|on top of|not included)\b|別料金|別途|追加料金|別に料金/iu
/** A cheap first look before the sentence is normalised. */
const MAYBE = /includ|come|extra|separate|additional|on top|付|込|含|別|追加/iu

/** 「追加料金なし」, 「別料金はかかりません」: no charge on top. */
const NO_CHARGE_AFTER = /^\s*(?:は|が|も)?(?:なし|無し|不要|かかりません|ございません|ありません|いりません|いただきません|頂きません)/u

/** The thing included comes before these ("meals included", 「朝食付き」, 「…が含まれ」, "included in the membership"). */
const ITEM_BEFORE = new RegExp(`\\bincluded\\b|${WITH_NOUN}|含まれ`, 'iu')

export interface InclusionFinding {
  status: 'contradicted' | 'unsupported'
  entry?: KnowledgeEntry
}

/** The words that name what is (or is not) included: before the inclusion word, or after it. */
function itemText(clause: string, match: RegExpExecArray): string {
  if (ITEM_BEFORE.test(match[0])) {
    const before = clause.slice(0, match.index)
    // Japanese: the word right before 付き / 込み / が含まれ ("ダブルルームは朝食付き" → 朝食).
    if (/[\p{sc=Han}\p{sc=Katakana}\p{sc=Hiragana}ー]$/u.test(before.replace(/[がもは]$/u, ''))) {
      return /[\p{sc=Han}\p{sc=Katakana}ー]+[がもは]?$/u.exec(before)?.[0] ?? before
    }
    return before
  }
  return clause.slice(match.index + match[0].length).split(/\b(?:for|per|at|and|but)\b/iu)[0] ?? ''
}

function namesAll(entry: KnowledgeEntry, terms: Set<string>): boolean {
  return [...terms].every((term) => entry.terms.has(term))
}

/** A price that bundles what it names ("one night with dinner and breakfast: ¥22,000", 「2食付き」). */
const BUNDLES = /\b(?:with|including|included|incl)\b|付き|込み|含む/iu
/** A ceiling, not a charge ("Damage insurance up to ¥5 million", 「500万円まで補償」). */
const CEILING = /\b(?:up to|max(?:imum)?|limit|cover(?:s|ed|age)? of)\b|上限|まで補償|補償額/iu
/** What an entry says its subject comes without ("under 6: free without meals or futon"): it names those things, it does not price them. */
const WITHOUT = /\b(?:without|excluding|except|no)\b[^,;:.()]*/giu

/**
 * Whether an entry is the price of `terms` itself: it names them outside a "without …" phrase,
 * and its price is neither a bundle that includes them nor a ceiling. Only then does "X is
 * included" contradict it ("breakfast included" against "Breakfast: ¥1,800").
 */
function pricesItself(entry: KnowledgeEntry, terms: Set<string>, index: KnowledgeIndex): boolean {
  if (!namesAll(entry, terms) || BUNDLES.test(entry.sentence) || CEILING.test(entry.sentence)) return false
  if (entry.kind === 'fact') return true
  const named = statementTerms(entry.sentence.replace(WITHOUT, ' '), index.vocabulary)
  return [...terms].every((term) => named.has(term))
}

/**
 * Included ↔ charged on top, the free / fee pair said about what comes with what:
 * - "A double includes breakfast" (「朝食付き」) where no entry says breakfast is included and an
 *   entry gives breakfast its own price: contradicted by that entry; where the knowledge never
 *   names what is said to be included ("meals included"): unsupported (an invented extra).
 * - "The sauna costs extra" (「サウナは別料金」) where an entry says the sauna is included:
 *   contradicted by that entry.
 * Undefined when the sentence says neither, or the knowledge does not settle it.
 */
export function checkInclusion(sentence: string, index: KnowledgeIndex, known: (said: Set<string>) => Set<string>): InclusionFinding | undefined {
  if (!MAYBE.test(sentence)) return undefined
  const text = normalizeText(sentence)
  const extra = EXTRA.exec(text)
  // "No extra charge", 「追加料金なし」: included after all.
  const denied = extra !== null && (/\b(?:no|without|at no|free of)\s+$/iu.test(text.slice(0, extra.index)) || NO_CHARGE_AFTER.test(text.slice(extra.index + extra[0].length)))
  if (extra && !denied) {
    const item = statementTerms(text.slice(0, extra.index), index.vocabulary)
    item.delete('price')
    const terms = known(item)
    if (terms.size === 0) return undefined
    const including = index.entries.find((entry) => INCLUDED.test(entry.sentence) && statementPolarity(entry.sentence) === 'positive' && namesAll(entry, terms))
    return including ? { status: 'contradicted', entry: including } : undefined
  }
  const included = INCLUDED.exec(text)
  if (!included || statementPolarity(text) === 'negative') return undefined
  const clause = text.split(/[,;、。]/u).find((piece) => INCLUDED.test(piece)) ?? text
  const match = INCLUDED.exec(clause)
  if (!match) return undefined
  const words = itemText(clause, match)
  const item = statementTerms(words, index.vocabulary)
  item.delete('price')
  if (item.size === 0) return undefined
  const terms = known(item)
  // Like an invented offer: an item in a script the knowledge does not use cannot be looked up there
  // (a trade word in the other language needs the knowledge base's vocabulary: カーナビ → car navigation).
  if (terms.size === 0) return inOtherScript(words, index.haystack) ? undefined : { status: 'unsupported' }
  if (index.entries.some((entry) => INCLUDED.test(entry.sentence) && namesAll(entry, terms))) return undefined
  const priced = index.entries.find((entry) => entry.claims.some((claim) => claim.type === 'price' && !(claim.value.kind === 'money' && claim.value.amount === 0)) && pricesItself(entry, terms, index))
  return priced ? { status: 'contradicted', entry: priced } : undefined
}
