import { extractNormalizedClaims } from '../claims/extract-claims.ts'
import { normalizeSpokenForms } from '../internal/normalize-spoken-forms.ts'
import { normalizeText, stemWord } from '../internal/normalize-text.ts'
import { daysSaid } from './days-said.ts'
import { isSurnameReading, japaneseSurnames } from './japanese-surnames.ts'
import { nameWords, PERSON_NAME, PERSON_NAMES, TITLE } from './person-names.ts'
import { namesStaffRole } from './staff-roles.ts'
import { GENERAL_TERMS } from './subject-terms.ts'

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

/** A capitalised name of one or two words (a given name, a family name, or both). */
const UNTITLED = /(?:^|[^\p{L}'’.-])(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)(?:-(?:san|sama|sensei|kun|chan)\b)?(?![\p{L}'’-])/gu
/** A roster's syntax: the name starts the line or a list item, and a separator follows it ("Marcus - head mechanic", "Kenta (deliveries; …)"). */
const ROSTER_BEFORE = /(?:^|[:;,/、：；]\s*)$/u
const ROSTER_AFTER = /^(?:\s*[(（:：,]|\s+[-–—]\s)/u
/** Day and month names and their short forms (a closed class): "Tue, Thu, Sat" lists days, not people. */
const CALENDAR_WORD = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)$/u
/**
 * A label that ends the words between two people and introduces the second ("Cuts: Ms. Tanaka;
 * colour: Mr. Ito"): after a list separator, a few words and a colon or dash right before the name.
 */
const OWN_LABEL = /(?:^|[;,/、；|]\s*)([^;,/、；|:：()（）]{1,40}?)\s*(?:[:：]|\s[-–—])\s*$/u
/** Whether the words after a capitalised word are a colon and a person's name ("Painting: Kubo Jiro", "Front desk: Ms. Hara"): the word is a label. */
function labelsName(rest: string): boolean {
  const after = /^\s*[:：]\s*(.*)$/u.exec(rest)?.[1]
  if (after === undefined) return false
  if (PERSON_NAME.test(after) && PERSON_NAME.exec(after)?.index === 0) return true
  const first = /^\p{Lu}\p{Ll}+/u.exec(after)?.[0]
  return first !== undefined && isSurnameReading(normalizeText(first))
}

/** Nothing between two names but a joiner ("Chef Mori and Chef Abe", 森・阿部): they share what follows. */
const JOINED = /^\s*(?:and|&|or|・|と|、|,)\s*$/iu

