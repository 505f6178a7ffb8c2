const ENGLISH_UNITS: Record<string, number> = {
  zero: 0, a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
}
const ENGLISH_SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000 }

const KANJI_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const KANJI_SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
const KANJI_LARGE: Record<string, number> = { 万: 10_000, 億: 100_000_000 }

/** Regular-expression source matching Japanese numerals, mixed with digits ("三千", "1万5千", "3,000"). */
export const JAPANESE_NUMBER = '(?:[\\d,.]*[〇零一二三四五六七八九十百千万億][\\d〇零一二三四五六七八九十百千万億,.]*|\\d[\\d,]*(?:\\.\\d+)?)'

function parseEnglishWords(text: string): number | undefined {
  let total = 0
  let current = 0
  let seen = false
  for (const word of text.toLowerCase().split(/[\s-]+/u)) {
    if (word === 'and' || word === '') continue
    const unit = ENGLISH_UNITS[word]
    const scale = ENGLISH_SCALES[word]
    if (unit !== undefined) {
      current += unit
      seen = true
    } else if (scale !== undefined) {
      current = (current === 0 ? 1 : current) * scale
      if (scale >= 1000) {
        total += current
        current = 0
      }
      seen = true
    } else {
      return undefined
    }
  }
  return seen ? total + current : undefined
}

function parseJapanese(text: string): number | undefined {
  let total = 0
  let section = 0
  let digits = ''
  const flushDigits = (): number => {
    const value = digits === '' ? 0 : Number(digits)
    digits = ''
    return value
  }
  for (const character of text) {
    if (/[\d.]/u.test(character)) {
      digits += character
    } else if (character in KANJI_DIGITS) {
      digits += String(KANJI_DIGITS[character])
    } else if (character in KANJI_SMALL) {
      const value = flushDigits()
      section += (value === 0 ? 1 : value) * (KANJI_SMALL[character] ?? 1)
    } else if (character in KANJI_LARGE) {
      const value = flushDigits()
      section += value
      total += (section === 0 ? 1 : section) * (KANJI_LARGE[character] ?? 1)
      section = 0
    } else if (character !== ',') {
      return undefined
    }
  }
  const result = total + section + flushDigits()
  return Number.isFinite(result) ? result : undefined
}

/**
 * Parses a number written with digits ("3,000", "2.5"), English words ("five thousand")
 * or Japanese numerals ("三千", "1万5千"). Returns undefined when the text is not a number.
 */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/u.test(trimmed)) return Number(trimmed.replace(/,/gu, ''))
  if (/^[a-z\s-]+$/iu.test(trimmed)) return parseEnglishWords(trimmed)
  return parseJapanese(trimmed)
}
