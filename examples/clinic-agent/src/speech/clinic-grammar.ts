import { WEEKDAYS } from '../opening-hours.ts'

/**
 * A JSGF grammar of what callers say to the clinic, for pocketsphinx. A closed grammar
 * is far more accurate than the open English language model on telephone audio: the
 * recogniser only has to choose between the clinic's own phrases.
 */
export function clinicGrammar(treatments: string[]): string {
  const phrases = [
    'what time do you (open | close) [on <day>]',
    'are you open [on <day>]',
    'what are your [opening] hours',
    'when are you open',
    'how much (is | does) [a] <treatment> [cost]',
    'what does [a] <treatment> cost',
    'i (want | would like) to (book | make) an appointment [for [a] <treatment>] [on <day>]',
    'i (want | would like) to (cancel | move | change) my appointment',
    'can i (speak | talk) to (a human | a person | someone | the receptionist)',
    'i want to (speak | talk) to a (human | person)',
    'where are you [located]',
    'what is your address',
    'how do i get there',
    'do you (accept | take) [health] insurance',
    'is <treatment> covered by insurance',
    '<day> at <hour> [<minute>] [am | pm | o\'clock]',
    'my name is <name>',
    'thank you [goodbye]',
    'goodbye',
    'yes [please]',
    'no [thank you]',
    '<day>',
    '<treatment>',
  ]
  return [
    '#JSGF V1.0;',
    'grammar clinic;',
    `public <utterance> = ${phrases.map((phrase) => `(${phrase})`).join(' | ')};`,
    `<day> = ${[...WEEKDAYS, 'today', 'tomorrow'].join(' | ')};`,
    `<treatment> = ${treatments.join(' | ')};`,
    '<hour> = one | two | three | four | five | six | seven | eight | nine | ten | eleven | twelve;',
    '<minute> = thirty | fifteen | forty five;',
    '<name> = tanaka | sato | suzuki | yamada | smith | john | mary;',
    '',
  ].join('\n')
}
