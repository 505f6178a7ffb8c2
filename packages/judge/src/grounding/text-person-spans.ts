import { normalizeText } from '../internal/normalize-text.ts'
import { isSurnameReading, japaneseSurnames } from './japanese-surnames.ts'
import { nameWords, PERSON_NAMES } from './person-names.ts'

/** One person a line of free-text knowledge names, with the words that are theirs. */
export interface TextPersonSpan {
  /** Their name's words, lower case, and a Japanese name's kanji (`aoki`, `青木`). */
  names: Set<string>
  /** The line's words before its first name: a role said of everyone it lists ("Stylists:", "Concierge"). */
  head: string
  /** From their name to the next person's: their own roles and days. */
  own: string
  start: number
}

const CAPITALISED = /\b\p{Lu}\p{Ll}+\b/gu

/**
 * The people one line of free-text knowledge names, in order: titled names ("Ms. Aiko Mori",
 * "Coach Ito"), Japanese family names (青木, 河合先生), and a capitalised word that is a Japanese
 * family name's reading ("Aoki (colour, Tue–Sat)", "Yuki Aoki", "Kato（火曜・木曜）"), with the
 * given name beside it. Each person's words run to the next person's name, so a roster line
 * ("Estimates: Ms. Arai (Monday to Friday), Mr. Doi (Saturdays and Sundays)") gives each their
 * own days and the head's role.
 *
 * @example
 * textPersonSpans('Coach Ito (yoga and pilates, Mondays and Thursdays only)')
 * // [{ names: {ito}, head: '', own: 'Coach Ito (yoga and pilates, Mondays and Thursdays only)', start: 0 }]
 */
export function textPersonSpans(line: string): TextPersonSpan[] {
  const found: Array<{ names: Set<string>; start: number; end: number }> = []
  const taken = (start: number, end: number): boolean => found.some((hit) => start < hit.end && end > hit.start)
  for (const match of line.matchAll(PERSON_NAMES)) found.push({ names: nameWords(match[1] ?? ''), start: match.index, end: match.index + match[0].length })
  for (const surname of japaneseSurnames(line)) if (!taken(surname.start, surname.end)) found.push({ names: new Set([surname.reading, surname.name]), start: surname.start, end: surname.end })
  const words = [...line.matchAll(CAPITALISED)]
  words.forEach((match, at) => {
    const word = normalizeText(match[0])
    if (!isSurnameReading(word) || taken(match.index, match.index + match[0].length)) return
    // "Yuki Aoki" / "Aoki Yuki": a capitalised word right beside the family name is the given name.
    const names = new Set([word])
    let start = match.index
    let end = match.index + match[0].length
    const before = words[at - 1]
    const after = words[at + 1]
    if (before && before.index + before[0].length + 1 === match.index && !taken(before.index, match.index)) {
      names.add(normalizeText(before[0]))
      start = before.index
    } else if (after && end + 1 === after.index && !isSurnameReading(normalizeText(after[0]))) {
      names.add(normalizeText(after[0]))
      end = after.index + after[0].length
    }
    found.push({ names, start, end })
  })
  found.sort((left, right) => left.start - right.start)
  const head = found[0] ? line.slice(0, found[0].start) : ''
  return found.map((hit, at) => ({ names: hit.names, head, own: line.slice(hit.start, found[at + 1]?.start ?? line.length), start: hit.start }))
}
