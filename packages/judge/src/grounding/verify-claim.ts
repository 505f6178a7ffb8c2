import { otherSlot, type AmountSlot } from '../claims/amount-slot.ts'
import { claimGroup, type Claim } from '../claims/claim.ts'
import { inOtherScript, normalizeText } from '../internal/normalize-text.ts'
import type { KnowledgeEntry, KnowledgeIndex } from '../knowledge/knowledge-index.ts'
import type { ClaimCheck } from './claim-check.ts'
import { surnameReading } from './japanese-surnames.ts'
import { BARE_NAME } from './person-names.ts'
import { namesVariantOf } from './name-variants.ts'
import { valuesAgree, type Agreement } from './values-agree.ts'
import { bestScoring, termWeight, WEEKDAY_TERMS } from './best-scoring.ts'
import { agreesWithAny, fromEntry, result } from './claim-result.ts'
import { verifyWeekday } from './verify-weekday.ts'
import { checkNoticeTier } from './check-notice-tier.ts'
import { entriesByKind } from './entries-by-kind.ts'

/** What a reply is checked against besides the knowledge base. */
export interface GroundingSources {
  index: KnowledgeIndex
  /** Claims and normalised text of what the caller said. */
  contextClaims: Claim[]
  contextText: string
  /** Claims and normalised text of the agent's tool calls and results in the call. */
  toolClaims: Claim[]
  toolText: string
}

/** The subject term that only restates a claim group's kind (a price is about `price`, a time about `hours`). */
const KIND_TERMS: Readonly<Record<string, string>> = { price: 'price', time: 'hours' }
/** True when the subject terms only restate the claim's kind ("5,000円" is about price): they single out no entry. */
export function namesOnlyItsKind(claim: Claim, terms: Set<string>): boolean {
  const kind = KIND_TERMS[claimGroup(claim.type)]
  return terms.size > 0 && kind !== undefined && [...terms].every((term) => term === kind)
}

const BOUNDARY_WORDS = /\b(?:open|opens|opening|close|closes|closing|until|till)\b|開|閉|まで|から/iu
/** Japanese says whether a time opens or closes something after it: 「朝7時から」, 「夜10時まで」, 「9時に開きます」. */
const BOUNDARY_AFTER = /^\s*(?:から|より|まで|に(?:開|閉|オープン|終了|受付終了)|(?:開|閉)(?:店|院|館|場|き|まり))/u

/** True when the words right after a time in its sentence make it an opening or closing time (Japanese order). */
function saysBoundaryAfter(claim: Claim, sentence: string): boolean {
  const at = sentence.indexOf(claim.text)
  return at >= 0 && BOUNDARY_AFTER.test(sentence.slice(at + claim.text.length, at + claim.text.length + 8))
}

function intersects(left: Set<string>, right: Set<string>): boolean {
  for (const term of left) if (right.has(term)) return true
  return false
}



const TIER_TERMS: Readonly<Record<string, (entry: KnowledgeEntry) => Set<string>>> = { leaf: (entry) => entry.leafTerms, parent: (entry) => entry.parentTerms, value: (entry) => entry.valueTerms }

/**
 * Tiers (leaf, parent, value) whose entries share a whole term with the subject come before tiers
 * that share only a kind or a day: "パーソナルトレーニングの料金" meets `body_composition_check.price`
 * by its leaf only through `price`, and `personal_training.60_minutes_yen` by its parent through
 * `personal_training`; the item decides, not the kind. Order is kept otherwise, and for clock
 * times (a day in the leaf key, `hours.saturday`, is what a time is said about).
 */
function byStrength(group: string, terms: Set<string>, tiers: Array<[string, KnowledgeEntry[]]>): Array<[string, KnowledgeEntry[]]> {
  if (group === 'time') return tiers
  const strong = ([tier, entries]: [string, KnowledgeEntry[]]): boolean => {
    const first = entries[0]
    const own = first ? TIER_TERMS[tier]?.(first) : undefined
    if (!own) return false
    let shared = 0
    for (const term of terms) if (own.has(term)) shared += termWeight(term)
    return shared >= 1
  }
  return [...tiers.filter(strong), ...tiers.filter((tier) => !strong(tier))]
}

