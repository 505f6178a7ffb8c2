import { allMatches } from '../internal/all-matches.ts'
import { normalizeText } from '../internal/normalize-text.ts'

/** Whether a statement affirms or denies what it is about (offered, accepted, covered, allowed, open, available, needed). */
export type Polarity = 'positive' | 'negative'

/**
 * Negative forms, English and Japanese: not / n't / never / no longer / cannot, "no pets",
 * "there is no …", unavailable, prohibited, closed, sold out; ません, ない, できません,
 * ございません, 不可, 対象外, 禁止, お断り, なし, 不要, 休業, いたしかねます.
 */
const NEGATIVE = new RegExp(
  [
    "\\b(?:not|never|cannot|no longer|without|none|neither|nor)\\b",
    "n't\\b",
    '\\b(?:unavailable|unable|prohibited|forbidden|banned|disallowed|refused|declined|excluded|closed|sold out|fully booked|impossible|days? off|closing days?)\\b',
    // The verbs themselves deny what they govern: "many hotels ban it", "the park forbids fires".
    '\\b(?:bans|ban|prohibits|prohibit|forbids|forbid)\\b',
    // Adverbs of approximate negation: "they barely flap" says what "without flapping" says.
    '\\b(?:barely|hardly|scarcely|seldom|rarely)\\b',
    // "non-smoking rooms", "non-refundable"
    '\\bnon-\\p{L}',
    // "No pets.", "no parking", "there is no …", "we have no …", ": no", "pets: no"
    '(?:^|[,;:(]\\s*|\\b(?:is|are|have|has|there\'s|with|offer|accept|allow)\\s+)no\\s+(?!problem\\b|matter\\b|worries\\b|charge\\b|extra\\b|additional\\b|need to\\b)\\p{L}',
    ':\\s*(?:no|false|none|n/a)\\s*$',
    // 無い written in kanji; お控えください (please refrain), ダメ / 駄目 (not allowed, casual)
    '(?:ません|[な無]い(?!で(?:ください|下さい))|ず[、,。]|お控え|ダメ|だめ|駄目|ぬ|不可|対象外|禁止|禁煙|お断り|ご遠慮|なし|無し|不要|休業|休診|定休|(?<!昼)休み|いたしかねます|致しかねます|できかねます)',
  ].join('|'),
  'iu',
)

/** Every negative form of a text (NEGATIVE, global; compiled once). */
const NEGATIVES = new RegExp(NEGATIVE.source, 'giu')

/**
 * Negations that do not deny the fact: "not only", "no problem", "you don't need to worry", "ないでください" (a request), "追加料金なし" (no extra charge: included);
 * a negated verb of stopping or failing, which affirms (litotes: "never stop growing": they keep growing).
 */
const NOT_A_DENIAL = /(?:\bnever|\bnot|\bcannot|n't)\s+(?:stop|cease|fail)(?:s|ped|d|ed)?\b|(?:\bnot|n't) (?:only|just)\b|\bno problem\b|\bno worries\b|\bwhy not\b|\bif not\b|\bnot sure\b|\bnever mind\b|ご心配(?:は)?(?:いりません|ありません)|問題(?:ありません|ございません)|かまいません|構いません|(?:追加|別)?(?:料金|費用|ご負担|負担|チャージ)(?:は|も)?(?:なし|無し|かかりません|不要|いりません|ございません|ありません)/giu

/** A day off denied: "no closing day", "we don't have days off", 「定休日はございません」, 「休みはありません」 (open every day). */
const DENIED_DAY_OFF = /(?:\bno|n't\s+(?:have|take)(?:\s+(?:a|any))?|\bnever\s+(?:have|take)(?:\s+(?:a|any))?)\s+(?:closing days?|days? off)\b|(?:定休日?|休業日?|休診日?|休み)(?:は|も)?(?:ございません|ありません|ない)/giu

/**
 * The polarity of a statement: `negative` when it denies (see NEGATIVE), else `positive`.
 * A double negation ("not unavailable") reads as positive.
 *
 * @example
 * statementPolarity('Checks are not accepted.')  // 'negative'
 * statementPolarity('Pets are welcome.')         // 'positive'
 * statementPolarity('ペットの同伴はできません。')     // 'negative'
 */
export function statementPolarity(sentence: string): Polarity {
  return normalizedPolarity(normalizeText(sentence))
}

/** `statementPolarity` of a text already normalised (`normalizeText`): clauses are read from a normalised sentence. */
export function normalizedPolarity(normalized: string): Polarity {
  // "We don't have a closing day", 「定休日はございません」: a day off denied says open, no denial.
  const text = normalized.replace(NOT_A_DENIAL, ' ').replace(DENIED_DAY_OFF, ' ')
  const negations = allMatches(NEGATIVES, text).length
  if (negations === 0) return 'positive'
  // "not unavailable", "not closed": two denials in one clause affirm.
  return negations === 2 && /\bnot\s+(?:un\p{L}+|closed|prohibited|excluded)\b/iu.test(text) ? 'positive' : 'negative'
}

/**
 * Words that only carry a statement's polarity or its verb (offered, accepted, covered,
 * allowed, welcome, available, open, free, required …): they say how, not what, so they do
 * not count when a statement is matched to the knowledge entry it is about.
 */
export const POLARITY_WORDS: ReadonlySet<string> = new Set(
  (
    'offer offered offering provide provid available availability unavailable accept accepted acceptance take taken allow allowed permit permitted ' +
    'welcome welcom cover covered coverage include includ exclude exclud require requir need needed necessary possible impossible ' +
    'prohibit prohibited forbidden ban banned support supported do does have has had can cannot able unable ok okay fine ' +
    'sorry unfortunately currently right now however also still yes no not never sure ' +
    // Japanese verbal nouns of the same kind: use, offer, accept, handle, welcome, allow, need (ご利用いただけます, 対応しております, 不可)
    '利用 使用 可能 不可 不可能 対応 提供 受付 案内 用意 取扱 取り扱 歓迎 大丈夫 同伴 遠慮 禁止 不要 必要 対象 対象外 実施 ' +
    // and of coming in or bringing along, the way "come", "visit", "bring" are (お子様のご入店はお断り: children, not 入店)
    '入店 来店 入室 入館 来館 来院 来場 入場 持参 ' +
    // Pronouns that name no subject ("anything vegan", "something else")
    'except without anything anyth something someth everything everyth nothing noth anyone someone everyone thing'
  ).split(' '),
)
