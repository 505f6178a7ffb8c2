import { normalizedPolarity } from '../grounding/statement-polarity.ts'
import { normalizeText } from '../internal/normalize-text.ts'
import type { Claim } from './claim.ts'

/** Closing words: the day is a closing day of the business or of what the clause names. */
const CLOSED_WORDS = /\bclosed\b|\bclosing days?\b|\bdays? off\b|休診|休み|定休|休業|休館|お休み/iu
/** A denied closing word: "not closed", "isn't ever closed", 休診日ではありません, 休みじゃない. */
const DENIED_CLOSING = /\b(?:not|never)\s+(?:\w+\s+)?closed\b|n't\s+(?:\w+\s+)?closed\b|(?:休診|休み|定休|休業|休館)日?(?:で|じゃ)は?(?:ありません|ございません|ない)/iu
const OPEN_WORDS = /\bopen(?:s|ing)?\b|営業|診療|受付|開い|無休/iu

/** "except Tuesdays", "other than Mondays", "but not Sundays" (English says the exception before its days). */
const EXCEPT_BEFORE = /\b(?:except(?:\s+for)?|excluding|other than|apart from|but not)\s+(?:on\s+|for\s+)?$/iu
/** 月曜日以外, 火曜日を除く, 火曜を除いて (Japanese says it after them). */
const EXCEPT_AFTER = /^\s*(?:は|を)?(?:以外|除(?:く|いて|き))/u
/** The exception's own words, left out when the rest of the clause is read ("open every day except Tuesdays"). */
const EXCEPT_WORDS_SOURCE = '\\b(?:except(?:\\s+for)?|excluding|other than|apart from|but not)\\b|以外|を?除(?:く|いて|き)'
const EXCEPT_WORDS = new RegExp(EXCEPT_WORDS_SOURCE, 'giu')

/** Cheap look for anything statementPolarity may read as a denial (its negative forms start with these). */
const DENIAL_CUE = /\b(?:not|no|never|cannot|without|none|neither|nor|un\p{L}+|non-|refused|declined|excluded|prohibited|forbidden|banned|disallowed|impossible|sold|fully)\b|n't|:\s*(?:no|false|none|n\/a)|ません|ない|ず|ぬ|不|禁|断|遠慮|なし|無し|休|かね/iu
const EXCEPT_WORD = new RegExp(EXCEPT_WORDS_SOURCE, 'iu')
/** A clause that says what happens if ("if you can't come on Saturday") states no day's status. */
const CONDITIONAL = /\b(?:if|unless|in case|whether)\b|(?:なら|たら|れば|場合)/iu

/** Items of a list of days: commas, "and", "or", と, や. */
const LIST_JOINER = /^[\s,、・/]*(?:and|or|&|と|や|及び|および|または)?[\s,、・/]*$/iu

/** "only on weekends", "Saturdays only", 土日のみ, 平日だけ, 金曜限定: the days are all there are. */
const ONLY_BEFORE = /\bonly\s+(?:(?:in|here|there|open|available|works?|working|comes?|teach(?:es)?)\s+)?(?:on\s+|at\s+)?$/iu
const ONLY_AFTER = /^\s*(?:only\b|のみ|だけ|限定)/iu
/** Values a denial may be about instead of the day ("no extra charge on Saturdays", 土曜日は追加料金がかかりません). */
const VALUE_TYPES: ReadonlySet<Claim['type']> = new Set(['price', 'duration', 'count', 'number'])

const SENTENCE_MARKS = new Set(['.', '!', '?', '。', '！', '？'])
const CLAUSE_MARKS = new Set([',', ';', '.', '、', '。', '!', '?'])

/** The span between the nearest marks before `start` and from `end` on (one scan each way). */
function boundsBy(marks: ReadonlySet<string>, text: string, start: number, end: number): [number, number] {
  let left = start - 1
  while (left >= 0 && !marks.has(text[left] as string)) left -= 1
  let right = end
  while (right < text.length && !marks.has(text[right] as string)) right += 1
  return [left + 1, right]
}

/** The sentence around a span. */
function sentenceBounds(text: string, start: number, end: number): [number, number] {
  return boundsBy(SENTENCE_MARKS, text, start, end)
}

/** The clause (commas, semicolons, sentence ends) around a span. */
function clauseBounds(text: string, start: number, end: number): [number, number] {
  return boundsBy(CLAUSE_MARKS, text, start, end)
}

type WeekdayClaim = Claim & { value: Extract<Claim['value'], { kind: 'weekday' }> }