/** Verbs of what someone does ("Sato teaches yoga", "Abe handles party bookings"). */
const DUTY_VERB = /^[\s(（:：,\-–—]*(?:\S+\s+){0,2}?(?:teaches|handles|does|runs|leads|covers|speaks|looks after|takes care of|manages|works|cooks|specialises|specializes|is our|is the)\b/u

/** Words that put a person after them: "with Sophie", "ask for Daniel", "book Hiro". */
const PERSON_BEFORE = /\b(?:with|ask for|book|see)\s+$/iu
/** A passive's agent before a name: "taught by Sarah", "handled by Oda". */
const AGENT_BEFORE = /\b(?:taught|handled|run|led|done|covered|managed|staffed|given|coached)\s+by\s+$/iu

/**
 * What says a name is a person's: the words after it are their days (and no other value), a staff
 * role or a verb of duty; or the words before it in its clause name a staff role ("The owner is
 * Kenji Watanabe") or make it a passive's agent ("Kids' classes are taught by Sarah").
 */
function personEvidence(rest: string, before: string): boolean {
  const clause = before.split(/[.;!?。；]/u).at(-1) ?? ''
  if (namesStaffRole(rest) || DUTY_VERB.test(rest) || AGENT_BEFORE.test(clause) || namesStaffRole(clause)) return true
  const claims = extractNormalizedClaims(normalizeSpokenForms(rest))
  return daysSaid(rest) !== undefined && claims.every((claim) => claim.value.kind === 'weekday' || claim.type === 'name')
}

/**
 * The people one line of free-text knowledge names, in order: titled names ("Ms. Aiko Mori",
 * "Coach Ito"), Japanese family names (青木, 河合先生), and untitled capitalised names — a Japanese
 * family name's reading ("Yuki Aoki", "Kato（火曜・木曜）") or any name in a roster's syntax
 * ("Marcus - head mechanic", "Kenta (deliveries; …)") — when the words after them are a
 * person's (their days and no other value, a staff role, a verb of duty) and not a place's
 * ("Minami 2-jo", "Ueno Station"). Each person's words run to the next person's name, so a roster line
 * ("Estimates: Ms. Arai (Monday to Friday), Mr. Doi (Saturdays and Sundays)") gives each their
 * own days and the head's role; a label right before a later name is that person's alone ("Cuts: Ms.
 * Tanaka; colour: Mr. Ito"). With `known` (the names other lines give people), an untitled name
 * the knowledge already knows is a person's on any line.
 *
 * @example
 * textPersonSpans('Coach Ito (yoga and pilates, Mondays and Thursdays only)')
 * // [{ names: {ito}, head: '', own: 'Coach Ito (yoga and pilates, Mondays and Thursdays only)', start: 0 }]
 */
export function textPersonSpans(line: string, known?: ReadonlySet<string>): TextPersonSpan[] {
  const found: Array<{ names: Set<string>; start: number; end: number }> = []
  const taken = (start: number, end: number): boolean => found.some((hit) => start < hit.end && end > hit.start)
  for (const match of line.matchAll(PERSON_NAMES)) found.push({ names: nameWords(match[1] ?? ''), start: match.index, end: match.index + match[0].length })
  for (const surname of japaneseSurnames(line)) if (!taken(surname.start, surname.end)) found.push({ names: new Set([surname.reading, surname.name]), start: surname.start, end: surname.end })
  for (const match of line.matchAll(UNTITLED)) {
    const name = match[1] ?? ''
    const start = match.index + match[0].indexOf(name)
    // After an honorific written after the name ("Tanaka-sensei (director)").
    const end = match.index + match[0].length
    if (taken(start, end)) continue
    const words = name.split(/\s+/u).map((word) => normalizeText(word))
    if (words.some((word) => CALENDAR_WORD.test(word) || TITLE.test(word))) continue
    const surname = words.some(isSurnameReading)
    const rest = line.slice(end, end + 80)
    // "Minami 2-jo", "Ueno Station": a place, not a person.
    if (/^\s*\d|^\s+(?:Station|Park|Street|St|Avenue|Ave|Ward|City|Line|Exit|Building|Bldg|Hall|Tower|Bridge|Road)\b/u.test(rest)) continue
    const roster = ROSTER_AFTER.test(rest) && ROSTER_BEFORE.test(line.slice(0, start))
    // "Stylists:", "Head mechanic –", "Painting: Kubo Jiro": a heading or a role, not a name.
    if (namesStaffRole(name) || /^\p{Lu}\p{Ll}+s\s*[:：]/u.test(line.slice(start)) || labelsName(rest)) continue
    // A name the knowledge's rosters already give a person ("Kids' classes are taught by Emma") is theirs on any line.
    if (known && words.every((word) => known.has(word))) {
      found.push({ names: new Set(words), start, end })
      continue
    }
    const before = line.slice(Math.max(0, start - 60), start)
    const clauseBefore = before.split(/[.;!?。；]/u).at(-1) ?? ''
    const agent = AGENT_BEFORE.test(clauseBefore)
    // Where a name is said as a person's: a roster's syntax, a role right before it ("Our manager Ryo", "Head chef – Kenji"), "with" or
    // "ask for" before it ("Lessons with Sophie: …"), or a clause it opens with a verb of duty ("Emily teaches …").
    const placed = roster || agent || namesStaffRole((clauseBefore.split(/[,(（)）、/]/u).at(-1) ?? '').split(/\s+/u).slice(-5).join(' ')) || PERSON_BEFORE.test(clauseBefore) || (ROSTER_BEFORE.test(line.slice(0, start)) && DUTY_VERB.test(rest))
    if (!surname && (!placed || words.some((word) => GENERAL_TERMS.words.has(stemWord(word))))) continue
    // "Kenta Ishii (apprentice)": a family name in a roster's syntax needs nothing more.
    if (!(surname && roster) && !agent && !personEvidence(rest, before)) continue
    found.push({ names: new Set(words), start, end })
  }
  found.sort((left, right) => left.start - right.start)
  const lineHead = found[0] ? line.slice(0, found[0].start) : ''
  // "Cuts: Ms. Tanaka; colour: Mr. Ito": a label before a later name is that person's, not the one before's;
  // then the line's head is the first person's label too, not a role of everyone listed.
  const labels = found.map((hit, at) => {
    if (at === 0) return undefined
    const between = line.slice(found[at - 1]?.end ?? 0, hit.start)
    const label = OWN_LABEL.exec(between)
    return label?.[1] ? { text: label[1], start: hit.start - between.length + label.index + label[0].indexOf(label[1]) } : undefined
  })
  const labelled = labels.some(Boolean)
  // "Colour: Ms. Tanaka and Mr. Ito; perms: Ms. Suzuki": a name without a label of its own is under the one before it.
  const heads: string[] = []
  found.forEach((_, at) => heads.push(at === 0 || !labelled ? lineHead : (labels[at]?.text ?? heads[at - 1] ?? '')))
  const ends = found.map((hit, at) => labels[at + 1]?.start ?? found[at + 1]?.start ?? line.length)
  // "Chef Mori and Chef Abe (kitchen, Tuesday to Friday)": a name joined to the next one shares what is said of it.
  const owns: string[] = []
  for (let at = found.length - 1; at >= 0; at -= 1) {
    const hit = found[at] as { start: number; end: number }
    const own = line.slice(hit.start, ends[at])
    const next = found[at + 1]
    owns[at] = next && !labels[at + 1] && JOINED.test(line.slice(hit.end, ends[at])) ? `${own}${(owns[at + 1] ?? '').slice(next.end - next.start)}` : own
  }
  return found.map((hit, at) => ({ names: hit.names, head: heads[at] ?? '', own: owns[at] ?? '', start: hit.start }))
}
