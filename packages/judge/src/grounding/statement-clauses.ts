import { hasJapanese, normalizeText } from '../internal/normalize-text.ts'
import type { KnowledgeEntry } from '../knowledge/knowledge-index.ts'
import { withoutCourtesy } from './dialogue-act.ts'
import { normalizedPolarity, POLARITY_WORDS, type Polarity } from './statement-polarity.ts'
import { broaderTerms, namesTerm } from './broader-terms.ts'
import { subjectTerms, type ResolvedVocabulary } from './subject-terms.ts'

/** One clause of a statement: what it names (subject terms, polarity words left out) and whether it affirms or denies it. */
export interface Clause {
  said: Set<string>
  polarity: Polarity
  /**
   * A clause that says nothing against prose: a partial negation ("they can't steer directly":
   * it denies a manner or degree, not the fact; see PARTIAL_NEGATION), the speaker's own denial
   * or taste ("I don't have a dog myself", "I love it in soups"), advice ("don't let them…").
   */
  partial?: true
}

/**
 * Coming without an appointment is the denial of "appointment required": "walk-ins are welcome"
 * says what "no appointment needed" says, and the opposite of "by appointment only"
 * (「予約なしで」, 「当日受付」 likewise).
 */
const WALK_IN = /\bwalk[- ]?ins?\b|\bwalk in\b|\bwithout (?:an? )?(?:appointment|reservation|booking)s?\b|予約なし(?:で(?:も)?)?|予約無し(?:で(?:も)?)?|当日受付/giu
/** What WALK_IN becomes: a denial of the appointment. */
const WALK_IN_READING = /\bwithout appointment\b|予約は不要で/u

/**
 * The polarity of a clause. A denied walk-in ("no walk-ins", "walk-ins are not accepted",
 * 「予約なしではご利用いただけません」) denies a denial: it says an appointment is required, so the
 * clause's other negation flips the walk-in's (double negation), not adds to it.
 */
function clausePolarity(text: string): Polarity {
  if (!WALK_IN_READING.test(text)) return normalizedPolarity(text)
  return normalizedPolarity(text.replace(WALK_IN_READING, (phrase) => (hasJapanese(phrase) ? '予約で' : 'appointment'))) === 'negative' ? 'positive' : 'negative'
}

/** Punctuation and connectives between clauses; " / " parts a bilingual line ("No pets / ペット不可"). */
const PUNCTUATION_BREAK = /[,;()、。]|\s[-–—/]\s|が、|けど、?|けれど(?:も)?、?/u
/**
 * A piece with no predicate of its own names what the next one says something about: a
 * Japanese topic or condition ("一般の診察でしたら、…", "平日は、…"), an English lead-in
 * ("For consultations, …", "On weekends, …", "Because of the smell, …", "Despite the name, …",
 * "Unlike most frogs, …").
 */
const LEADS_IN = /(?:は|では|には|でしたら|なら|ならば|場合(?:は|には)?|であれば|について(?:は)?|に関して(?:は)?|の方は|の方)\s*$|^\s*(?:for|on|at|in|during|with|as for|if it's|if it is|if you're|because of|due to|owing to|thanks to|despite|in spite of|unlike|contrary to)\b[^,]{0,30}$/iu
/** "…, and on public holidays": a piece that only adds another object of the clause before it. */
const ADDS_TO_PREVIOUS = /^\s*(?:and|or|as well as|plus)?\s*(?:on|at|in|for|to|from|by)\s+[^,]{0,30}$/iu
/**
 * Conjunctions that start another clause; the word stays at the start of the clause it opens.
 * "Other than" after a quantifier ("anything other than the soles", "any part … other than") is
 * a restriction inside a noun phrase, not an exception clause.
 */
const CONJUNCTION_BREAK = /\s(?=(?:but|however|although|though|while|whereas|except|apart from)\b)|(?<!\b(?:any|anything|anyone|anybody|nothing|nobody|no one|none|everything|everyone|all|something|someone)\b[^,]*)\s(?=other than\b)/iu
/**
 * An English conditional antecedent ("if you have tattoos, …", "unless you book ahead, …")
 * asserts nothing: it is not a clause of its own, and its words are no subject of the next one.
 */
