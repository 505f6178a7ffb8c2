const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']

/** An integer below one billion in English words ("30000" → "thirty thousand"). */
export function numberToWords(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= 1e9) throw new RangeError(`numberToWords: expected an integer from 0 to 999999999, got ${value}`)
  if (value < 20) return ONES[value]!
  if (value < 100) return `${TENS[Math.floor(value / 10)]}${value % 10 ? ` ${ONES[value % 10]}` : ''}`
  if (value < 1000) return `${ONES[Math.floor(value / 100)]} hundred${value % 100 ? ` ${numberToWords(value % 100)}` : ''}`
  if (value < 1e6) return `${numberToWords(Math.floor(value / 1000))} thousand${value % 1000 ? ` ${numberToWords(value % 1000)}` : ''}`
  return `${numberToWords(Math.floor(value / 1e6))} million${value % 1e6 ? ` ${numberToWords(value % 1e6)}` : ''}`
}

/** Digits as espeak-ng reads them: a leading zero digit by digit ("09" → "zero nine"), else the number. */
function readDigits(digits: string): string {
  if (digits.length > 1 && digits.startsWith('0')) return [...digits].map((digit) => ONES[Number(digit)]).join(' ')
  return numberToWords(Number(digits))
}

/**
 * Text as the words a speech synthesiser says and a recogniser writes: lower case, no
 * punctuation, numbers in words the way espeak-ng reads them ("09:00-18:00" → "nine zero
 * zero dash eighteen zero zero"; "5,000 yen" → "five thousand yen"). The reference side of
 * a word error rate, and the sentences of a language model.
 *
 * @example
 * spokenForm('A cleaning is 5000 yen.') // 'a cleaning is five thousand yen'
 */
export function spokenForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/(\d),(\d{3})\b/g, '$1$2')
    .replace(/(\d+):(\d+)/g, (_, hours: string, minutes: string) => `${readDigits(hours)} ${minutes === '00' ? 'zero zero' : readDigits(minutes)}`)
    .replace(/(\d)-(?=\d)/g, '$1 dash ')
    .replace(/(\S)-(?=\s*\d)/g, '$1 dash ')
    .replace(/\d{1,9}/g, (digits) => ` ${readDigits(digits)} `)
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .replace(/(^|\s)'+|'+(?=\s|$)/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ')
}
