/** A redaction rule: every match of `pattern` (global) is replaced by `replacement`. */
export interface RedactionPattern {
  pattern: RegExp
  replacement: string
}

/**
 * E-mail addresses. Linear time: a match may only start where a local part starts (the
 * look-behind), so a long run of letters is scanned once, not once per position.
 */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g

/**
 * A maximal run of digits (ASCII or full-width) and phone separators. Linear time: the run
 * is matched greedily with nothing after it to backtrack for; `classifyNumberRun` then decides.
 */
const NUMBER_RUN = /(?<![A-Za-z0-9_:Ａ-Ｚａ-ｚ０-９：])[+＋]?[(（]?[0-9０-９][0-9０-９ \t().\-‐‑‒–—－（）．・]*/gu

/**
 * Default rules: e-mail addresses (`[email]`), phone numbers (`[phone]`: an optional
 * `+country`, then 9–15 digits in groups separated by spaces, dots, dashes or parentheses,
 * ASCII or full-width) and payment-card numbers (`[card]`: 13–19 digits that pass the Luhn
 * check, so ordinary long numbers stay). Dates such as `2025-06-14` (8 digits) and times such
 * as `09:00-18:00` are kept. Every rule runs in linear time.
 */
export const DEFAULT_REDACTION_PATTERNS: readonly RedactionPattern[] = [
  { pattern: EMAIL, replacement: '[email]' },
  { pattern: NUMBER_RUN, replacement: '[phone]' },
]

/**
 * Applies the rules to one text. The default number rule keeps runs with fewer than 9
 * digits and writes `[card]` for a Luhn-valid 13–19-digit card number.
 * @example
 * redactText('call ０９０‐１２３４‐５６７８ or mail aiko@example.jp') // 'call [phone] or mail [email]'
 */
export function redactText(text: string, patterns: readonly RedactionPattern[] = DEFAULT_REDACTION_PATTERNS): string {
  let result = text
  for (const { pattern, replacement } of patterns) {
    const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`)
    result = pattern === NUMBER_RUN ? result.replace(global, classifyNumberRun) : result.replace(global, replacement)
  }
  return result
}

const DIGIT = /[0-9０-９]/u
/** Latin letters, digits and colons glue to a number (`9am`, `18:00`); kana and kanji do not (`０９０…です`). */
const WORD_AFTER = /^[A-Za-z0-9_:Ａ-Ｚａ-ｚ０-９：]/u

function classifyNumberRun(run: string, offset: number, whole: string): string {
  let candidate = run
  // A run glued to a word or a colon (`9am`, `18:00`) ends at its last group that is not.
  if (WORD_AFTER.test(whole.slice(offset + run.length, offset + run.length + 1))) {
    candidate = candidate.replace(/[0-9０-９]+$/u, '')
  }
  let end = candidate.length
  while (end > 0 && !DIGIT.test(candidate[end - 1]!)) end -= 1
  candidate = candidate.slice(0, end)
  const rest = run.slice(candidate.length)
  const digits = [...candidate].filter((character) => DIGIT.test(character)).map((character) => (character.charCodeAt(0) >= 0xff10 ? character.charCodeAt(0) - 0xff10 : character.charCodeAt(0) - 48))
  if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) return `[card]${rest}`
  if (digits.length >= 9 && digits.length <= 15) return `[phone]${rest}`
  return run
}

function passesLuhn(digits: number[]): boolean {
  let sum = 0
  for (let index = 0; index < digits.length; index++) {
    let digit = digits[digits.length - 1 - index]!
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}