const CONDITION = /^\s*(?:(?:and|but|also|so)\s+)?(?:if|unless|in case|whenever|whether)\b/iu
/**
 * A piece without a predicate that names what the next piece says something about: an
 * apposition ("The males, called drones, don't …"): a short noun phrase, or "called / known as X".
 */
const APPOSITION = /^\s*(?:(?:the|a|an|its|their|his|her|our|your|these|those)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?|(?:also\s+)?(?:called|known as|named|nicknamed)\s+[^,]{1,30})\s*$/iu
/** A piece that only goes on with a list of the clause before it ("no brain, heart or bones"): no verb, items joined by and / or. */
const LIST_TAIL = /^\s*(?:(?:and|or|nor)\s+)?(?!(?:no|not|never)\b)[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:and|or|nor)\s+(?:no\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?\s*[.!?]*\s*$/iu
const FINITE_VERB = /\b(?:is|are|was|were|be|been|do|does|did|has|have|had|can|could|will|would|may|might|must|should)\b|['’](?:s|re|ve|ll|d)\b|n['’]t\b/iu
const LEADING_CONJUNCTION = /^\s*(?:(?:and|or|but|yet|however|although|though|while|whereas|just|only)\s+)+/iu
/** "… but not inside", "not on Sundays": a denial that names no subject of its own denies the one before it. */
const ELLIPTIC_DENIAL = /^(?:not|never|no longer)\b/iu
/** "Pets are allowed except in the studio": an exception says the opposite of the clause before it, about the same subject. */
const EXCEPTION = /^(?:except|apart from|other than)\b/iu

const ASCII = /^[\x20-\x7e]*$/u

/**
 * The speaker denying something of themselves ("I don't have a dog myself", "I can't eat", "I've
 * never been"): it tells about the speaker, not about what the knowledge describes.
 */
const SPEAKER_DENIAL = /^(?:(?:well|honestly|personally|sadly)[\s,]+)?i(?:\s+(?:do|did|can|could|have|had|am|was|would|will)\s*(?:not|n't)|\s+cannot|'m not|'ve never|\s+have never|\s+never)\b/iu
/** The speaker's taste ("I love silken tofu in soups", "I prefer it cold"): a feeling about the thing, not a fact of it. */
const SPEAKER_TASTE = /^(?:(?:well|honestly|personally|and|but)[\s,]+)?i(?:'d|\s+would|\s+really|\s+just|\s+also|\s+personally)*\s+(?:love|like|adore|enjoy|prefer|hate|dislike)\b/iu
/**
 * A negative imperative ("just don't let them poke the traps", "never stand them upright"): advice
 * to the listener; against prose it denies nothing the knowledge describes.
 */
const NEGATIVE_IMPERATIVE = /^(?:(?:just|so|and|but|please|also)\s+)*(?:don't|do not|never)\s+(?!worry\b)\p{L}+/iu

/**
 * "They glide for hours without flapping": "without" denies its own phrase, not the verb before
 * it (they do glide). A clause with a predicate before "without" is read as two: what it affirms,
 * and "without …" (a denial of the words after it).
 */
const WITHOUT = /\s(?=without\s)/iu

function splitWithout(part: string): string[] {
  const at = part.search(WITHOUT)
  if (at < 0) return [part]
  const before = part.slice(0, at)
  if (!FINITE_VERB.test(before) || normalizedPolarity(before) !== 'positive') return [part]
  // "…without flapping by using the wind": the means after it goes with the verb it denies nothing of.
  const denied = part.slice(at + 1)
  const means = denied.search(/\s(?=by\s)/iu)
  return means < 0 ? [before, denied] : [`${before}${denied.slice(means)}`, denied.slice(0, means)]
}

/**
 * A simile after a verb ("they are cooked like vegetables", "it tastes like custard", "shaped
 * like a bell"): what it is compared with is not what the clause is about (tomatoes are not
 * said to be vegetables), so its words are no subject terms of the clause.
 */
const SIMILE = /\b(?:\p{L}+(?:ed|ing)|looks?|sounds?|tastes?|smells?|feels?|acts?|behaves?)\s+like\s+(?:an?\s+|the\s+)?[\p{L}-]+(?:\s+(?!(?:and|or|but|because|so)\b)[\p{L}-]+)?/giu

/**
 * Partial negation: a denial whose scope is a manner or degree adverb ("they can't steer
 * directly", "it isn't always open", "not entirely free") denies that qualification, not what
 * the verb says (they do steer, only not directly). Against prose it opposes nothing; a
 * business's knowledge states its rules whole, so there "you don't always need to book" still
 * denies "by appointment only" (see clauseRelation).
 */
const PARTIAL_NEGATION = /(?:\b(?:not|never|cannot)|n't)\s+(?:[\p{L}-]+\s+){0,3}?(?:directly|entirely|completely|fully|necessarily|always|totally|wholly|strictly|exclusively)\b/iu

/**
 * "No one-way rentals: return the car to the Naha office": a colon after a denial starts what to
 * do instead, a clause of its own ("Pets: not allowed" keeps its colon: the denial follows it).
 */
const DENIAL_THEN_COLON = /^(\s*(?:no|not|non-\p{L}+)\b[^:;,]*):\s+(?=\S)/iu
/**
 * "not accepted: leather, fur and kimono" (a fact read from its key): a denial that names nothing
 * but its polarity before the colon denies the list after it.
 */
const BARE_DENIAL_THEN_COLON = /^(\s*(?:not|no longer)\s+(?:accepted|allowed|offered|available|permitted|provided|included|covered|handled|possible)):\s+(?=\S)/iu
/**
 * The first item of a list that is the subject of what follows ("Leather, fur and kimono are not
 * accepted"): a bare noun phrase whose next piece goes on with "… and …" before its verb.
 */
const LIST_HEAD = /^\s*[\p{L}-]+(?:\s+[\p{L}-]+)?\s*$/u
const LIST_GOES_ON = /^\s*[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:and|or)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:are|is|were|was|can|cannot|can't|aren't|isn't|do|don't|must|may|will)\b/iu
/** Sentence adverbs of regret a denial may open with ("Unfortunately no dogs are allowed"): read past them for its polarity. */
const REGRET = /^\s*(?:(?:unfortunately|sadly|regrettably|sorry|i'm afraid|actually|also|just)[\s,]+)+(?=no\b)/iu
/**
 * "That's a pet medicine", "It would be our deluxe room": a pronoun said to be something names
 * what the caller asked about; it states nothing about whether that is offered or allowed.
 */
const CLASSIFIES = /^(?:that|this|it)(?:'s|\s+is|\s+was|\s+would be|\s+sounds like)\s+(?:a|an|the|our|your)\s+[\p{L}\s-]+$/iu

/** A statement's subject terms without the words that only carry its polarity or verb. */
export function statementTerms(sentence: string, vocabulary: ResolvedVocabulary): Set<string> {
  const text = withoutCourtesy(sentence)
  const terms = subjectTerms(text, vocabulary)
  for (const term of terms) if (POLARITY_WORDS.has(term)) terms.delete(term)
  // "We don't take checks": the plural is the payment; "check" alone is also check-in, a health check.
  if (terms.has('check') && /\bchecks\b/iu.test(text) && !/\bcheck[- ]?(?:in|out)/iu.test(text)) terms.add('cheque')
  if (terms.has('cheque')) terms.delete('check')
  if (!ASCII.test(text)) {
    // A Japanese word the vocabulary already read ("オンライン" → online, "内見" → viewing) is not a second subject.
    const phrases = phraseCanonicals(vocabulary)
    for (const term of terms) {
      const canonical = phrases.get(term)
      if (canonical !== undefined && canonical !== term && terms.has(canonical)) terms.delete(term)
    }
    dropReadRuns(text, terms, vocabulary)
  }
  return terms
}

/**
 * Japanese has no spaces, so its katakana and kanji runs stand for words; a run the vocabulary's
 * words cover end to end is those words, not a subject of its own: 「学生会員」 is 学生 (student) and
 * 会員 (membership), 「ビデオ」 and 「通話」 are the two halves of 「ビデオ通話」 (online), 「見積」 the stem of
 * 「見積もり」 (estimate). A run with a part the vocabulary does not read (「レギュラー会員」) stays.
 */
function dropReadRuns(text: string, terms: Set<string>, vocabulary: ResolvedVocabulary): void {
  const runs = [...terms].filter((term) => !ASCII.test(term) && !vocabulary.canonicals.has(term))
  if (runs.length === 0) return
  const covered = new Uint8Array(text.length)
  for (let at = 0; at < text.length; at += 1) {
    for (const position of vocabulary.termsByFirstChar.get(text[at] as string) ?? []) {
      const phrase = (vocabulary.terms[position] as readonly [string, string, boolean])[0]
      if (!ASCII.test(phrase) && text.startsWith(phrase, at)) covered.fill(1, at, at + phrase.length)
    }
  }
  for (const run of runs) {
    let whole = true
    for (let at = text.indexOf(run); at >= 0 && whole; at = text.indexOf(run, at + 1)) whole = covered.subarray(at, at + run.length).every((flag) => flag === 1)
    if (whole && text.includes(run)) terms.delete(run)
  }
}

const phraseCache = new WeakMap<ResolvedVocabulary, Map<string, string>>()

/** The vocabulary's phrases (Japanese terms, English phrases) → their canonical term, built once per vocabulary. */
function phraseCanonicals(vocabulary: ResolvedVocabulary): Map<string, string> {
  let phrases = phraseCache.get(vocabulary)
  if (!phrases) {
    phrases = new Map(vocabulary.terms.map(([phrase, canonical]) => [phrase, canonical]))
    phraseCache.set(vocabulary, phrases)
  }
  return phrases
}

/**
 * A sentence's clauses, quoted titles left out, each with its subject terms and polarity. A
 * clause that only denies ("…, but not inside") or makes an exception ("except in the
 * studio") is about the subject of the clause before it too; an exception has the opposite
 * polarity of that clause.
 *
 * @example
 * clausesOf('Dogs are welcome on the patio, but not inside.', vocabulary)
 * // [{ said: {dog, patio}, polarity: 'positive' }, { said: {dog, patio, inside}, polarity: 'negative' }]
 */
export function clausesOf(sentence: string, vocabulary: ResolvedVocabulary): Clause[] {
  const unquoted = normalizeText(sentence)
    .replace(/"[^"]*(?:"|$)|“[^”]*(?:”|$)|「[^」]*(?:」|$)|『[^』]*(?:』|$)/gu, ' ')
    .replace(WALK_IN, (phrase) => (hasJapanese(phrase) ? '予約は不要で' : 'without appointment'))
    .replace(BARE_DENIAL_THEN_COLON, '$1 ')
    .replace(DENIAL_THEN_COLON, '$1; ')
  const clauses: Clause[] = []
  let lead = ''
  const pieces = unquoted.split(PUNCTUATION_BREAK)
  for (const [at, piece] of pieces.entries()) {
    const last = at === pieces.length - 1
    const listHead = !last && LIST_HEAD.test(piece) && LIST_GOES_ON.test(pieces[at + 1] ?? '')
    if (LEADS_IN.test(piece) || listHead || (!last && APPOSITION.test(piece) && !FINITE_VERB.test(piece))) {
      lead = `${lead} ${piece}`
      continue
    }
    if (!last && CONDITION.test(piece) && !LEADS_IN.test(piece)) continue
    const previous = clauses.at(-1)
    if (previous && lead === '' && (ADDS_TO_PREVIOUS.test(piece) || (LIST_TAIL.test(piece) && !FINITE_VERB.test(piece)))) {
      // Same polarity as the clause it adds to ("We're closed on Wednesdays, and on public holidays").
      for (const term of statementTerms(piece, vocabulary)) previous.said.add(term)
      continue
    }
    const withLead = `${lead} ${piece}`
    lead = ''
    for (const part of withLead.split(CONJUNCTION_BREAK).flatMap(splitWithout)) {
      const text = part.replace(LEADING_CONJUNCTION, '').trim()
      if (text === '') continue
      const said = statementTerms(text.includes('like') ? text.replace(SIMILE, (simile) => simile.slice(0, simile.search(/\slike\s/u))) : text, vocabulary)
      const previous = clauses.at(-1)
      if (previous && EXCEPTION.test(text)) {
        clauses.push({ said: new Set([...previous.said, ...said]), polarity: previous.polarity === 'positive' ? 'negative' : 'positive' })
        continue
      }
      if (previous && ELLIPTIC_DENIAL.test(text)) for (const term of previous.said) said.add(term)
      const polarity = clausePolarity(text.replace(REGRET, ''))
      if (polarity === 'positive' && CLASSIFIES.test(text)) continue
      const weak = (polarity === 'negative' && (PARTIAL_NEGATION.test(text) || SPEAKER_DENIAL.test(text) || NEGATIVE_IMPERATIVE.test(text))) || SPEAKER_TASTE.test(text)
      if (said.size > 0) clauses.push({ said, polarity, ...(weak ? { partial: true } : {}) })
    }
  }
  const said = lead === '' ? new Set<string>() : statementTerms(lead, vocabulary)
  if (said.size > 0) clauses.push({ said, polarity: clausePolarity(lead) })
  return clauses
}

/** An entry's clauses, read once per entry (entries live as long as their knowledge index). */
const entryClauseCache = new WeakMap<KnowledgeEntry, Clause[]>()

export function entryClauses(entry: KnowledgeEntry, vocabulary: ResolvedVocabulary): Clause[] {
  let clauses = entryClauseCache.get(entry)
  if (!clauses) {
    clauses = clausesOf(entry.sentence, vocabulary)
    entryClauseCache.set(entry, clauses)
  }
  return clauses
}

function sharedCount(left: Set<string>, right: Set<string>, vocabulary: ResolvedVocabulary): number {
  const broader = broaderTerms(vocabulary)
  let shared = 0
  for (const term of left) if (namesTerm(right, term, broader)) shared += 1
  return shared
}

const entryTermsCache = new WeakMap<KnowledgeEntry, Set<string>>()

/** What an entry is about for statements: its index terms and its clauses' terms ("no checks" → cheque). */
export function entryStatementTerms(entry: KnowledgeEntry, vocabulary: ResolvedVocabulary): Set<string> {
  let terms = entryTermsCache.get(entry)
  if (!terms) {
    terms = new Set(entry.terms)
    for (const clause of entryClauses(entry, vocabulary)) for (const term of clause.said) terms.add(term)
    entryTermsCache.set(entry, terms)
  }
  return terms
}

/**
 * How a clause of the reply relates to an entry: compared with the entry clause sharing most
 * of its terms (ties: the one with fewest terms of its own the reply clause does not name),
 * `same` or `opposite` polarity; `ambiguous` when equally close entry clauses disagree;
 * undefined when no entry clause shares a term. A denial in the reply is opposite only when one
 * of the two clauses names nothing the other does not: "we don't treat birds" does not deny
 * "We treat dogs, cats and rabbits", which shares only the verb, in a business's knowledge
 * (`closedWorld`: what it does not list it does not offer) — in prose it does; an affirmation
 * is opposite to a denial that names any of its terms ("reptiles are fine" against "No birds or
 * reptiles"). With `entryWhole`, opposite only when the reply clause names all of the entry
 * clause ("12 seats inside" does not affirm what "dogs …, not inside" denies).
 */
export function clauseRelation(clause: Clause, terms: Set<string>, entry: KnowledgeEntry, vocabulary: ResolvedVocabulary, closedWorld: boolean, entryWhole = false): 'same' | 'opposite' | 'ambiguous' | undefined {
  let bestShared = 0
  let bestExtra = Number.POSITIVE_INFINITY
  let polarities = new Set<Polarity>()
  for (const other of entryClauses(entry, vocabulary)) {
    const shared = sharedCount(terms, other.said, vocabulary)
    if (shared === 0) continue
    const extra = other.said.size - shared
    if (shared > bestShared || (shared === bestShared && extra < bestExtra)) {
      bestShared = shared
      bestExtra = extra
      polarities = new Set([other.polarity])
    } else if (shared === bestShared && extra === bestExtra) {
      polarities.add(other.polarity)
    }
  }
  if (polarities.size === 0) return undefined
  if (polarities.size > 1) return 'ambiguous'
  if (polarities.has(clause.polarity)) return 'same'
  if (clause.partial === true && !closedWorld) return undefined
  // A denial in the knowledge ("No birds or reptiles") denies each thing it names. A business's
  // knowledge lists all it offers (a closed world): a denial in the reply must name nothing the
  // entry clause does not, or be named whole by it. Prose describes its subjects without listing
  // what they are not (an open world): a denial of anything about a subject it describes is opposite.
  if (entryWhole) return bestExtra === 0 ? 'opposite' : undefined
  return clause.polarity === 'positive' || !closedWorld || bestShared === clause.said.size || bestExtra === 0 ? 'opposite' : undefined
}