/** Free-text knowledge written as a paragraph or two, not as a fact sheet of lines. */
/** True when some entry of the knowledge states the claim's number as a claim of the same type. */
function statesSameNumber(claim: Claim, index: KnowledgeIndex): boolean {
  if (claim.value.kind !== 'number') return false
  const { value, unit } = claim.value
  return index.entries.some((entry) => entry.claims.some((known) => known.type === claim.type && known.value.kind === 'number' && known.value.value === value && known.value.unit === unit))
}

/** Words that say a number is rounded ("about 5,900", "close to", "roughly", "some", "nearly"). */
const APPROXIMATELY = /\b(?:about|around|roughly|approximately|almost|nearly|close to|some|something like|just (?:over|under)|more than|over|under|less than|upwards of|or so)\s*$/iu

/**
 * "Close to 5,900 metres" for "about 5,895 metres": a number said with a hedge that is the
 * knowledge's number rounded (to the hedged number's last non-zero digit, keeping two
 * significant digits or more) says the same.
 */
function roundsTo(claim: Claim, known: Claim, before: string): boolean {
  if (claim.value.kind !== 'number' || known.value.kind !== 'number' || claim.value.unit !== known.value.unit || !APPROXIMATELY.test(before)) return false
  const said = claim.value.value
  if (said === 0 || !Number.isInteger(said)) return false
  let step = 1
  while (said % (step * 10) === 0) step *= 10
  // At least two significant digits: "approximately 700,000" for 722,664 rounds too far to say the same.
  return step > 1 && said / step >= 10 && Math.round(known.value.value / step) * step === said
}

function isProse(index: KnowledgeIndex): boolean {
  return !index.structured && index.lines < 3
}


function bestAgreement(claim: Claim, entry: KnowledgeEntry): Agreement {
  let best: Agreement = 'incomparable'
  for (const known of entry.claims) {
    const agreement = valuesAgree(claim.value, known.value)
    if (agreement === 'equal') return 'equal'
    if (agreement === 'within' || (agreement === 'different' && best === 'incomparable')) best = agreement
  }
  return best
}


/** Words that report what a tool did ("booked for", "cancelled", 予約しました), not offers. */
export const TOOL_REPORT = /\b(?:booked|reserved|cancell?ed|moved|rescheduled)\b|予約(?:しました|いたしました|を承りました|が完了)|(?:キャンセル|変更)(?:しました|いたしました)|お取り(?:しました|いたしました)|承りました/iu

/**
 * "Your appointment is booked for Tuesday at 10:00" after a tool booked Monday at 09:00: a
 * day, date or time the reply reports for what a tool did must be one of the tool data's
 * values of that kind (when the tool data has any); the knowledge base's opening hours do
 * not back it.
 */
function contradictsToolReport(claim: Claim, window: string, sources: GroundingSources, sentence: string): ClaimCheck | undefined {
  const group = claimGroup(claim.type)
  // Japanese says the verb after the value (「木曜日の16:00に変更しました」): its whole sentence is read.
  const report = TOOL_REPORT.test(window) || (/[\p{sc=Hiragana}\p{sc=Han}]/u.test(sentence) && TOOL_REPORT.test(sentence))
  if ((group !== 'time' && group !== 'weekday' && group !== 'date') || !report) return undefined
  const toolValues = sources.toolClaims.filter((other) => claimGroup(other.type) === group)
  const sameDays = (other: Claim) => claim.value.kind === 'weekday' && other.value.kind === 'weekday' && claim.value.days.every((day) => other.value.kind === 'weekday' && other.value.days.includes(day))
  if (toolValues.length === 0 || agreesWithAny(claim, toolValues) || toolValues.some(sameDays)) return undefined
  return result(claim, 'contradicted', { source: 'tool', value: toolValues.map((other) => other.text).join(', ') })
}

const nameValues = new WeakMap<KnowledgeEntry, boolean>()

