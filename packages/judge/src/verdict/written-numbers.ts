const UNITS: Record<string, number> = { zero: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 }
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 }
const SCALES: Record<string, number> = { thousand: 1000, million: 1_000_000 }

/** Reads a run of number words as one integer ("thirty five thousand five hundred" → 35500). */
function readNumber(words: string[]): number {
  let total = 0
  let current = 0
  for (const word of words) {
    if (word in UNITS) current += UNITS[word]!
    else if (word in TENS) current += TENS[word]!
    else if (word === 'hundred') current = (current || 1) * 100
    else if (word in SCALES) {
      total += (current || 1) * SCALES[word]!
      current = 0
    }
  }
  return total + current
}

const isNumberWord = (word: string) => word in UNITS || word in TENS || word === 'hundred' || word in SCALES

/**
 * A recogniser's transcript with its numbers written as digits, so the claim extractor reads
 * it like a written reply: "a cleaning is seven thousand yen" → "a cleaning is 7000 yen",
 * "nine zero zero dash eighteen zero zero" (how a synthesiser reads 09:00-18:00) →
 * "9:00-18:00". A `zero` ends a number (digits said one by one stay apart).
 */
export function writtenNumbers(transcript: string): string {
  const words = transcript.toLowerCase().split(/\s+/).filter(Boolean)
  const output: string[] = []
  for (let index = 0; index < words.length; ) {
    if (!isNumberWord(words[index]!) || words[index] === 'zero' || words[index] === 'oh') {
      output.push(words[index] === 'zero' || words[index] === 'oh' ? '0' : words[index]!)
      index++
      continue
    }
    const run: string[] = []
    while (index < words.length && isNumberWord(words[index]!) && words[index] !== 'zero' && words[index] !== 'oh') run.push(words[index++]!)
    output.push(String(readNumber(run)))
  }
  return output
    .join(' ')
    .replace(/\b(\d{1,2}) 0 0\b/g, '$1:00')
    .replace(/\b(\d{1,2}) (\d{2})\b(?= dash|$)/g, '$1:$2')
    .replace(/ dash /g, '-')
}
