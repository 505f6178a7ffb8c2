import { normalizeText } from '../internal/normalize-text.ts'

const TITLES = 'Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Professor|Doctor|Coach|Chef|Nurse|Instructor|Trainer|Captain|Stylist|Barber|Therapist|Hygienist|Dentist|Teacher|Manager|Owner|Sommelier|Pharmacist|Director|Mechanic|Sensei|Principal|Concierge|Receptionist'
/** Titles said before a name (Dr. Kawai, Coach Ito, Chef Mori, Stylist Aoki). */
export const TITLE = new RegExp(`^(?:${TITLES.toLowerCase()})\\.?$`, 'u')
/** One name word: capitalised, and not itself a title ("Hygienist Ms. Ueda": the name is Ueda, not "Ms"). */
const NAME_WORD = `(?!(?:${TITLES})\\b)\\p{Lu}[\\p{L}'’-]+`
/** A title, or a role before a title ("Hygienist Ms. Ueda", "Concierge Ms. Aiko Mori"), then one or two name words. */
const TITLED = `(?:${TITLES})\\.?\\s+(?:(?:${TITLES})\\.?\\s+)?(${NAME_WORD}(?:\\s+${NAME_WORD})?)`
/** A name of one to three capitalised words, or a Japanese family name, as a `name` fact's value ("Aiko Mori", 青木). */
export const BARE_NAME = /^(?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$/u
/** A titled name in English ("Ms. Aiko Mori", "Coach Ito"); group 1 is the name without the title. */
export const PERSON_NAME = new RegExp(`\\b${TITLED}`, 'u')
/** Every titled name of a text. */
export const PERSON_NAMES = new RegExp(`\\b${TITLED}`, 'gu')

/** A name's own words, lower case, without titles ("Coach Ito" → {ito}). */
export function nameWords(name: string): Set<string> {
  return new Set(normalizeText(name).split(/[\s.]+/u).filter((word) => word.length > 1 && !TITLE.test(word)))
}