/**
 * Sets each weekday claim's status from its clause, in English and Japanese:
 * - `closed` for a closing word ("closed on Mondays", 月曜日は定休日) or an exception ("every
 *   day except Tuesdays", 火曜日以外), and for a denial with no clock time in the clause ("she's
 *   not in on Mondays", "we don't do moves on Sundays", 水曜日はおりません): then `negated` marks
 *   that the day is off for what the clause is about, not a closing day of the business;
 * - a denied closing word affirms ("we're not closed on Mondays", 休診ではありません);
 * - `open` for an opening word or a clock time in the clause; else `neutral`.
 * A denial inside a condition ("if you can't come on Saturday") sets nothing. The days of a list
 * ("Monday, Tuesday and Friday: 9:00-12:00", "except Mondays and Tuesdays") share a status.
 */
export function readWeekdayStatus(text: string, claims: Claim[]): void {
  const days = claims.filter((claim): claim is WeekdayClaim => claim.value.kind === 'weekday').sort((left, right) => left.start - right.start)
  if (days.length === 0) return
  // Only a text with a word that may deny needs a clause's polarity read (the costly part).
  const mayDeny = DENIAL_CUE.test(text)
  const lists: WeekdayClaim[][] = []
  for (const day of days) {
    const list = lists.at(-1)
    const last = list?.at(-1)
    if (list && last && LIST_JOINER.test(text.slice(last.end, day.start))) list.push(day)
    else lists.push([day])
  }
  for (const list of lists) {
    const first = list[0] as WeekdayClaim
    const last = list.at(-1) as WeekdayClaim
    const [clauseStart, clauseEnd] = clauseBounds(text, first.start, last.end)
    const timeBetween = (from: number, to: number): boolean => claims.some((other) => (other.type === 'time-range' || other.type === 'time') && other.start >= from && other.end <= to)
    if (EXCEPT_BEFORE.test(text.slice(clauseStart, first.start)) || EXCEPT_AFTER.test(text.slice(last.end, clauseEnd))) {
      // "except Sundays, when we close at six": the exception has hours of its own, it is no closing day.
      const sentenceEnd = sentenceBounds(text, first.start, last.end)[1]
      const status = timeBetween(last.end, sentenceEnd) && /^[\s,]*(?:when|where|on which)\b/iu.test(text.slice(last.end, sentenceEnd)) ? 'neutral' : 'closed'
      for (const day of list) day.value.status = status
      // "every day except Sundays", "Monday to Saturday except Wednesday": the days before the exception lose its days.
      if (status === 'closed') {
        const excepted = new Set(list.flatMap((day) => day.value.days))
        for (const other of days) {
          if (other.start < clauseStart || other.end > first.start || list.includes(other)) continue
          other.value = { ...other.value, days: other.value.days.filter((day) => !excepted.has(day)) }
        }
      }
      continue
    }
    const only = ONLY_BEFORE.test(text.slice(clauseStart, first.start)) || ONLY_AFTER.test(text.slice(last.end, clauseEnd))
    for (const day of list) {
      const [from, to] = clauseBounds(text, day.start, day.end)
      const clause = text.slice(from, to)
      const rest = EXCEPT_WORD.test(clause) ? clause.replace(EXCEPT_WORDS, ' ') : clause
      // A denial in a sentence that gives a time ("Not on Saturdays, sorry; we open at eight") is about the time.
      const deniesDay = (): boolean => {
        const [sentenceStart, sentenceEnd] = sentenceBounds(text, day.start, day.end)
        return !timeBetween(sentenceStart, sentenceEnd) && !CONDITIONAL.test(rest) && !claims.some((other) => VALUE_TYPES.has(other.type) && other.start >= from && other.end <= to) && normalizedPolarity(normalizeText(rest)) === 'negative'
      }
      // A closing word closes the day unless it is itself denied ("we're not closed on Mondays", 休診日ではありません).
      if (CLOSED_WORDS.test(rest)) day.value.status = DENIED_CLOSING.test(rest) ? 'open' : 'closed'
      else if (mayDeny && deniesDay()) day.value = { ...day.value, status: 'closed', negated: true }
      else day.value.status = timeBetween(from, to) || OPEN_WORDS.test(rest) ? 'open' : 'neutral'
      if (only && day.value.status !== 'closed') day.value.only = [...new Set(list.flatMap((item) => item.value.days))]
    }
  }
  // "Monday, Tuesday, Thursday, Friday: 9:00-12:00", "Open 10:00-19:00 Monday, Tuesday and Saturday": the days
  // of a list share the status one of them has (the nearest after it, else before it).
  for (const list of lists) {
    const said = list.filter((day) => day.value.status !== 'neutral')
    for (const day of list) {
      if (day.value.status !== 'neutral') continue
      const source = said.find((other) => other.start > day.start) ?? said.at(-1)
      if (source) day.value = { ...source.value, days: day.value.days }
    }
  }
}