/** A fact whose value starts with a name ("Ms. Kinjo, Fridays to Mondays only", 青木), not "English-speaking customers" (read once per entry). */
function isNameValue(entry: KnowledgeEntry): boolean {
  let named = nameValues.get(entry)
  if (named === undefined) {
    const head = /^[^,(（、]+/u.exec(entry.value)?.[0].trim() ?? ''
    named = (/[\p{sc=Han}\p{sc=Katakana}]/u.test(head) || BARE_NAME.test(head)) && !/\d/u.test(entry.value)
    nameValues.set(entry, named)
  }
  return named
}

function verifyName(claim: Claim, terms: Set<string>, sources: GroundingSources): ClaimCheck {
  const written = normalizeText(claim.value.kind === 'text' ? claim.value.text : claim.text)
  // "the Incas" for "Inca", "the Normans" for "Norman": a people's name in the plural is the same name.
  const singular = written.replace(/(?<=\p{L}{3})s$/u, '')
  const said = singular !== written && !sources.index.haystack.includes(written) && new RegExp(`(?<!\\p{L})${singular.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?!\\p{L})`, 'u').test(sources.index.haystack) ? singular : written
  const { index } = sources
  // 河合先生 against knowledge that writes "Dr. Kawai": the family name is looked up by its reading too.
  const reading = surnameReading(said)
  const name = reading !== undefined && !index.haystack.includes(said) ? reading : said
  const tokens = name.split(/[\s-]+/u).filter((token) => token.length > 1)
  const escaped = tokens.map((token) => token.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
  // A multi-word name must appear in order, at most two words apart ("Asa Candler" in "Asa Griggs Candler").
  // A role's value starts with a name ("Ms. Kinjo, Fridays to Mondays only"), not "English-speaking customers".
  // "English" beside `staff.english_speaking: Ms. Kinjo`: a word of the role's own key is the role, not a name said for it.
  const roleEntries = index.entries.filter((entry) => entry.kind === 'fact' && intersects(entry.leafTerms, terms) && isNameValue(entry) && !tokens.every((token) => entry.leafTerms.has(token)))
  if (roleEntries.length > 0) {
    // The reply names a role the knowledge base fills ("our director is ..."): the name must be that entry's.
    const match = roleEntries.find((entry) => tokens.every((token) => entry.normalizedValue.includes(token)))
    return match ? result(claim, 'supported', fromEntry(match)) : result(claim, 'contradicted', fromEntry(roleEntries[0] as KnowledgeEntry))
  }
  // The pattern holds every token as it is: a cheap look for each spares scanning the whole knowledge with it.
  const inKnowledge = index.haystack.includes(name) || (escaped.length > 0 && tokens.every((token) => index.haystack.includes(token)) && new RegExp(`(?<![\\p{L}])${escaped.join("(?:[^\\p{L}]+[\\p{L}.'’-]+){0,2}[^\\p{L}]+")}(?![\\p{L}])`, 'u').test(index.haystack))
  if (inKnowledge) {
    const entry = index.entries.find((candidate) => candidate.normalizedSentence.includes(tokens[0] ?? name))
    return result(claim, 'supported', entry ? fromEntry(entry) : { source: 'knowledge' })
  }
  // "An Italian" for "in Italy", "on Earth" for "in the world", "Tromso" for "Tromsø": the same name in another form.
  if (namesVariantOf(name, index.haystack)) return result(claim, 'supported', { source: 'knowledge' })
  if (sources.toolText.includes(name) || sources.toolText.includes(said)) return result(claim, 'supported', { source: 'tool' })
  if (sources.contextText.includes(name) || sources.contextText.includes(said)) return result(claim, 'supported', { source: 'context' })
  // 渋谷駅 against knowledge written only in English: the rules cannot tell whether it is named there.
  if (inOtherScript(said, index.haystack)) return result(claim, 'unsettled')
  return result(claim, 'unsupported')
}

/**
 * Verifies one claim against the knowledge base and the call's context, subject-aware:
 * the entries that can settle it are those of the same kind whose leaf key, then parent
 * keys, then value words share a term with the claim's subject (`terms`). The first tier
 * with related entries decides: an equal value supports, a different value contradicts
 * (with that entry as evidence). Tool results support before the knowledge base is asked, and
 * a day or time reported for what a tool did must be the tool's;
 * the caller's words support only what the knowledge base does not contradict.
 */
export function verifyClaim(claim: Claim, terms: Set<string>, window: string, sources: GroundingSources, sentence = window, slot?: AmountSlot): ClaimCheck {
  const toolConflict = contradictsToolReport(claim, window, sources, sentence)
  if (toolConflict) return toolConflict
  if (claim.type === 'weekday') return verifyWeekday(claim, terms, sources.index, sources.contextClaims)
  if (claim.type === 'name') return verifyName(claim, terms, sources)
  if (agreesWithAny(claim, sources.toolClaims)) return result(claim, 'supported', { source: 'tool' })
  const tiered = checkNoticeTier(claim, terms, sentence, sources.index, sources.contextText)
  if (tiered) return tiered
  const group = claimGroup(claim.type)
  // "¥3,000 until 1 pm": a clock time is never about the price said beside it.
  if (group === 'time' && terms.has('price')) terms = new Set([...terms].filter((term) => term !== 'price'))
  // A number may be compared with a value of another kind (a count with a duration): only its list depends on the claim.
  const ofKind =
    group === 'number'
      ? sources.index.entries.filter((entry) => entry.claims.some((known) => claimGroup(known.type) === group || valuesAgree(claim.value, known.value) !== 'incomparable'))
      : entriesByKind(sources.index).ofGroup(group)
  // "A compact is ¥5,500 for 24 hours": a price the knowledge states for another tier ("Compact for 6 hours") is not about it.
  const compatible = slot && (slot.durations.length > 0 || slot.days.length > 0) ? ofKind.filter((entry) => entry.slot === undefined || !otherSlot(slot, entry.slot)) : ofKind
  // A subject that names only the claim's own kind ("it is 5,000円": price) singles out no
  // entry: every related entry of that kind is one tier, so any equal value supports.
  const onlyKind = namesOnlyItsKind(claim, terms)
  const tiers: Array<[string, KnowledgeEntry[]]> = onlyKind
    ? [['kind', compatible.filter((entry) => entry.claims.some((known) => claimGroup(known.type) === group))]]
    : byStrength(group, terms, [
        ['leaf', bestScoring(compatible, terms, (entry) => entry.leafTerms)],
        ['parent', bestScoring(compatible, terms, (entry) => entry.parentTerms)],
        ['value', bestScoring(compatible, terms, (entry) => entry.valueTerms)],
      ])
  for (const [tier, entries] of tiers) {
    if (entries.length === 0) continue
    const agreements = entries.map((entry) => ({ entry, agreement: bestAgreement(claim, entry) }))
    const equal = agreements.find((item) => item.agreement === 'equal')
    const within = agreements.find((item) => item.agreement === 'within')
    const different = agreements.filter((item) => item.agreement === 'different')
    // "Monday to Friday 9 to 6": each day the claim names must agree with an entry of that day
    // (a day with two ranges, "9:00-12:00 and 16:00-19:00", agrees with either).
    const weekdayConflict =
      tier === 'leaf' &&
      different.find((item) =>
        [...item.entry.leafTerms].some((term) => WEEKDAY_TERMS.has(term) && terms.has(term) && !agreements.some((other) => other.agreement === 'equal' && other.entry.leafTerms.has(term))),
      )
    if (weekdayConflict) return result(claim, 'contradicted', fromEntry(weekdayConflict.entry))
    if (equal) return result(claim, 'supported', fromEntry(equal.entry))
    // A length inside a known ceiling or floor is one the knowledge allows; a clock time inside a range only when it bounds nothing.
    if (within && (group === 'duration' || (!BOUNDARY_WORDS.test(window) && !saysBoundaryAfter(claim, sentence)))) return result(claim, 'supported', fromEntry(within.entry))
    const contradiction = different[0] ?? within
    if (!contradiction) continue
    if (tier === 'value' && agreesWithAny(claim, sources.contextClaims)) return result(claim, 'supported', { source: 'context' })
    // Prose (an encyclopedia paragraph) states many numbers per sentence: a bare number or year it
    // states word for word, or in a spoken form read as the same value ("the 20th century" = the
    // 1900s), is not contradicted by the first one that happens to share a subject word.
    // Prose may also state the same value, or the one it rounds, in another sentence than the one
    // sharing most subject words ("all tied together by over 400 bridges", "close to 5,900 metres").
    if (isProse(sources.index) && (claim.type === 'count' || claim.type === 'number')) {
      const before = window.slice(0, Math.max(0, window.indexOf(claim.text)))
      const same = compatible.find((entry) => entry.claims.some((known) => known.type === claim.type && (valuesAgree(claim.value, known.value) === 'equal' || roundsTo(claim, known, before))))
      if (same) return result(claim, 'supported', fromEntry(same))
    }
    if ((claim.type === 'number' || claim.type === 'year') && isProse(sources.index) && (new RegExp(`(?<![\\d.,])${claim.text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\d])`, 'iu').test(sources.index.haystack) || statesSameNumber(claim, sources.index))) {
      return result(claim, 'supported', fromEntry(contradiction.entry))
    }
    // A bare number ("for six you'd need…") has no unit to say what it counts: only an entry keyed by its subject settles it.
    if (isBareNumber(claim) && tier !== 'leaf') return result(claim, 'unsettled', fromEntry(contradiction.entry))
    // A fact's keys name its subject; a free-text line's subject is read from its words, too loosely for this.
    const alike = sources.index.structured ? equallyNamed(claim, terms, contradiction.entry, compatible) : undefined
    if (alike) return result(claim, 'supported', fromEntry(alike))
    return result(claim, 'contradicted', fromEntry(contradiction.entry))
  }
  if (agreesWithAny(claim, sources.contextClaims)) return result(claim, 'supported', { source: 'context' })
  const anywhere = compatible.find((entry) => bestAgreement(claim, entry) === 'equal')
  const related = sources.index.entries.some((entry) => intersects(entry.leafTerms, terms) || intersects(entry.parentTerms, terms))
  const identity = claim.type === 'phone' || claim.type === 'address' || claim.type === 'date'
  if (anywhere && (!related || identity || !sources.index.structured)) return result(claim, 'supported', fromEntry(anywhere))
  // A length said of something a business's knowledge gives no length for contradicts no other's: the rules cannot
  // settle it. (Prose — an encyclopedia paragraph — states the lengths of what it is about: one it lacks is new.)
  if (group === 'duration' && !isProse(sources.index)) return result(claim, 'unsettled')
  if ((claim.type === 'phone' || claim.type === 'address') && compatible[0]) return result(claim, 'contradicted', fromEntry(compatible[0]))
  return result(claim, isBareNumber(claim) ? 'unsettled' : 'unsupported')
}

/** How much of the subject an entry's keys (leaf and parent) name, weighted like bestScoring. */
function coverage(terms: Set<string>, entry: KnowledgeEntry): number {
  let covered = 0
  for (const term of terms) if (entry.leafTerms.has(term) || entry.parentTerms.has(term)) covered += termWeight(term)
  return covered
}

/**
 * "Cats can board with us for ¥3,300 a night": the subject names `cat` (the leaf of
 * `prices_yen.cat_spay`) and `boarding` (the parent of `boarding.price_per_night_yen`). A value
 * the first tier contradicts is supported when another entry that states it is named by the
 * subject as much (a whole term at least): the subject does not single out the contradicting one.
 */
function equallyNamed(claim: Claim, terms: Set<string>, contradicting: KnowledgeEntry, compatible: readonly KnowledgeEntry[]): KnowledgeEntry | undefined {
  const needed = Math.max(1, coverage(terms, contradicting))
  return compatible.find((entry) => entry !== contradicting && coverage(terms, entry) >= needed && bestAgreement(claim, entry) === 'equal')
}

/** A number with no unit, currency or clock ("6", "10%" has a unit). */
function isBareNumber(claim: Claim): boolean {
  return claim.type === 'number' && claim.value.kind === 'number' && claim.value.unit === undefined
}
